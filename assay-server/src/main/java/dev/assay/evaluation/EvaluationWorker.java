package dev.assay.evaluation;

import dev.assay.common.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The polling loop: claims due evaluations with {@code FOR UPDATE SKIP LOCKED} and a lease, as
 * many as it has free slots, and hands each to {@link EvaluationJob}. Any number of instances
 * may share one database; a row is only ever worked on by the holder of its current lease, and
 * rows of a worker that died are claimed again when their lease expires (at-least-once, see
 * docs/decisions/0004-evaluation-queue.md).
 *
 * <p>Two lanes, so that slow judge calls never hold up the metrics computed in the JVM: a small
 * platform-thread pool for CPU-bound metrics, and one virtual thread per evaluation of an
 * LLM-judged metric, up to {@code judge-concurrency} (docs/decisions/0005-judge-client.md).
 */
@Component
class EvaluationWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EvaluationWorker.class);

    private final EvaluationRepository evaluations;
    private final EvaluationJob job;
    private final WorkerProperties properties;
    private final Clock clock;
    private final Semaphore slotFreed = new Semaphore(0);
    private final Lane inJvm;
    private final Lane judged;
    private volatile boolean running;
    // Created by each start(): a cached test context is stopped and started again.
    @SuppressWarnings("NullAway.Init")
    private Thread poller;

    EvaluationWorker(EvaluationRepository evaluations, EvaluationJob job, WorkerProperties properties, Clock clock) {
        this.evaluations = evaluations;
        this.job = job;
        this.properties = properties;
        this.clock = clock;
        this.inJvm = new Lane(false, properties.threads());
        this.judged = new Lane(true, properties.judgeConcurrency());
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Evaluation workers are disabled on this instance (API only)");
            return;
        }
        running = true;
        inJvm.executor = Executors.newFixedThreadPool(properties.threads(), Thread.ofPlatform().name("evaluation-worker-", 0).factory());
        judged.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("evaluation-judge-", 0).factory());
        poller = Thread.ofPlatform().name("evaluation-poller").daemon().start(this::pollUntilStopped);
        log.info("Evaluation workers started: {} threads, {} judged evaluations at once, batches of {}, lease {}",
                properties.threads(), properties.judgeConcurrency(), properties.batchSize(), properties.lease());
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.interrupt();
        inJvm.executor.shutdown();
        judged.executor.shutdown();
        try {
            awaitOrInterrupt(inJvm.executor);
            awaitOrInterrupt(judged.executor);
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("Evaluation workers stopped; unfinished claims return to the queue when their lease expires");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void awaitOrInterrupt(ExecutorService executor) throws InterruptedException {
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    private void pollUntilStopped() {
        while (running) {
            try {
                // A slot freed from here on wakes the wait below, so a full lane starts its next job at once.
                slotFreed.drainPermits();
                if (pollOnce() == 0) {
                    slotFreed.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Polling the evaluation queue failed; trying again", e);
                sleepQuietly();
            }
        }
    }

    private int pollOnce() {
        int claimed = 0;
        for (Lane lane : List.of(inJvm, judged)) {
            int free = lane.freeSlots.drainPermits();
            if (free == 0) {
                continue;
            }
            List<EvaluationRepository.Claim> claims;
            try {
                claims = evaluations.claim(Math.min(free, properties.batchSize()), Timestamps.now(clock), properties.lease(),
                        lane.judged);
            } catch (RuntimeException e) {
                lane.freeSlots.release(free);
                throw e;
            }
            lane.freeSlots.release(free - claims.size());
            claims.forEach(claim -> lane.executor.execute(() -> runReleasing(lane, claim)));
            claimed += claims.size();
        }
        return claimed;
    }

    private void runReleasing(Lane lane, EvaluationRepository.Claim claim) {
        try {
            job.run(claim);
        } catch (RuntimeException e) {
            log.error("Evaluation {} attempt {} crashed; it returns to the queue when its lease expires",
                    claim.id(), claim.attempt(), e);
        } finally {
            lane.freeSlots.release();
            slotFreed.release();
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(properties.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The evaluations of one kind of metric: how many may run at once, and where they run. */
    private static final class Lane {
        private final boolean judged;
        private final Semaphore freeSlots;
        @SuppressWarnings("NullAway.Init") // created by start()
        private ExecutorService executor;

        private Lane(boolean judged, int slots) {
            this.judged = judged;
            this.freeSlots = new Semaphore(slots);
        }
    }
}

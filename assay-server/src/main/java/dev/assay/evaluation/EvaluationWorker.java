package dev.assay.evaluation;

import dev.assay.common.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
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
 *
 * <p>On shutdown the workers stop after the web server has drained its requests and before the
 * connection pool closes (docs/decisions/0008-shutdown-order.md): no new claims, running
 * evaluations get {@link #STOP_WAIT} to finish, and the leases of those that did not are released
 * so another instance (or the next start) takes them at once instead of after the lease.
 */
@Component
class EvaluationWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EvaluationWorker.class);
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final EvaluationRepository evaluations;
    private final EvaluationJob job;
    private final WorkerProperties properties;
    private final Clock clock;
    private final Semaphore slotFreed = new Semaphore(0);
    private final Lane inJvm;
    private final Lane judged;
    private final Set<EvaluationRepository.Claim> inFlight = ConcurrentHashMap.newKeySet();
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
        try {
            // No claim is made once the poller has ended, so every claim is either finished or in inFlight.
            poller.join(STOP_WAIT.toMillis());
            inJvm.executor.shutdown();
            judged.executor.shutdown();
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            inJvm.executor.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
            judged.executor.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Evaluations still running are not interrupted: an interrupt closes the JDBC socket of the
        // thread, so the job could not even write its own failure. Their rows are released instead;
        // whatever they write before the process ends is keyed by their attempt, as always.
        releaseUnfinished();
    }

    private static long remaining(long deadlineNanos) {
        return Math.max(0, deadlineNanos - System.nanoTime());
    }

    /** Hands the rows still claimed by this instance back to the queue, due at once. */
    private void releaseUnfinished() {
        int released = 0;
        for (EvaluationRepository.Claim claim : List.copyOf(inFlight)) {
            try {
                if (evaluations.release(claim)) {
                    released++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not release evaluation {}; it returns to the queue when its lease expires", claim.id(), e);
            }
        }
        log.info("Evaluation workers stopped; {} unfinished evaluations released to the queue", released);
    }

    /** Phase: stopped after the web server's graceful shutdown, before the web server and the database stop. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE - 512;
    }

    @Override
    public boolean isRunning() {
        return running;
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
            inFlight.addAll(claims);
            claims.forEach(claim -> lane.executor.execute(() -> runReleasing(lane, claim)));
            claimed += claims.size();
        }
        return claimed;
    }

    private void runReleasing(Lane lane, EvaluationRepository.Claim claim) {
        try {
            job.run(claim);
        } catch (RuntimeException e) {
            if (running) {
                log.error("Evaluation {} attempt {} crashed; it returns to the queue when its lease expires",
                        claim.id(), claim.attempt(), e);
            } else {
                log.info("Evaluation {} attempt {} ended by the shutdown: {}", claim.id(), claim.attempt(), e.toString());
            }
        } finally {
            inFlight.remove(claim);
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

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
 * many as it has free threads, and hands each to {@link EvaluationJob}. Any number of instances
 * may share one database; a row is only ever worked on by the holder of its current lease, and
 * rows of a worker that died are claimed again when their lease expires (at-least-once, see
 * docs/decisions/0004-evaluation-queue.md).
 */
@Component
class EvaluationWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EvaluationWorker.class);

    private final EvaluationRepository evaluations;
    private final EvaluationJob job;
    private final WorkerProperties properties;
    private final Clock clock;
    private final Semaphore freeThreads;
    private volatile boolean running;
    private ExecutorService executor;
    private Thread poller;

    EvaluationWorker(EvaluationRepository evaluations, EvaluationJob job, WorkerProperties properties, Clock clock) {
        this.evaluations = evaluations;
        this.job = job;
        this.properties = properties;
        this.clock = clock;
        this.freeThreads = new Semaphore(properties.threads());
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Evaluation workers are disabled on this instance (API only)");
            return;
        }
        running = true;
        executor = Executors.newFixedThreadPool(properties.threads(), Thread.ofPlatform().name("evaluation-worker-", 0).factory());
        poller = Thread.ofPlatform().name("evaluation-poller").daemon().start(this::pollUntilStopped);
        log.info("Evaluation workers started: {} threads, batches of {}, lease {}", properties.threads(),
                properties.batchSize(), properties.lease());
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.interrupt();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
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

    private void pollUntilStopped() {
        while (running) {
            try {
                int claimed = pollOnce();
                if (claimed == 0) {
                    Thread.sleep(properties.pollInterval());
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

    private int pollOnce() throws InterruptedException {
        freeThreads.acquire();
        int free = 1 + freeThreads.drainPermits();
        int wanted = Math.min(free, properties.batchSize());
        List<EvaluationRepository.Claim> claims;
        try {
            claims = evaluations.claim(wanted, Timestamps.now(clock), properties.lease());
        } catch (RuntimeException e) {
            freeThreads.release(free);
            throw e;
        }
        freeThreads.release(free - claims.size());
        for (EvaluationRepository.Claim claim : claims) {
            executor.execute(() -> {
                try {
                    job.run(claim);
                } catch (RuntimeException e) {
                    log.error("Evaluation {} attempt {} crashed; it returns to the queue when its lease expires",
                            claim.id(), claim.attempt(), e);
                } finally {
                    freeThreads.release();
                }
            });
        }
        return claims.size();
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(properties.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

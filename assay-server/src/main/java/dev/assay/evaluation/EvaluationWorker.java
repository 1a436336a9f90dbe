package dev.assay.evaluation;

import dev.assay.common.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * The polling loop: claims due evaluations with {@code FOR UPDATE SKIP LOCKED} and a lease, fairly
 * across organizations, and hands them to {@link EvaluationJob}. Any number of instances may share
 * one database; a row is only ever worked on by the holder of its current lease, which
 * {@link LeaseHeartbeat} renews while the work runs, and rows of a worker that died are claimed
 * again when their lease expires (at-least-once, see docs/decisions/0004-evaluation-queue.md).
 *
 * <p>Two lanes, so that slow judge calls never hold up the metrics computed in the JVM: a small
 * platform-thread pool for CPU-bound metrics, each thread scoring a whole claimed batch within a
 * time slice and each score within a CPU-time budget ({@link ScoringBudget}), and one virtual
 * thread per evaluation of an LLM-judged metric, up to {@code judge-concurrency}
 * (docs/decisions/0005-judge-client.md).
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
    private final LeaseHeartbeat heartbeat;
    private final WorkerProperties properties;
    private final Clock clock;
    private final ScoringBudget budget;
    private final Semaphore slotFreed = new Semaphore(0);
    private final Lane inJvm;
    private final Lane judged;
    private volatile boolean running;
    // Created by each start(): a cached test context is stopped and started again.
    @SuppressWarnings("NullAway.Init")
    private Thread poller;

    EvaluationWorker(EvaluationRepository evaluations, EvaluationJob job, LeaseHeartbeat heartbeat, WorkerProperties properties,
            Clock clock) {
        this.evaluations = evaluations;
        this.job = job;
        this.heartbeat = heartbeat;
        this.properties = properties;
        this.clock = clock;
        this.budget = new ScoringBudget(properties.scoreBudget());
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
        budget.start();
        heartbeat.start();
        poller = Thread.ofPlatform().name("evaluation-poller").daemon().start(this::pollUntilStopped);
        log.info("Evaluation workers started: {} threads, {} judged evaluations at once, batches of {}, lease {} renewed every {}, "
                + "score budget {}", properties.threads(), properties.judgeConcurrency(), properties.batchSize(),
                properties.lease(), properties.heartbeat(), properties.scoreBudget());
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.interrupt();
        try {
            // No claim is made once the poller has ended, so every claim is either finished or held by the heartbeat.
            poller.join(STOP_WAIT.toMillis());
            inJvm.executor.shutdown();
            judged.executor.shutdown();
            long deadline = System.nanoTime() + STOP_WAIT.toNanos();
            inJvm.executor.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
            judged.executor.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeat.stop();
        budget.stop();
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
        for (EvaluationRepository.Claim claim : heartbeat.held()) {
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

    /**
     * One claim per free in-JVM thread (a batch each), and one claim for the free judge slots
     * (an evaluation each). Returns how many rows were claimed.
     */
    private int pollOnce() {
        int claimed = 0;
        while (inJvm.freeSlots.tryAcquire()) {
            List<EvaluationRepository.Claim> claims = claim(inJvm, 1, properties.batchSize());
            if (claims.isEmpty()) {
                break;
            }
            inJvm.executor.execute(() -> runReleasing(inJvm, 1, () -> job.runBatch(claims, budget)));
            claimed += claims.size();
        }
        int free = judged.freeSlots.drainPermits();
        if (free > 0) {
            List<EvaluationRepository.Claim> claims = claim(judged, free, Math.min(free, properties.batchSize()));
            judged.freeSlots.release(free - claims.size());
            if (!claims.isEmpty()) {
                judged.executor.execute(() -> runJudged(claims));
            }
            claimed += claims.size();
        }
        return claimed;
    }

    /** Claims for a lane holding {@code slots} of its permits, which are given back when nothing was claimed. */
    private List<EvaluationRepository.Claim> claim(Lane lane, int slots, int limit) {
        List<EvaluationRepository.Claim> claims;
        try {
            claims = evaluations.claim(limit, Timestamps.now(clock), properties.lease(), lane.judged, properties.maxAttempts());
        } catch (RuntimeException e) {
            lane.freeSlots.release(slots);
            throw e;
        }
        if (claims.isEmpty() && !lane.judged) {
            lane.freeSlots.release(slots);
        }
        heartbeat.hold(claims.stream().filter(claim -> !claim.gaveUp()).toList());
        return claims;
    }

    /** Loads a judged batch, then scores each evaluation on its own virtual thread, one slot each. */
    private void runJudged(List<EvaluationRepository.Claim> claims) {
        List<EvaluationInputLoader.Prepared> prepared;
        try {
            prepared = job.prepareJudged(claims);
        } catch (RuntimeException e) {
            log.error("Preparing {} judged evaluations crashed; they return to the queue when their lease expires", claims.size(), e);
            heartbeat.release(claims);
            judged.freeSlots.release(claims.size());
            slotFreed.release();
            return;
        }
        judged.freeSlots.release(claims.size() - prepared.size());
        slotFreed.release();
        for (EvaluationInputLoader.Prepared each : prepared) {
            judged.executor.execute(() -> runReleasing(judged, 1, () -> job.runPrepared(each)));
        }
    }

    private void runReleasing(Lane lane, int slots, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Evaluation work crashed; its claims return to the queue when their lease expires", e);
        } finally {
            lane.freeSlots.release(slots);
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

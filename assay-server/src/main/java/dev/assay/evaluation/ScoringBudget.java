package dev.assay.evaluation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Holds every deterministic score to a CPU-time budget. A score runs on its worker's own thread;
 * a watchdog thread checks the thread's CPU time every few milliseconds and, past the budget,
 * interrupts it. The metrics with super-linear loops (the longest common subsequence of Text
 * Similarity, Text Match and ROUGE-L) stop at an interrupt; the others are linear and bounded by
 * the size limit on scored texts. Either way a score past its budget counts as over budget,
 * whether it stopped or finished. Plain Java: the worker starts and stops it.
 */
final class ScoringBudget {
    private static final long WATCH_EVERY_MILLIS = 20;

    private final long budgetNanos;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Slot> slot = ThreadLocal.withInitial(this::register);
    private volatile boolean watching;
    private @Nullable Thread watchdog;

    ScoringBudget(Duration budget) {
        this.budgetNanos = budget.toNanos();
    }

    void start() {
        watching = true;
        watchdog = Thread.ofPlatform().name("evaluation-budget-watchdog").daemon().start(this::watch);
    }

    void stop() {
        watching = false;
        Thread watching = watchdog;
        if (watching != null) {
            watching.interrupt();
        }
    }

    /** A score's outcome, and whether it used more CPU time than the budget. */
    record Timed<T>(T value, boolean overBudget) {}

    /** Runs one score on the calling thread within the budget. */
    <T> Timed<T> run(Supplier<T> score) {
        Slot mine = slot.get();
        long token = mine.next++;
        mine.startCpuNanos = threads.getCurrentThreadCpuTime();
        mine.running.set(token);
        T value;
        try {
            value = score.get();
        } finally {
            if (!mine.running.compareAndSet(token, 0)) {
                // The watchdog claimed this score: wait until its interrupt has landed, then clear it.
                while (mine.interrupted != token) {
                    Thread.onSpinWait();
                }
                Thread.interrupted();
                mine.running.set(0);
            }
        }
        return new Timed<>(value, mine.interrupted == token);
    }

    private Slot register() {
        Slot created = new Slot(Thread.currentThread());
        slots.add(created);
        return created;
    }

    private void watch() {
        while (watching) {
            for (Slot each : slots) {
                if (!each.thread.isAlive()) {
                    slots.remove(each);
                    continue;
                }
                long token = each.running.get();
                if (token <= 0) {
                    continue;
                }
                long start = each.startCpuNanos;
                long now = threads.getThreadCpuTime(each.thread.threadId());
                if (now - start > budgetNanos && each.running.compareAndSet(token, -token)) {
                    each.thread.interrupt();
                    each.interrupted = token;
                }
            }
            try {
                Thread.sleep(WATCH_EVERY_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One worker thread: the score it runs (a token, 0 when idle, negated once interrupted). */
    private static final class Slot {
        private final Thread thread;
        private final AtomicLong running = new AtomicLong();
        private long next = 1;
        private volatile long startCpuNanos;
        private volatile long interrupted;

        private Slot(Thread thread) {
            this.thread = thread;
        }
    }
}

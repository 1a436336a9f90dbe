package dev.assay.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps the dashboard's organization-wide aggregates (mean scores, daily trends, comparisons) for a
 * short while. They scan every evaluation or turn of an organization, which takes seconds at
 * millions of rows, so no page waits for them:
 *
 * <ul>
 *   <li>A first view starts the computation in the background and waits at most
 *       {@link #FIRST_WAIT} for it. Quick figures (a small organization) are shown at once; slow
 *       ones give {@link Computed#pending() pending}, and the page says they are being computed
 *       and reloads itself until they are there. Views arriving while it runs do not wait: they
 *       get the figures if they are there, else pending at once. At most {@link #MAX_FIRST_COMPUTATIONS} run at
 *       once; past that a view stays pending and the next reload tries again.</li>
 *   <li>Once figures exist, a page shows them with their time and, when they are older than
 *       {@link #FRESH}, starts one recomputation in the background (at most
 *       {@link #MAX_REFRESHES} at once).</li>
 *   <li>A first computation that fails is reported to the view that waits for it, or to the next
 *       view, once; the view after that tries again. A failed refresh keeps the last figures.</li>
 * </ul>
 *
 * At most {@link #MAX_ENTRIES} entries; past that the cache is cleared rather than grown.
 */
@Component
class AggregateCache {
    static final Duration FRESH = Duration.ofSeconds(30);
    static final Duration FIRST_WAIT = Duration.ofMillis(250);
    static final int MAX_ENTRIES = 10_000;
    static final int MAX_REFRESHES = 2;
    static final int MAX_FIRST_COMPUTATIONS = 4;
    private static final Logger log = LoggerFactory.getLogger(AggregateCache.class);

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<Entry>> firstComputations = new ConcurrentHashMap<>();
    private final Semaphore refreshes = new Semaphore(MAX_REFRESHES);
    private final Semaphore firsts = new Semaphore(MAX_FIRST_COMPUTATIONS);
    private final Clock clock;
    private final Duration firstWait;

    @Autowired
    AggregateCache(Clock clock) {
        this(clock, FIRST_WAIT);
    }

    AggregateCache(Clock clock, Duration firstWait) {
        this.clock = clock;
        this.firstWait = firstWait;
    }

    /**
     * The figures of {@code name} for the organization: cached, computed within {@link #FIRST_WAIT},
     * or pending while a background computation runs.
     */
    @SuppressWarnings("unchecked")
    <T> Computed<T> get(UUID organizationId, String name, Supplier<T> compute) {
        Key key = new Key(organizationId, name);
        Entry entry = entries.get(key);
        if (entry == null) {
            return first(key, compute);
        }
        if (entry.computedAt().plus(FRESH).isBefore(clock.instant()) && entry.claimRefresh()) {
            refreshLater(key, compute);
        }
        return new Computed<>((T) entry.value(), entry.computedAt());
    }

    @SuppressWarnings("unchecked")
    private <T> Computed<T> first(Key key, Supplier<T> compute) {
        CompletableFuture<Entry> running = firstComputations.get(key);
        // Only the view that starts a computation waits for it; views arriving while it runs answer
        // at once, so a page's latency never includes another view's wait.
        long waitMillis = 0;
        if (running == null) {
            if (!firsts.tryAcquire()) {
                return Computed.notYet();
            }
            CompletableFuture<Entry> started = new CompletableFuture<>();
            running = firstComputations.putIfAbsent(key, started);
            if (running == null) {
                running = started;
                waitMillis = firstWait.toMillis();
                Thread.ofVirtual().name("dashboard-aggregate-first").start(() -> computeFirst(key, compute, started));
            } else {
                firsts.release();
            }
        }
        try {
            Entry entry = running.get(waitMillis, TimeUnit.MILLISECONDS);
            return new Computed<>((T) entry.value(), entry.computedAt());
        } catch (TimeoutException stillRunning) {
            return Computed.notYet();
        } catch (ExecutionException failed) {
            // Reported once; the next view starts again.
            firstComputations.remove(key, running);
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Computed.notYet();
        }
    }

    private <T> void computeFirst(Key key, Supplier<T> compute, CompletableFuture<Entry> result) {
        try {
            Entry entry = new Entry(compute.get(), clock.instant());
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, entry);
            firstComputations.remove(key, result);
            result.complete(entry);
        } catch (RuntimeException e) {
            log.warn("Computing dashboard figures {} failed", key.name(), e);
            result.completeExceptionally(e);
        } finally {
            firsts.release();
        }
    }

    private <T> void refreshLater(Key key, Supplier<T> compute) {
        if (!refreshes.tryAcquire()) {
            entries.computeIfPresent(key, (k, e) -> e.releaseRefresh());
            return;
        }
        Thread.ofVirtual().name("dashboard-aggregate-refresh").start(() -> {
            try {
                entries.put(key, new Entry(compute.get(), clock.instant()));
            } catch (RuntimeException e) {
                log.warn("Refreshing dashboard figures {} failed; the previous ones stay", key.name(), e);
                entries.computeIfPresent(key, (k, old) -> old.releaseRefresh());
            } finally {
                refreshes.release();
            }
        });
    }

    /** Cached figures and when they were computed, or neither while they are being computed. */
    record Computed<T>(@Nullable T nullableValue, @Nullable Instant nullableComputedAt) {
        static <T> Computed<T> notYet() {
            return new Computed<>(null, null);
        }

        /** Whether the figures are still being computed: the page says so and reloads itself. */
        boolean pending() {
            return nullableValue == null;
        }

        /** The figures; only when not {@link #pending()}. */
        T value() {
            return Objects.requireNonNull(nullableValue, "pending");
        }

        /** The figures, or {@code whilePending} while they are being computed. */
        T valueOr(T whilePending) {
            return nullableValue == null ? whilePending : nullableValue;
        }

        Instant computedAt() {
            return Objects.requireNonNull(nullableComputedAt, "pending");
        }
    }

    private record Key(UUID organizationId, String name) {}

    private static final class Entry {
        private final Object value;
        private final Instant computedAt;
        private final AtomicBoolean refreshing = new AtomicBoolean();

        Entry(Object value, Instant computedAt) {
            this.value = Objects.requireNonNull(value);
            this.computedAt = computedAt;
        }

        Object value() {
            return value;
        }

        Instant computedAt() {
            return computedAt;
        }

        boolean claimRefresh() {
            return refreshing.compareAndSet(false, true);
        }

        Entry releaseRefresh() {
            refreshing.set(false);
            return this;
        }
    }
}

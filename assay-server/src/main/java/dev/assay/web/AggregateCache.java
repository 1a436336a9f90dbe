package dev.assay.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the dashboard's organization-wide aggregates (mean scores, daily trends) for a short while.
 * They scan every evaluation or turn of an organization, which takes seconds at millions of rows,
 * so a page shows the last computed figures and, once they are older than {@link #FRESH}, starts
 * one recomputation in the background (at most {@link #MAX_REFRESHES} at once). Only the first
 * view of an organization waits. At most {@link #MAX_ENTRIES} entries; past that the cache is
 * cleared rather than grown.
 */
@Component
class AggregateCache {
    static final Duration FRESH = Duration.ofSeconds(30);
    static final int MAX_ENTRIES = 10_000;
    static final int MAX_REFRESHES = 2;
    private static final Logger log = LoggerFactory.getLogger(AggregateCache.class);

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Semaphore refreshes = new Semaphore(MAX_REFRESHES);
    private final Clock clock;

    AggregateCache(Clock clock) {
        this.clock = clock;
    }

    /** The figures of {@code name} for the organization: cached, or computed now when there are none. */
    @SuppressWarnings("unchecked")
    <T> Computed<T> get(UUID organizationId, String name, Supplier<T> compute) {
        Key key = new Key(organizationId, name);
        Entry entry = entries.get(key);
        if (entry == null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entry = new Entry(compute.get(), clock.instant());
            entries.put(key, entry);
        } else if (entry.computedAt().plus(FRESH).isBefore(clock.instant()) && entry.claimRefresh()) {
            refreshLater(key, compute);
        }
        return new Computed<>((T) entry.value(), entry.computedAt());
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

    /** Cached figures and when they were computed. */
    record Computed<T>(T value, Instant computedAt) {}

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

package dev.assay.trace;

import dev.assay.common.OverloadedException;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bounds how many span writes (batches and OTLP requests) run at once: at most
 * {@code assay.traces.max-concurrent-ingests} in all, and at most
 * {@code assay.traces.max-concurrent-ingests-per-organization} of them for one organization, so a
 * single tenant cannot take every slot. A request that finds its organization's share or the whole
 * gate taken waits up to {@code assay.traces.ingest-wait} in all; then it is refused with 503 and a
 * {@code Retry-After}, so an exporter backs off and re-sends instead of its spans being dropped.
 */
@Component
class IngestGate {
    private final Semaphore slots;
    private final ConcurrentMap<UUID, Semaphore> shares = new ConcurrentHashMap<>();
    private final TraceProperties properties;

    IngestGate(TraceProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.maxConcurrentIngests(), true);
    }

    <T> T call(UUID organizationId, Supplier<T> work) {
        long deadline = System.nanoTime() + properties.ingestWait().toNanos();
        Semaphore share = share(organizationId);
        if (!acquire(share, deadline)) {
            throw new OverloadedException("This organization already has " + properties.ingestSlotsPerOrganization()
                    + " span writes running (assay.traces.max-concurrent-ingests-per-organization); retry after "
                    + retryAfterSeconds() + " s", retryAfterSeconds());
        }
        try {
            if (!acquire(slots, deadline)) {
                throw new OverloadedException("Span ingestion is at capacity; retry after " + retryAfterSeconds() + " s",
                        retryAfterSeconds());
            }
            try {
                return work.get();
            } finally {
                slots.release();
            }
        } finally {
            share.release();
        }
    }

    /**
     * The organization's share of the slots. One small semaphore per organization that ever wrote
     * spans, kept for the life of the process: organizations are few, and a share dropped while a
     * request holds it would let the organization exceed it.
     */
    private Semaphore share(UUID organizationId) {
        return shares.computeIfAbsent(organizationId, id -> new Semaphore(properties.ingestSlotsPerOrganization(), true));
    }

    private long retryAfterSeconds() {
        return properties.retryAfter().toSeconds();
    }

    private static boolean acquire(Semaphore semaphore, long deadlineNanos) {
        try {
            return semaphore.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Takes every slot, for as long as the returned handle stays open (tests of the 503 path). */
    AutoCloseable holdAll() throws InterruptedException {
        int all = properties.maxConcurrentIngests();
        slots.acquire(all);
        return () -> slots.release(all);
    }

    /** Takes an organization's whole share, for as long as the returned handle stays open (tests). */
    AutoCloseable holdShareOf(UUID organizationId) throws InterruptedException {
        Semaphore share = share(organizationId);
        int all = properties.ingestSlotsPerOrganization();
        share.acquire(all);
        return () -> share.release(all);
    }
}

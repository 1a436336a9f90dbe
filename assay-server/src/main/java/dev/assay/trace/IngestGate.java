package dev.assay.trace;

import dev.assay.common.AssayException;
import dev.assay.common.ErrorCode;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bounds how many span writes (batches and OTLP requests) run at once. A request that finds every
 * slot taken waits up to {@code assay.traces.ingest-wait}; then it is refused with 503 and a
 * {@code Retry-After}, so an exporter backs off and re-sends instead of its spans being dropped.
 */
@Component
class IngestGate {
    private final Semaphore slots;
    private final TraceProperties properties;

    IngestGate(TraceProperties properties) {
        this.properties = properties;
        this.slots = new Semaphore(properties.maxConcurrentIngests(), true);
    }

    <T> T call(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(properties.ingestWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new Overloaded(properties.retryAfter().toSeconds());
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    /** Takes every slot, for as long as the returned handle stays open (tests of the 503 path). */
    AutoCloseable holdAll() throws InterruptedException {
        int all = properties.maxConcurrentIngests();
        slots.acquire(all);
        return () -> slots.release(all);
    }

    /** The 503 of a full gate; the controller advice adds {@code Retry-After}. */
    static final class Overloaded extends AssayException {
        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        Overloaded(long retryAfterSeconds) {
            super(ErrorCode.OVERLOADED, "Span ingestion is at capacity; retry after " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}

package dev.assay.judge;

import java.time.Duration;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The waits between two calls of one judge request: exponential (the base doubled per retry,
 * capped), with a random part so that many evaluations failing together do not retry together,
 * and never shorter than what the provider asked for with {@code Retry-After}.
 */
final class Backoff {
    private final Duration base;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;

    /** @param random values in [0, 1) */
    Backoff(Duration base, Duration max, double jitter, DoubleSupplier random) {
        this.base = base;
        this.max = max;
        this.jitter = jitter;
        this.random = random;
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    Duration before(int retry, @Nullable Duration retryAfter) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        long exponential = Math.min(saturatedMillis(base) << doublings, max.toMillis());
        long jittered = Math.round(exponential * (1 - jitter * random.getAsDouble()));
        Duration wait = Duration.ofMillis(Math.max(jittered, 0));
        return retryAfter != null && retryAfter.compareTo(wait) > 0 ? retryAfter : wait;
    }

    /** Whether the provider asked for a longer pause than one request may wait. */
    boolean isTooLong(@Nullable Duration retryAfter) {
        return retryAfter != null && retryAfter.compareTo(max) > 0;
    }

    private static long saturatedMillis(Duration duration) {
        return Math.min(duration.toMillis(), 1L << 32);
    }
}

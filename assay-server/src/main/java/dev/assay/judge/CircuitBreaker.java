package dev.assay.judge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stops calling a judge endpoint that keeps failing. Closed, it lets every call through and
 * counts failures in a row; at the threshold it opens and refuses calls for the open duration;
 * then it lets one probe call through (half-open): a success closes it, a failure opens it again.
 * A provider that asks for a long pause ({@code Retry-After}) holds it open until then.
 * Thread-safe.
 */
final class CircuitBreaker {
    private final int failureThreshold;
    private final Duration openDuration;
    private final Clock clock;
    private int failuresInARow;
    private Instant openUntil = Instant.MIN;
    private boolean probing;

    CircuitBreaker(int failureThreshold, Duration openDuration, Clock clock) {
        this.failureThreshold = failureThreshold;
        this.openDuration = openDuration;
        this.clock = clock;
    }

    /**
     * Whether a call may go out now. Every call allowed must be followed by {@link #onSuccess},
     * {@link #onFailure} or {@link #abandon}.
     */
    synchronized boolean tryAcquire() {
        if (!isOpen()) {
            return true;
        }
        if (clock.instant().isBefore(openUntil) || probing) {
            return false;
        }
        probing = true;
        return true;
    }

    /** The endpoint answered (even with an error that is the request's fault, not the provider's). */
    synchronized void onSuccess() {
        failuresInARow = 0;
        openUntil = Instant.MIN;
        probing = false;
    }

    /** The endpoint failed: a 429, a 5xx, a timeout or a refused connection. Answers whether the circuit opened now. */
    synchronized boolean onFailure() {
        boolean wasOpen = isOpen();
        failuresInARow++;
        if (probing || failuresInARow >= failureThreshold) {
            openUntil = clock.instant().plus(openDuration);
        }
        probing = false;
        return !wasOpen && isOpen();
    }

    /** The call ended without telling anything about the endpoint (the caller was interrupted). */
    synchronized void abandon() {
        probing = false;
    }

    /** Refuses calls until {@code until} at least, as the provider asked. */
    synchronized void pauseUntil(Instant until) {
        if (until.isAfter(openUntil)) {
            openUntil = until;
        }
        failuresInARow = Math.max(failuresInARow, failureThreshold);
    }

    /** Until when calls are refused, while the circuit is open. */
    synchronized Optional<Instant> openUntil() {
        return isOpen() ? Optional.of(openUntil) : Optional.empty();
    }

    private boolean isOpen() {
        return failuresInARow >= failureThreshold;
    }
}

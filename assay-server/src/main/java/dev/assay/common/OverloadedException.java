package dev.assay.common;

/**
 * A 503 {@code OVERLOADED}: a bounded resource (the span ingest gate, the export slots) is full.
 * The answer carries {@code Retry-After} with {@link #retryAfterSeconds()}, so a client backs off
 * and sends the same request again; nothing of it was stored or started.
 */
public final class OverloadedException extends AssayException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public OverloadedException(String message, long retryAfterSeconds) {
        super(ErrorCode.OVERLOADED, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** At least one second. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package dev.assay.client;

import org.jspecify.annotations.Nullable;

/**
 * An error response of the API: the HTTP status, the stable error code and the message the
 * server wrote for a person.
 */
public final class AssayApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final @Nullable String code;

    public AssayApiException(int status, @Nullable String code, String message) {
        super(status + " " + (code == null ? "" : code + ": ") + message);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, for example 404. */
    public int status() {
        return status;
    }

    /** The stable error code, for example {@code SESSION_NOT_FOUND}; {@code null} if the body had none. */
    public @Nullable String code() {
        return code;
    }
}

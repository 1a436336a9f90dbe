package dev.assay.common;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The one base of every domain error. The {@link ErrorCode} decides the HTTP status; the message
 * is shown to the client as is, so it must be written for a person and contain no secrets.
 */
public class AssayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final List<FieldError> fieldErrors;

    public AssayException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public AssayException(ErrorCode code, String message, List<FieldError> fieldErrors) {
        super(requireNonNull(message, "message"));
        this.code = requireNonNull(code, "code");
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** The message for the client; never null, unlike {@link Throwable#getMessage()} in general. */
    @Override
    public String getMessage() {
        return requireNonNull(super.getMessage());
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** A 400 for a request that is well-formed JSON but not acceptable. */
    public static AssayException invalid(String message) {
        return new AssayException(ErrorCode.INVALID_REQUEST, message);
    }

    /** A 400 naming the one field that is wrong. */
    public static AssayException invalidField(String field, String message) {
        return new AssayException(ErrorCode.INVALID_REQUEST, field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** A problem with one field of a request. */
    public record FieldError(String field, String message) {}
}

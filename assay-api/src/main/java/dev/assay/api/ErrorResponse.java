package dev.assay.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of every error response: Galtea's {@code {"error", "message"}} extended with a stable
 * {@code code} and, for validation failures, the list of field errors.
 *
 * @param error the HTTP reason phrase, for example {@code "Bad Request"}
 * @param message what went wrong, for a person
 * @param code a stable machine-readable code such as {@code SESSION_NOT_FOUND}
 * @param errors the fields that failed validation; omitted when empty
 */
public record ErrorResponse(
        String error,
        String message,
        @Nullable String code,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Nullable List<FieldErrorResponse> errors) {

    /** One field that failed validation. */
    public record FieldErrorResponse(String field, String message) {}
}

package dev.assay.common;

import dev.assay.api.ErrorResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * The one place that turns exceptions into the API's error body, for domain errors and for the
 * errors Spring MVC raises itself (malformed JSON, wrong method, unknown route, ...).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(AssayException.class)
    ResponseEntity<ErrorResponse> handleAssay(AssayException e) {
        return body(e.code().status(), e.code(), e.getMessage(), e.fieldErrors());
    }

    @ExceptionHandler(OverloadedException.class)
    ResponseEntity<ErrorResponse> handleOverloaded(OverloadedException e) {
        return ResponseEntity.status(503)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBodies.of(503, e.code(), e.getMessage(), List.of()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorResponse> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        return body(400, ErrorCode.INVALID_REQUEST, "Invalid value for '" + e.getName() + "'", List.of());
    }

    /** Tomcat refuses to decode a query string with bad percent-encoding or UTF-8 only when it is read. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ErrorResponse> handleUndecodableParameter(InvalidParameterException e) {
        return body(400, ErrorCode.INVALID_REQUEST,
                "The query string could not be decoded: use valid percent-encoded UTF-8", List.of());
    }

    /**
     * PostgreSQL data exceptions (SQLSTATE class 22) are caused by a value the client sent that the
     * database cannot hold, such as a NUL character in a text or an out-of-range number, so they
     * are the client's 400 rather than our 500. Other integrity violations stay unexpected.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ErrorResponse> handleDataIntegrity(DataIntegrityViolationException e) {
        String state = NestedExceptionUtils.getMostSpecificCause(e) instanceof SQLException sql ? sql.getSQLState() : null;
        if (state == null || !state.startsWith("22")) {
            return handleUnexpected(e);
        }
        String message = state.equals("22021") || state.equals("22P05")
                ? "Text values must not contain the NUL character (\\u0000)"
                : "A value in the request is outside what the server can store";
        return body(400, ErrorCode.INVALID_REQUEST, message, List.of());
    }

    /**
     * Passed on to the container, which closes the connection: the response is already partly sent.
     * Logged here once, as one line: the cause is typically the client going away or a row that
     * cannot be read, and a stack trace per aborted response would flood the log.
     */
    @ExceptionHandler(ResponseAbortedException.class)
    void handleAborted(ResponseAbortedException e) {
        log.warn("Response aborted mid-stream; closing the connection: {}", String.valueOf(e.getCause()));
        throw e;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorResponse> handleUnexpected(Exception e) {
        String correlationId = UUID.randomUUID().toString();
        log.error("Unexpected error (correlation id {})", correlationId, e);
        return body(500, ErrorCode.INTERNAL_ERROR, "Internal server error (correlation id " + correlationId + ")", List.of());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<AssayException.FieldError> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new AssayException.FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        String message = fields.stream()
                .map(field -> field.field() + ": " + field.message())
                .reduce((left, right) -> left + "; " + right)
                .orElse("Invalid request");
        return widen(body(400, ErrorCode.INVALID_REQUEST, message, fields));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof AssayException assay) {
                return widen(handleAssay(assay));
            }
            if (cause instanceof StreamConstraintsException limit) {
                return widen(body(400, ErrorCode.JSON_LIMIT_EXCEEDED, describeLimit(limit), List.of()));
            }
        }
        return widen(body(400, ErrorCode.MALFORMED_JSON, describeUnreadable(e), List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        int code = status.value();
        ErrorCode errorCode = ErrorCode.forStatus(code);
        String message = code == 404 ? "Route not found" : describe(e, code);
        if (code >= 500) {
            log.error("Server error while handling a request", e);
        }
        ErrorResponse error = ErrorBodies.of(code, errorCode, message, List.of());
        return ResponseEntity.status(code).headers(headers).contentType(MediaType.APPLICATION_JSON).body(error);
    }

    private static String describe(Exception e, int code) {
        if (code >= 500) {
            return "Internal server error";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? String.valueOf(HttpStatus.resolve(code)) : message;
    }

    private static String describeUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof StreamReadException) {
            return "Malformed JSON request body";
        }
        if (cause instanceof DatabindException databind) {
            String path = JsonPaths.describe(databind.getPath());
            return path.isEmpty()
                    ? "Request body has the wrong JSON type"
                    : "Invalid value for '" + path + "': wrong JSON type";
        }
        if (cause instanceof JacksonException) {
            return "Malformed JSON request body";
        }
        // Also what Spring reports for a DELETE body that is not declared as JSON.
        return "Request body is missing or unreadable: send a JSON object with Content-Type: application/json";
    }

    /** Jackson's own wording without the name of its configuration method. */
    private static String describeLimit(StreamConstraintsException e) {
        String reason = String.valueOf(e.getOriginalMessage()).replaceAll(",? ?from `[^`]*`", "").strip();
        return "Request body exceeds a JSON limit of the server: " + reason;
    }

    private static ResponseEntity<ErrorResponse> body(
            int status, ErrorCode code, String message, List<AssayException.FieldError> fields) {
        // A preset content type skips Accept negotiation: the error body is JSON whatever the client accepts.
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBodies.of(status, code, message, fields));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ErrorResponse> response) {
        return (ResponseEntity) response;
    }
}

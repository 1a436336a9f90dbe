package dev.assay.common;

import dev.assay.api.ErrorResponse;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders errors that never reach a controller (raised by the container or a filter) in the
 * API's error shape instead of Spring Boot's default page.
 */
@RestController
class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    @Nullable
    ResponseEntity<ErrorResponse> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (statusAttribute == null) {
            // Requested directly rather than forwarded to by the container: it is no route of the API.
            return ResponseEntity.status(404)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ErrorBodies.of(404, ErrorCode.NOT_FOUND, "Route not found", List.of()));
        }
        int status = statusAttribute instanceof Integer code ? code : 500;
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (aborted(exception)) {
            // Part of the body is out: add nothing, the container closes the connection.
            return null;
        }
        if (exception instanceof AssayException assay) {
            return ResponseEntity.status(assay.code().status())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ErrorBodies.of(assay.code().status(), assay.code(), assay.getMessage(), List.of()));
        }
        ErrorCode code = ErrorCode.forStatus(status);
        String message = status >= 500 ? "Internal server error" : "Request could not be processed";
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBodies.of(status, code, message, List.of()));
    }

    /** Whether the error is, or was caused by, a {@link ResponseAbortedException} (the container wraps it). */
    private static boolean aborted(@Nullable Object exception) {
        for (Throwable cause = exception instanceof Throwable t ? t : null; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseAbortedException) {
                return true;
            }
        }
        return false;
    }
}

package dev.assay.common;

import dev.assay.api.ErrorResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Builds the one error body of the API and writes it where no controller advice reaches (filters). */
public final class ErrorBodies {

    private ErrorBodies() {}

    public static ErrorResponse of(int status, ErrorCode code, String message, List<AssayException.FieldError> fields) {
        HttpStatus httpStatus = HttpStatus.resolve(status);
        String error = httpStatus == null ? "Error" : httpStatus.getReasonPhrase();
        List<ErrorResponse.FieldErrorResponse> errors = fields.stream()
                .map(field -> new ErrorResponse.FieldErrorResponse(field.field(), field.message()))
                .toList();
        return new ErrorResponse(error, message, code.name(), errors);
    }

    public static void write(HttpServletResponse response, JsonMapper json, ErrorCode code, String message)
            throws IOException {
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), of(code.status(), code, message, List.of()));
    }
}

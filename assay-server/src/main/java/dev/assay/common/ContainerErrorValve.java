package dev.assay.common;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the API's error body for requests Tomcat rejects before any servlet sees them (an
 * encoded slash or NUL in the path, a header over the size limit, ...), which Tomcat's own
 * valve would answer with an HTML page.
 */
final class ContainerErrorValve extends ErrorReportValve {
    private final JsonMapper json;

    ContainerErrorValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, @Nullable Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = ErrorCode.forStatus(status);
        String reason = response.getMessage();
        String message = status < 500 && reason != null && !reason.isBlank() ? reason : "Request could not be processed";
        try {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(ErrorBodies.of(status, code, message, List.of())));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response already started; there is nothing left to report to.
        }
    }
}

package dev.assay.trace;

import dev.assay.api.ErrorResponse;
import dev.assay.common.ErrorBodies;
import dev.assay.common.ErrorCode;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Span ingestion settings, and the 503 of a full ingest gate with its {@code Retry-After}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TraceProperties.class)
class TraceConfiguration {

    @RestControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class OverloadAdvice {
        @ExceptionHandler(IngestGate.Overloaded.class)
        ResponseEntity<ErrorResponse> overloaded(IngestGate.Overloaded e) {
            return ResponseEntity.status(503)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfterSeconds())))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(ErrorBodies.of(503, ErrorCode.OVERLOADED, e.getMessage(), List.of()));
        }
    }
}

package dev.assay.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The actuator answers an unknown sub-path ({@code /actuator/health/nothing}) with an empty 404;
 * this gives such answers the API's error body like every other error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class ActuatorErrorBodyFilter extends OncePerRequestFilter {
    private final JsonMapper json;

    ActuatorErrorBodyFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        int status = captured.getStatus();
        if (status >= 400 && captured.getContentSize() == 0 && !response.isCommitted()) {
            ErrorCode code = ErrorCode.forStatus(status);
            ErrorBodies.write(response, json, code, status == 404 ? "Route not found" : "Request could not be processed");
            return;
        }
        captured.copyBodyToResponse();
    }
}

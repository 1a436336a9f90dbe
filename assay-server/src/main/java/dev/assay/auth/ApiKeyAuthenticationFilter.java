package dev.assay.auth;

import dev.assay.common.ErrorBodies;
import dev.assay.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authentication comes first: every request outside the public paths (health, metrics, the
 * OpenAPI document) needs {@code Authorization: Bearer gsk_...}, whatever its path or method.
 * The web dashboard under {@code /ui} signs in with its own session instead
 * (docs/decisions/0010-dashboard-stack.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    static final String CALLER_ATTRIBUTE = Caller.class.getName();
    private static final String BEARER = "bearer ";

    private final ApiKeyService keys;
    private final JsonMapper json;

    ApiKeyAuthenticationFilter(ApiKeyService keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Public only when both the container's decoded, normalized path and the raw URI are public:
        // the raw URI alone would let "/v3/api-docs/../products" skip authentication, and the
        // normalized path alone would let "/products/%2e%2e" (normalized to "/") reach a protected
        // handler, since the handler mapping matches the undecoded dots as an id.
        String path = request.getServletPath() + Objects.requireNonNullElse(request.getPathInfo(), "");
        String rawPath = request.getRequestURI().substring(request.getContextPath().length());
        return isPublic(path) && isPublic(rawPath);
    }

    private static boolean isPublic(String path) {
        return path.equals("/actuator/health")
                || path.startsWith("/actuator/health/")
                || path.equals("/actuator/prometheus")
                || path.equals("/v3/api-docs")
                || path.startsWith("/v3/api-docs/")
                || path.equals("/")
                || path.equals("/ui")
                || path.startsWith("/ui/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = secret(request).flatMap(keys::authenticate);
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer");
            ErrorBodies.write(response, json, ErrorCode.UNAUTHORIZED,
                    "Missing or invalid API key: send Authorization: Bearer gsk_...");
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> secret(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }
}

package dev.assay.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request {@code Content-Type} names what the body is, so a wildcard ({@code *}{@code /*},
 * {@code application/*}) or an unparseable value is a 415, on every route: Spring MVC would fail
 * on it with a 500 while reading the headers. Runs after authentication.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ContentTypeFilter extends OncePerRequestFilter {
    private final JsonMapper json;

    ContentTypeFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !isConcrete(contentType)) {
            ErrorBodies.write(response, json, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type '" + contentType + "' names no concrete media type: send Content-Type: application/json");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isConcrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}

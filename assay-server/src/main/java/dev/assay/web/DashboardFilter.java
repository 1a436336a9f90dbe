package dev.assay.web;

import dev.assay.auth.ApiKeyService;
import dev.assay.auth.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the dashboard under {@code /ui}: security headers on every page, the CSRF token on every
 * request that is not a GET, and a signed-in session on every page but the sign-in page. A
 * session holds the API key's id, never its secret, and the key is checked again on every
 * request, so revoking it ends the session (docs/decisions/0010-dashboard-stack.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DashboardFilter extends OncePerRequestFilter {
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final ApiKeyService keys;
    private final DashboardErrors errors;

    DashboardFilter(ApiKeyService keys, DashboardErrors errors) {
        this.keys = keys;
        this.errors = errors;
    }

    /** Whether the request is for a dashboard page (under {@code /ui}, not an asset). */
    static boolean isPage(HttpServletRequest request) {
        String path = path(request);
        return (path.equals("/ui") || path.startsWith("/ui/")) && !path.startsWith("/ui/assets/")
                && !path.startsWith("/ui/webjars/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !path.equals("/ui") && !path.startsWith("/ui/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (path.startsWith("/ui/assets/") || path.startsWith("/ui/webjars/")) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cache-Control", "no-store");
        boolean safe = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (!safe && !DashboardSession.hasValidCsrfToken(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!doctype html><title>Form expired</title><p>The form has expired or did not"
                    + " come from this dashboard. <a href=\"/ui\">Reload the dashboard</a> and try again.</p>");
            return;
        }
        if (path.equals(SignInController.SIGN_IN)) {
            page(request, response, chain);
            return;
        }
        Optional<Caller> caller = signedInCaller(request);
        if (caller.isEmpty()) {
            response.sendRedirect(SignInController.SIGN_IN);
            return;
        }
        // The attribute the API's Caller argument resolver reads, so dashboard controllers take a Caller too.
        request.setAttribute(Caller.class.getName(), caller.get());
        page(request, response, chain);
    }

    /**
     * Runs the page. What a template throws while it renders passes Spring MVC's exception
     * resolvers by; it becomes the error page here rather than the container's JSON error body.
     */
    private void page(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!errors.render(request, response, e.getCause() instanceof Exception cause ? cause : e)) {
                throw e;
            }
        }
    }

    private Optional<Caller> signedInCaller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Optional<UUID> keyId = DashboardSession.apiKeyId(session);
        if (keyId.isEmpty()) {
            return Optional.empty();
        }
        Optional<Caller> caller = keys.findLiveCaller(keyId.get());
        if (caller.isEmpty()) {
            session.invalidate();
        }
        return caller;
    }

    private static String path(HttpServletRequest request) {
        // The decoded, normalized path, as the API key filter judges it.
        return request.getServletPath() + Objects.requireNonNullElse(request.getPathInfo(), "");
    }
}

package dev.assay.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/** What a dashboard session holds: the signed-in API key's id and the CSRF token of its forms. */
final class DashboardSession {
    static final String CSRF_PARAMETER = "_csrf";
    private static final String API_KEY_ID = DashboardSession.class.getName() + ".apiKeyId";
    private static final String CSRF_TOKEN = DashboardSession.class.getName() + ".csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DashboardSession() {}

    /** The session's CSRF token, created with the session when there is none yet. */
    static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession();
        Object token = session.getAttribute(CSRF_TOKEN);
        if (token instanceof String existing) {
            return existing;
        }
        String created = newToken();
        session.setAttribute(CSRF_TOKEN, created);
        return created;
    }

    static boolean hasValidCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String sent = request.getParameter(CSRF_PARAMETER);
        if (session == null || sent == null || !(session.getAttribute(CSRF_TOKEN) instanceof String expected)) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }

    /** Signs the key in: a new session id (no fixation) and a new CSRF token. */
    static void signIn(HttpServletRequest request, UUID apiKeyId) {
        request.getSession();
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setAttribute(API_KEY_ID, apiKeyId);
        session.setAttribute(CSRF_TOKEN, newToken());
    }

    static Optional<UUID> apiKeyId(HttpSession session) {
        return session.getAttribute(API_KEY_ID) instanceof UUID id ? Optional.of(id) : Optional.empty();
    }

    static void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

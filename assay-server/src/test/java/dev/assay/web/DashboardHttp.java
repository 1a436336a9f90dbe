package dev.assay.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Raw requests with a dashboard session cookie, for what a browser test cannot see: status codes, forged forms. */
final class DashboardHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    private DashboardHttp() {}

    /** Signs in as a browser does (the sign-in form's CSRF token, then the key in a form body); the session id. */
    static String signIn(String baseUrl, String apiKey) {
        HttpResponse<String> page = get(baseUrl, "/ui/sign-in", "none");
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        HttpResponse<String> signedIn = postForm(baseUrl, "/ui/sign-in", sessionId(page),
                "_csrf=" + csrf.group(1) + "&apiKey=" + apiKey);
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("sign-in answered " + signedIn.statusCode());
        }
        return sessionId(signedIn);
    }

    private static String sessionId(HttpResponse<String> response) {
        Matcher matcher = SESSION_COOKIE.matcher(response.headers().firstValue("Set-Cookie").orElse(""));
        if (!matcher.find()) {
            throw new IllegalStateException("no session cookie");
        }
        return matcher.group(1);
    }

    static HttpResponse<String> get(String baseUrl, String path, String sessionId) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Cookie", "JSESSIONID=" + sessionId).GET());
    }

    static HttpResponse<String> postForm(String baseUrl, String path, String sessionId, String form) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Cookie", "JSESSIONID=" + sessionId)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

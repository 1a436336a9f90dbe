package dev.assay.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Raw requests with a dashboard session cookie, for what a browser test cannot see: status codes, forged forms. */
final class DashboardHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private DashboardHttp() {}

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

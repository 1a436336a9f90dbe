package dev.assay.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends JSON requests with the API key and turns error responses into {@link AssayApiException}. */
final class Transport {
    private final HttpClient http;
    private final JsonMapper json;
    private final URI baseUrl;
    private final String apiKey;
    private final Duration timeout;

    Transport(HttpClient http, JsonMapper json, URI baseUrl, String apiKey, Duration timeout) {
        this.http = http;
        this.json = json;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    <T> T send(String method, String path, @Nullable Object body, Class<T> type) {
        String text = sendForText(method, path, body);
        return json.readValue(text, type);
    }

    <T> T send(String method, String path, @Nullable Object body, TypeReference<T> type) {
        String text = sendForText(method, path, body);
        return json.readValue(text, type);
    }

    void sendWithoutResult(String method, String path, @Nullable Object body) {
        sendForText(method, path, body);
    }

    /** Sends a GET and returns the body as a stream the caller must close; errors are read whole and thrown. */
    InputStream openStream(String path) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Authorization", "Bearer " + apiKey)
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Request GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during GET " + path, e);
        }
        if (response.statusCode() >= 400) {
            try (InputStream body = response.body()) {
                throw toException(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Reading the error of GET " + path + " failed", e);
            }
        }
        return response.body();
    }

    void close() {
        http.close();
    }

    private String sendForText(String method, String path, @Nullable Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Request " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + path, e);
        }
        if (response.statusCode() >= 400) {
            throw toException(response);
        }
        return response.body();
    }

    private AssayApiException toException(HttpResponse<String> response) {
        return toException(response.statusCode(), response.body());
    }

    private AssayApiException toException(int status, String body) {
        try {
            JsonNode error = json.readTree(body);
            JsonNode code = error.get("code");
            JsonNode message = error.get("message");
            return new AssayApiException(status, code == null ? null : code.asString(),
                    message == null ? body : message.asString());
        } catch (RuntimeException e) {
            return new AssayApiException(status, null, body);
        }
    }
}

package dev.assay.judge;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * The HTTP transport LangChain4j's OpenAI client sends through. LangChain4j's own JDK transport
 * drops the response headers of a failed call, so it cannot honour {@code Retry-After}; this one
 * keeps them, and tells a timeout from a refused connection, in a {@link ProviderException}
 * (docs/decisions/0005-judge-client.md). Thread-safe; blocking, which is cheap on virtual threads.
 */
final class ProviderHttpClient implements HttpClient {
    private final java.net.http.HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    ProviderHttpClient(Duration timeout, Clock clock) {
        this.http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(timeout)
                .method(request.method().name(), request.body() == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ProviderException(ProviderException.Kind.TIMEOUT, "no answer within " + timeout, null, e);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.UNREACHABLE, "cannot reach the endpoint: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.INTERRUPTED, "interrupted while waiting for the judge", null, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw ProviderException.ofStatus(response.statusCode(), response.body(),
                    RetryAfter.from(response.headers().map(), clock.instant()));
        }
        return SuccessfulHttpResponse.builder()
                .statusCode(response.statusCode())
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("The judge client does not stream");
    }

    /** Hands LangChain4j this transport; the timeouts it offers are ignored for {@link JudgeProperties#timeout()}. */
    static final class Builder implements HttpClientBuilder {
        private final ProviderHttpClient client;

        Builder(ProviderHttpClient client) {
            this.client = client;
        }

        @Override
        public Duration connectTimeout() {
            return client.timeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            return this;
        }

        @Override
        public Duration readTimeout() {
            return client.timeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            return this;
        }

        @Override
        public HttpClient build() {
            return client;
        }
    }
}

package dev.assay.inference;

import static dev.assay.testing.Fixtures.aSession;
import static dev.assay.testing.RawResponses.assertError;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.InferenceResultResponse;
import dev.assay.api.SessionResponse;
import dev.assay.client.ListOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests no client should send, on every inference-result route: each one answers the API's
 * error body with a 4xx status, never a 500 (docs/reference/galtea-contract.md §7.3, docs/api.md, Conventions).
 */
class InferenceResultBadRequestIT extends InferenceResultApiTest {
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The routes that read a JSON body; {@code %s} stands for an existing turn's id. */
    static Stream<Arguments> jsonRoutes() {
        return Stream.of(
                Arguments.of("POST", "/inferenceResults"),
                Arguments.of("POST", "/inferenceResults/batch"),
                Arguments.of("PATCH", "/inferenceResults/%s"),
                Arguments.of("DELETE", "/inferenceResults/batch"));
    }

    private String existingTurnId() {
        return aTurn(aSession(client).id()).id();
    }

    private HttpResponse<String> sendTo(String method, String route, @Nullable String body) {
        return send(method, route.formatted(existingTurnId()), body);
    }

    private HttpResponse<String> sendWithContentType(
            String method, String path, HttpRequest.BodyPublisher body, @Nullable String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + tenant.apiKey())
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Bodies {

        @ParameterizedTest
        @MethodSource("dev.assay.inference.InferenceResultBadRequestIT#jsonRoutes")
        void send_malformedJson_returnsBadRequest(String method, String route) {
            assertError(sendTo(method, route, "{\"sessionId\": \"x\", "), 400);
        }

        @ParameterizedTest
        @MethodSource("dev.assay.inference.InferenceResultBadRequestIT#jsonRoutes")
        void send_trailingGarbageAfterObject_returnsBadRequest(String method, String route) {
            assertError(sendTo(method, route, "{} {}"), 400);
        }

        @ParameterizedTest
        @MethodSource("dev.assay.inference.InferenceResultBadRequestIT#jsonRoutes")
        void send_emptyBody_returnsBadRequest(String method, String route) {
            assertError(sendTo(method, route, ""), 400);
        }

        @ParameterizedTest
        @MethodSource("dev.assay.inference.InferenceResultBadRequestIT#jsonRoutes")
        void send_arrayBody_returnsBadRequest(String method, String route) {
            assertError(sendTo(method, route, "[{\"ids\": []}]"), 400);
        }

        @ParameterizedTest
        @MethodSource("dev.assay.inference.InferenceResultBadRequestIT#jsonRoutes")
        void send_stringBody_returnsBadRequest(String method, String route) {
            assertError(sendTo(method, route, "\"hello\""), 400);
        }

        @ParameterizedTest
        @MethodSource("dev.assay.inference.InferenceResultBadRequestIT#jsonRoutes")
        void send_numberBody_returnsBadRequest(String method, String route) {
            assertError(sendTo(method, route, "42"), 400);
        }

        @ParameterizedTest
        @MethodSource("dev.assay.inference.InferenceResultBadRequestIT#jsonRoutes")
        void send_booleanBody_returnsBadRequest(String method, String route) {
            assertError(sendTo(method, route, "true"), 400);
        }

        @ParameterizedTest
        @MethodSource("dev.assay.inference.InferenceResultBadRequestIT#jsonRoutes")
        void send_nullBody_returnsBadRequest(String method, String route) {
            assertError(sendTo(method, route, "null"), 400);
        }

        /**
         * The routes that read a JSON body, with the status a non-JSON body gets: 415 where Spring
         * reads a body, 400 for DELETE, whose body Spring treats as absent unless it is JSON.
         */
        static Stream<Arguments> jsonRoutesWithUnsupportedBodyStatus() {
            return Stream.of(
                    Arguments.of("POST", "/inferenceResults", 415),
                    Arguments.of("POST", "/inferenceResults/batch", 415),
                    Arguments.of("PATCH", "/inferenceResults/%s", 415),
                    Arguments.of("DELETE", "/inferenceResults/batch", 400));
        }

        @ParameterizedTest
        @MethodSource("jsonRoutesWithUnsupportedBodyStatus")
        void send_withoutContentType_returnsClientErrorNamingTheContentType(String method, String route, int status) {
            String path = route.formatted(existingTurnId());

            String message = errorMessage(
                    sendWithContentType(method, path, HttpRequest.BodyPublishers.ofString("{}"), null), status);

            assertThat(message).containsPattern("(?i)content.type");
        }

        @ParameterizedTest
        @MethodSource("jsonRoutesWithUnsupportedBodyStatus")
        void send_plainTextContentType_returnsClientErrorNamingTheContentType(String method, String route, int status) {
            String path = route.formatted(existingTurnId());

            String message = errorMessage(
                    sendWithContentType(method, path, HttpRequest.BodyPublishers.ofString("{}"), "text/plain"), status);

            assertThat(message).containsPattern("(?i)content.type");
        }

        @Test
        void create_withNulCharacterInText_returnsBadRequest() {
            SessionResponse session = aSession(client);

            assertError(send("POST", "/inferenceResults", """
                    {"sessionId": "%s", "input": "hi", "actualOutput": "a\\u0000b"}""".formatted(session.id())), 400);
        }

        @Test
        void create_withNulCharacterInInputObject_returnsBadRequest() {
            SessionResponse session = aSession(client);

            assertError(send("POST", "/inferenceResults", """
                    {"sessionId": "%s", "input": {"user_message": "a\\u0000b"}}""".formatted(session.id())), 400);
        }

        @Test
        void create_withNulCharacterInSessionCustomId_returnsBadRequest() {
            SessionResponse session = aSession(client);

            assertError(send("POST", "/inferenceResults", """
                    {"sessionCustomId": "a\\u0000b", "versionId": "%s", "input": "hi"}"""
                    .formatted(session.versionId())), 400);
        }

        @Test
        void createBatch_withNulCharacterInContent_returnsBadRequest() {
            SessionResponse session = aSession(client);

            assertError(send("POST", "/inferenceResults/batch", """
                    {"sessionId": "%s", "conversationTurns": [{"role": "user", "content": "a\\u0000b"}]}"""
                    .formatted(session.id())), 400);
        }

        @Test
        void update_withNulCharacterInText_returnsBadRequest() {
            assertError(send("PATCH", "/inferenceResults/" + existingTurnId(), """
                    {"actualOutput": "a\\u0000b"}"""), 400);
        }

        @Test
        void create_withTokenCountsWhoseTotalOverflows_returnsBadRequest() {
            SessionResponse session = aSession(client);

            assertError(send("POST", "/inferenceResults", """
                    {"sessionId": "%s", "input": "hi", "inputTokens": 9223372036854775807, "outputTokens": 1}"""
                    .formatted(session.id())), 400);
        }

        @Test
        void create_withTokenCountBeyondLong_returnsBadRequest() {
            SessionResponse session = aSession(client);

            assertError(send("POST", "/inferenceResults", """
                    {"sessionId": "%s", "input": "hi", "inputTokens": 92233720368547758070}"""
                    .formatted(session.id())), 400);
        }

        @Test
        void create_withCostThatOverflows_returnsBadRequest() {
            SessionResponse session = aSession(client);

            assertError(send("POST", "/inferenceResults", """
                    {"sessionId": "%s", "input": "hi", "inputTokens": 1000, "costPerInputToken": 1e308}"""
                    .formatted(session.id())), 400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1e400", "-1e400"})
        void create_withLatencyBeyondDouble_returnsBadRequest(String latency) {
            SessionResponse session = aSession(client);

            assertError(send("POST", "/inferenceResults", """
                    {"sessionId": "%s", "input": "hi", "latency": %s}""".formatted(session.id(), latency)), 400);
        }
    }

    @Nested
    class BodySize {

        @Test
        void create_withBodyOverTheLimit_returnsPayloadTooLarge() {
            SessionResponse session = aSession(client);
            String body = jsonOfSize(session.id(), MAX_BODY_BYTES + 1);

            assertError(send("POST", "/inferenceResults", body), 413);

            assertThat(client.inferenceResults().list(ListOptions.none())).isEmpty();
        }

        @Test
        void create_withChunkedBodyOverTheLimit_returnsPayloadTooLarge() {
            SessionResponse session = aSession(client);
            byte[] body = jsonOfSize(session.id(), MAX_BODY_BYTES + 1).getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> response = sendWithContentType("POST", "/inferenceResults",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), "application/json");

            assertError(response, 413);
            assertThat(client.inferenceResults().list(ListOptions.none())).isEmpty();
        }

        @Test
        void create_withBodyJustUnderTheLimit_isAccepted() {
            SessionResponse session = aSession(client);

            InferenceResultResponse created = client.inferenceResults().get(assertStatus(
                    send("POST", "/inferenceResults", jsonOfSize(session.id(), MAX_BODY_BYTES)), 201)
                    .get("id").stringValue());

            assertThat(created.actualOutput()).hasSizeGreaterThan(MAX_BODY_BYTES - 200);
        }

        /** A valid create body of exactly {@code size} bytes. */
        private static String jsonOfSize(String sessionId, int size) {
            String prefix = "{\"sessionId\": \"" + sessionId + "\", \"input\": \"hi\", \"actualOutput\": \"";
            String suffix = "\"}";
            return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
        }
    }

    @Nested
    class Routing {

        @ParameterizedTest
        @ValueSource(strings = {"/inferenceResult", "/inferenceresults", "/inferenceResults/%s/extra",
                "/inferenceResults/batch/extra", "/inferenceResults/%s/evaluations"})
        void get_unknownRoute_returnsNotFound(String route) {
            assertError(send("GET", route.formatted(existingTurnId()), null), 404);
        }

        @ParameterizedTest
        @ValueSource(strings = {"/inferenceResults/%00", "/inferenceResults/a%2Fb", "/inferenceResults/%5C",
                "/%2e%2e/inferenceResults"})
        void get_pathTheContainerRejects_returnsBadRequestWithErrorBody(String path) {
            assertError(send("GET", path, null), 400);
        }

        @Test
        void get_requestLineOverTheHeaderLimit_returnsBadRequestWithErrorBody() {
            assertError(send("GET", "/inferenceResults?ids=" + "a".repeat(20_000), null), 400);
        }

        private HttpResponse<String> getAccepting(String path, String accept) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Bearer " + tenant.apiKey())
                    .header("Accept", accept)
                    .GET()
                    .build();
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"text/html", "application/xml"})
        void list_acceptingOnlyAnotherType_returnsNotAcceptableWithJsonErrorBody(String accept) {
            assertError(getAccepting("/inferenceResults", accept), 406);
        }

        @Test
        void get_unknownTurnAcceptingOnlyXml_returnsNotFoundWithJsonErrorBody() {
            assertError(getAccepting("/inferenceResults/" + UNKNOWN_ID, "application/xml"), 404);
        }

        @Test
        void get_unknownRouteAcceptingOnlyHtml_returnsNotFoundWithJsonErrorBody() {
            assertError(getAccepting("/inferenceResultz", "text/html"), 404);
        }

        static Stream<Arguments> wrongMethods() {
            return Stream.of(
                    Arguments.of("PUT", "/inferenceResults"),
                    Arguments.of("PATCH", "/inferenceResults"),
                    Arguments.of("DELETE", "/inferenceResults"),
                    Arguments.of("PUT", "/inferenceResults/%s"),
                    Arguments.of("POST", "/inferenceResults/%s"),
                    Arguments.of("PUT", "/inferenceResults/batch"),
                    Arguments.of("TRACE", "/inferenceResults"));
        }

        @ParameterizedTest
        @MethodSource("wrongMethods")
        void send_wrongMethod_returnsMethodNotAllowed(String method, String route) {
            assertError(sendTo(method, route, "{}"), 405);
        }

        static Stream<Arguments> everyRoute() {
            return Stream.of(
                    Arguments.of("GET", "/inferenceResults"),
                    Arguments.of("POST", "/inferenceResults"),
                    Arguments.of("POST", "/inferenceResults/batch"),
                    Arguments.of("GET", "/inferenceResults/%s"),
                    Arguments.of("PATCH", "/inferenceResults/%s"),
                    Arguments.of("DELETE", "/inferenceResults/%s"),
                    Arguments.of("DELETE", "/inferenceResults/batch"),
                    Arguments.of("GET", "/inferenceResults/" + UNKNOWN_ID),
                    Arguments.of("GET", "/inferenceResults/%s/extra"),
                    Arguments.of("PUT", "/inferenceResults"));
        }

        @ParameterizedTest
        @MethodSource("everyRoute")
        void send_withoutApiKey_returnsUnauthorized(String method, String route) {
            assertError(raw(method, route.formatted(existingTurnId()), "{}", null), 401);
        }

        @ParameterizedTest
        @MethodSource("everyRoute")
        void send_withUnknownApiKey_returnsUnauthorized(String method, String route) {
            assertError(raw(method, route.formatted(existingTurnId()), "{}", "gsk_not-a-real-key"), 401);
        }

        @Test
        void delete_withoutApiKey_keepsTheTurn() {
            String id = existingTurnId();

            raw("DELETE", "/inferenceResults/" + id, null, null);

            assertThat(client.inferenceResults().get(id).id()).isEqualTo(id);
        }

        @Test
        void send_oddButWellFormedRequests_neverAnswerServerError() {
            String id = existingTurnId();
            List<HttpResponse<String>> responses = List.of(
                    send("GET", "/inferenceResults?limit=&offset=&sort=&ids=&sessionIds=", null),
                    send("GET", "/inferenceResults?ids=" + id + "&ids=" + id, null),
                    send("GET", "/inferenceResults?sessionIds=%00&ids=%FF", null),
                    send("GET", "/inferenceResults?sort[]=&sort[]=", null),
                    send("GET", "/inferenceResults/%00", null),
                    send("PATCH", "/inferenceResults/" + id, "{\"input\": {\"deep\": [[[[[[[[[[1]]]]]]]]]]}}"),
                    send("POST", "/inferenceResults", "{\"sessionId\": 42}"),
                    send("POST", "/inferenceResults", "{\"sessionId\": null, \"sessionCustomId\": null}"),
                    send("POST", "/inferenceResults/batch", "{\"sessionId\": [], \"conversationTurns\": []}"),
                    send("DELETE", "/inferenceResults/batch", "{\"ids\": [null]}"));

            assertThat(responses).allSatisfy(response -> {
                assertThat(response.statusCode())
                        .as("%s %s -> %s", response.request().method(), response.request().uri(), response.body())
                        .isLessThan(500);
                if (response.statusCode() >= 400) {
                    assertError(response, response.statusCode());
                }
            });
        }
    }
}

package dev.assay.auth;

import static dev.assay.testing.ApiErrors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ApiKeyResponse;
import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route needs {@code Authorization: Bearer <key>} and answers 401 with the error body
 * otherwise, before any routing decision (404, 405) is made (docs/reference/galtea-contract.md §7.2, §9.2).
 */
class AuthenticationIT extends ApiIntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String UNKNOWN = "aaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String ROUTES = "dev.assay.auth.AuthenticationIT#routes";

    /** Every API route, with well-formed ids that exist nowhere, plus an unknown path and an unsupported method. */
    static Stream<Route> routes() {
        return Stream.of(
                new Route("POST", "/organizations", "{\"name\":\"org\"}"),
                new Route("POST", "/apiKeys", "{\"name\":\"key\"}"),
                new Route("GET", "/apiKeys", null),
                new Route("DELETE", "/apiKeys/apiKey_" + UNKNOWN, null),
                new Route("POST", "/products", "{\"name\":\"product\"}"),
                new Route("GET", "/products", null),
                new Route("GET", "/products/product_" + UNKNOWN, null),
                new Route("DELETE", "/products/product_" + UNKNOWN, null),
                new Route("POST", "/versions", "{\"productId\":\"product_" + UNKNOWN + "\",\"name\":\"v1\"}"),
                new Route("GET", "/versions", null),
                new Route("GET", "/versions/version_" + UNKNOWN, null),
                new Route("DELETE", "/versions/version_" + UNKNOWN, null),
                new Route("POST", "/sessions", "{\"versionId\":\"version_" + UNKNOWN + "\"}"),
                new Route("GET", "/sessions", null),
                new Route("GET", "/sessions/session_" + UNKNOWN, null),
                new Route("PATCH", "/sessions/session_" + UNKNOWN, "{\"status\":\"COMPLETED\"}"),
                new Route("PATCH", "/sessions/session_" + UNKNOWN + "/finish", "{\"stoppingReason\":\"done\"}"),
                new Route("DELETE", "/sessions/session_" + UNKNOWN, null),
                new Route("POST", "/inferenceResults", "{\"sessionId\":\"session_" + UNKNOWN + "\",\"input\":\"hi\"}"),
                new Route("POST", "/inferenceResults/batch",
                        "{\"sessionId\":\"session_" + UNKNOWN + "\",\"conversationTurns\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                new Route("GET", "/inferenceResults", null),
                new Route("GET", "/inferenceResults?ids[]=inferenceResult_" + UNKNOWN, null),
                new Route("GET", "/inferenceResults/inferenceResult_" + UNKNOWN, null),
                new Route("PATCH", "/inferenceResults/inferenceResult_" + UNKNOWN, "{\"actualOutput\":\"x\"}"),
                new Route("DELETE", "/inferenceResults/inferenceResult_" + UNKNOWN, null),
                new Route("DELETE", "/inferenceResults/batch", "{\"ids\":[\"inferenceResult_" + UNKNOWN + "\"]}"),
                new Route("GET", "/no/such/route", null),
                new Route("PUT", "/products", "{\"name\":\"product\"}"),
                new Route("GET", "/actuator/env", null));
    }

    @Nested
    class MissingHeader {

        @ParameterizedTest(name = "{0}")
        @MethodSource(ROUTES)
        void anyRoute_withoutAuthorizationHeader_returnsUnauthorized(Route route) {
            assertUnauthorized(send(route, null));
        }
    }

    @Nested
    class NonBearerHeader {

        @ParameterizedTest(name = "{0}")
        @MethodSource(ROUTES)
        void anyRoute_withValidKeyInBasicScheme_returnsUnauthorized(Route route) {
            assertUnauthorized(send(route, "Basic " + BOOTSTRAP_KEY));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Token ", "", "Bearer", "Bearer:", "gsk "})
        void listProducts_withOtherSchemeInFrontOfValidKey_returnsUnauthorized(String scheme) {
            assertUnauthorized(send(new Route("GET", "/products", null), scheme + BOOTSTRAP_KEY));
        }
    }

    @Nested
    class UnknownKey {

        @ParameterizedTest(name = "{0}")
        @MethodSource(ROUTES)
        void anyRoute_withWellFormedUnknownKey_returnsUnauthorized(Route route) {
            assertUnauthorized(send(route, "Bearer " + randomKey("gsk_")));
        }

        @Test
        void listProducts_withUnknownLegacyKey_returnsUnauthorized() {
            assertUnauthorized(send(new Route("GET", "/products", null), "Bearer " + randomKey("gsk-")));
        }
    }

    @Nested
    class MalformedKey {

        @ParameterizedTest(name = "{0}")
        @MethodSource(ROUTES)
        void anyRoute_withKeyWithoutGskPrefix_returnsUnauthorized(Route route) {
            assertUnauthorized(send(route, "Bearer sk-" + randomKey("")));
        }

        @ParameterizedTest(name = "[{0}]")
        @ValueSource(strings = {"", "gsk_", "gsk_short", "GSK_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "not a key at all"})
        void listProducts_withMalformedKey_returnsUnauthorized(String key) {
            assertUnauthorized(send(new Route("GET", "/products", null), "Bearer " + key));
        }

        @Test
        void listProducts_withOverlongKey_returnsUnauthorized() {
            assertUnauthorized(send(new Route("GET", "/products", null), "Bearer gsk_" + "a".repeat(2000)));
        }
    }

    @Nested
    class RevokedKey {

        @ParameterizedTest(name = "{0}")
        @MethodSource(ROUTES)
        void anyRoute_withRevokedKey_returnsUnauthorized(Route route) {
            ApiKeyResponse key = client.apiKeys().create("to-revoke");
            client.apiKeys().delete(key.id());

            assertUnauthorized(send(route, "Bearer " + key.key()));
        }

        @Test
        void revokedKey_onItsVeryNextRequest_returnsUnauthorized() {
            ApiKeyResponse key = client.apiKeys().create("in-use");
            assertThat(send(new Route("GET", "/products", null), "Bearer " + key.key()).statusCode()).isEqualTo(200);

            client.apiKeys().delete(key.id());

            assertUnauthorized(send(new Route("GET", "/products", null), "Bearer " + key.key()));
        }
    }

    @Nested
    class PublicPathPrefixes {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {
                "/actuator/health/../../products",
                "/actuator/health/..;/..;/products",
                "/v3/api-docs/../products",
                "/v3/api-docs/..;/products",
                "/actuator/health;/../../products"
        })
        void protectedRoute_reachedThroughPublicPath_returnsUnauthorized(String path) {
            assertUnauthorized(send(new Route("GET", path, null), null));
        }
    }

    @Nested
    class WithValidKey {

        @Test
        void unknownRoute_withValidKey_returnsNotFound() {
            assertErrorBody(send(new Route("GET", "/no/such/route", null), "Bearer " + BOOTSTRAP_KEY), ErrorCode.NOT_FOUND, "Not Found");
        }

        @Test
        void unsupportedMethod_withValidKey_returnsMethodNotAllowed() {
            assertErrorBody(send(new Route("PUT", "/products", "{\"name\":\"p\"}"), "Bearer " + BOOTSTRAP_KEY),
                    ErrorCode.METHOD_NOT_ALLOWED, "Method Not Allowed");
        }

        @Test
        void unknownId_withValidKey_returnsNotFound() {
            assertErrorBody(send(new Route("GET", "/products/product_" + UNKNOWN, null), "Bearer " + BOOTSTRAP_KEY),
                    ErrorCode.PRODUCT_NOT_FOUND, "Not Found");
        }

        @Test
        void schemeName_inLowerCase_isAccepted() {
            assertThat(send(new Route("GET", "/products", null), "bearer " + BOOTSTRAP_KEY).statusCode()).isEqualTo(200);
        }
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertErrorBody(response, ErrorCode.UNAUTHORIZED, "Unauthorized");
    }

    private HttpResponse<String> send(Route route, @Nullable String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + route.path()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (route.body() == null) {
            request.method(route.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(route.method(), HttpRequest.BodyPublishers.ofString(route.body()));
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

    private static String randomKey(String prefix) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder(prefix);
        for (int i = 0; i < 40; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }

    /** One request shape: method, path (with query) and JSON body. */
    record Route(String method, String path, @Nullable String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}

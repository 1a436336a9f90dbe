package dev.assay.inference;

import static dev.assay.testing.Fixtures.aSession;
import static dev.assay.testing.Fixtures.aVersion;
import static dev.assay.testing.RawResponses.assertError;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.VersionResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.ListOptions;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** POST /inferenceResults (docs/reference/galtea-contract.md §1.3, docs/reference/galtea-pages/003). */
class InferenceResultCreateIT extends InferenceResultApiTest {

    private HttpResponse<String> create(String jsonBody) {
        return send("POST", "/inferenceResults", jsonBody);
    }

    private CreateInferenceResultRequest.Builder turnOf(SessionResponse session) {
        return CreateInferenceResultRequest.forSession(session.id());
    }

    private static CreateInferenceResultRequest byCustomId(
            String customId, @Nullable String versionId, @Nullable String productId) {
        return new CreateInferenceResultRequest(null, customId, versionId, productId, null, null, null, null, "hi",
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Nested
    class Fields {

        @Test
        void create_withSdkArguments_storesTurnWithDerivedTotals() {
            SessionResponse session = aSession(client);

            InferenceResultResponse created = client.inferenceResults().create(turnOf(session)
                    .input("What is the capital of France?")
                    .actualOutput("Paris")
                    .latency(150.5)
                    .inputTokens(100L)
                    .outputTokens(50L)
                    .cacheReadInputTokens(20L)
                    .costPerInputToken(0.00001)
                    .costPerOutputToken(0.00003)
                    .build());

            assertThat(created.sessionId()).isEqualTo(session.id());
            assertThat(created.index()).isZero();
            assertThat(created.status()).isEqualTo("GENERATED");
            assertThat(created.input()).isEqualTo(Map.of("user_message", "What is the capital of France?"));
            assertThat(created.latency().doubleValue()).isEqualTo(150.5);
            assertThat(created.tokens()).isEqualTo(150L);
            assertThat(created.cost()).isCloseTo(0.0025, within(1e-12));
            assertThat(client.inferenceResults().get(created.id())).isEqualTo(created);
        }

        @Test
        void create_withEveryField_roundTripsEachFieldThroughGet() {
            SessionResponse session = aSession(client);
            Map<String, Object> input = Map.of("user_message", "hello", "attachments", List.of("a.png"));

            InferenceResultResponse created = client.inferenceResults().create(turnOf(session)
                    .userId("user_123").index(4).status("PENDING").error("model timed out").input(input)
                    .actualOutput("Model response").retrievalContext("Retrieved document").latency(150.5)
                    .inputTokens(100L).outputTokens(50L).cacheReadInputTokens(20L).tokens(150L)
                    .costPerInputToken(0.00001).costPerOutputToken(0.00003).costPerCacheReadInputToken(0.000005)
                    .cost(0.001).conversationSimulatorVersion("1.0.0")
                    .build());

            InferenceResultResponse read = client.inferenceResults().get(created.id());
            assertThat(read).isEqualTo(created);
            assertThat(read.sessionId()).isEqualTo(session.id());
            assertThat(read.userId()).isEqualTo("user_123");
            assertThat(read.index()).isEqualTo(4);
            assertThat(read.status()).isEqualTo("PENDING");
            assertThat(read.error()).isEqualTo("model timed out");
            assertThat(read.input()).isEqualTo(input);
            assertThat(read.actualOutput()).isEqualTo("Model response");
            assertThat(read.retrievalContext()).isEqualTo("Retrieved document");
            assertThat(read.latency().doubleValue()).isEqualTo(150.5);
            assertThat(read.inputTokens()).isEqualTo(100L);
            assertThat(read.outputTokens()).isEqualTo(50L);
            assertThat(read.cacheReadInputTokens()).isEqualTo(20L);
            assertThat(read.tokens()).isEqualTo(150L);
            assertThat(read.costPerInputToken()).isEqualTo(0.00001);
            assertThat(read.costPerOutputToken()).isEqualTo(0.00003);
            assertThat(read.costPerCacheReadInputToken()).isEqualTo(0.000005);
            assertThat(read.cost()).isEqualTo(0.001);
            assertThat(read.conversationSimulatorVersion()).isEqualTo("1.0.0");
            assertThat(read.creditsUsed()).isNull();
            assertThat(read.traceId()).isNull();
            assertThat(read.deletedAt()).isNull();
        }

        @Test
        void create_response_containsEverySeedField() {
            SessionResponse session = aSession(client);

            JsonNode body = assertStatus(create("""
                    {"sessionId": "%s", "input": "hi"}""".formatted(session.id())), 201);

            assertThat(body.propertyNames()).containsAll(SEED_FIELDS).contains("error");
        }

        @Test
        void create_response_isCreatedWithLocationOfTheTurn() {
            SessionResponse session = aSession(client);

            HttpResponse<String> response = create("""
                    {"sessionId": "%s", "input": "hi"}""".formatted(session.id()));

            String id = assertStatus(response, 201).get("id").stringValue();
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/inferenceResults/" + id));
        }

        @Test
        void create_response_hasPrefixedIdOf26Base32Characters() {
            InferenceResultResponse created = aTurn(aSession(client).id());

            assertThat(created.id()).matches(ID).hasSizeBetween(20, 60);
        }

        @Test
        void create_response_hasUtcTimestampWithMilliseconds() {
            InferenceResultResponse created = aTurn(aSession(client).id());

            assertThat(created.createdAt()).matches(TIMESTAMP);
            assertThat(created.deletedAt()).isNull();
        }

        @Test
        void create_withoutServerManagedFields_leavesThemNull_butKeepsTheW3cTraceId() {
            SessionResponse session = aSession(client);

            JsonNode body = assertStatus(create("""
                    {"sessionId": "%s", "input": "hi", "creditsUsed": 7, "traceId": "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4"}"""
                    .formatted(session.id())), 201);

            assertThat(body.get("creditsUsed").isNull()).isTrue();
            // The trace id correlates OpenTelemetry spans with the turn (docs/api.md "Traces").
            assertThat(body.get("traceId").stringValue()).isEqualTo("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4");
        }
    }

    @Nested
    class Status {

        @Test
        void create_withoutStatus_isGenerated() {
            InferenceResultResponse created = aTurn(aSession(client).id());

            assertThat(created.status()).isEqualTo("GENERATED");
        }

        @ParameterizedTest
        @ValueSource(strings = {"pending", "Pending", "PENDING"})
        void create_withStatusInAnyCase_storesItUpperCase(String status) {
            InferenceResultResponse created = client.inferenceResults().create(
                    turnOf(aSession(client)).input("hi").status(status).build());

            assertThat(created.status()).isEqualTo("PENDING");
        }

        @Test
        void create_withSkippedStatus_acceptsIt() {
            InferenceResultResponse created = client.inferenceResults().create(
                    turnOf(aSession(client)).input("hi").status("skipped").build());

            assertThat(created.status()).isEqualTo("SKIPPED");
        }

        @Test
        void create_withUnknownStatus_returnsBadRequest() {
            SessionResponse session = aSession(client);

            String message = errorMessage(create("""
                    {"sessionId": "%s", "input": "hi", "status": "DONE"}""".formatted(session.id())), 400);

            assertThat(message).contains("status");
        }
    }

    @Nested
    class Input {

        @Test
        void create_withStringInput_storesItAsUserMessage() {
            SessionResponse session = aSession(client);

            JsonNode body = assertStatus(create("""
                    {"sessionId": "%s", "input": "What is the capital of France?"}""".formatted(session.id())), 201);

            assertThat(body.get("input").isObject()).isTrue();
            assertThat(body.get("input").propertyNames()).containsExactly("user_message");
            assertThat(body.get("input").get("user_message").stringValue()).isEqualTo("What is the capital of France?");
        }

        @Test
        void create_withObjectInput_keepsTheObject() {
            SessionResponse session = aSession(client);
            Map<String, Object> input = Map.of(
                    "content", List.of(Map.of("type", "text", "text", "hi")), "user_message", "hi", "turn", 3);

            InferenceResultResponse created = client.inferenceResults().create(turnOf(session).input(input).build());

            assertThat(created.input()).isEqualTo(input);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"x\": 1e400}", "{\"x\": [1, -1e400]}", "{\"x\": {\"y\": 1e999}}"})
        void create_withInputNumberBeyondDouble_returnsBadRequest(String input) {
            SessionResponse session = aSession(client);

            String message = errorMessage(create("""
                    {"sessionId": "%s", "input": %s}""".formatted(session.id(), input)), 400);

            assertThat(message).contains("input");
        }

        @ParameterizedTest
        @ValueSource(strings = {"42", "4.2", "[\"hi\"]", "true"})
        void create_withInputThatIsNeitherStringNorObject_returnsBadRequest(String input) {
            SessionResponse session = aSession(client);

            String message = errorMessage(create("""
                    {"sessionId": "%s", "input": %s}""".formatted(session.id(), input)), 400);

            assertThat(message).contains("input");
        }
    }

    @Nested
    class Numbers {

        @Test
        void create_withFractionalLatency_keepsTheFraction() {
            SessionResponse session = aSession(client);

            HttpResponse<String> response = create("""
                    {"sessionId": "%s", "input": "hi", "latency": 150.5}""".formatted(session.id()));

            assertStatus(response, 201);
            assertThat(response.body()).containsPattern("\"latency\":150\\.5[,}]");
        }

        @Test
        void create_withIntegralFloatLatency_emitsItWithoutFraction() {
            SessionResponse session = aSession(client);

            HttpResponse<String> response = create("""
                    {"sessionId": "%s", "input": "hi", "latency": 150.0}""".formatted(session.id()));

            String id = assertStatus(response, 201).get("id").stringValue();
            assertThat(response.body()).containsPattern("\"latency\":150[,}]");
            assertThat(send("GET", "/inferenceResults/" + id, null).body()).containsPattern("\"latency\":150[,}]");
        }

        @Test
        void create_withIntegralFloatCosts_emitsThemWithoutFraction() {
            SessionResponse session = aSession(client);

            HttpResponse<String> response = create("""
                    {"sessionId": "%s", "input": "hi", "cost": 2.0, "costPerInputToken": 1.0,
                     "costPerOutputToken": 3.0, "costPerCacheReadInputToken": 0.0}""".formatted(session.id()));

            assertStatus(response, 201);
            assertThat(response.body()).containsPattern("\"cost\":2[,}]")
                    .containsPattern("\"costPerInputToken\":1[,}]")
                    .containsPattern("\"costPerOutputToken\":3[,}]")
                    .containsPattern("\"costPerCacheReadInputToken\":0[,}]");
        }

        @Test
        void create_withFractionalCost_keepsTheFraction() {
            SessionResponse session = aSession(client);

            HttpResponse<String> response = create("""
                    {"sessionId": "%s", "input": "hi", "cost": 0.25}""".formatted(session.id()));

            assertStatus(response, 201);
            assertThat(response.body()).containsPattern("\"cost\":0\\.25[,}]");
        }

        @Test
        void create_withTokenCounts_derivesTokensWithoutCacheReads() {
            InferenceResultResponse created = client.inferenceResults().create(turnOf(aSession(client))
                    .input("hi").inputTokens(100L).outputTokens(50L).cacheReadInputTokens(20L).build());

            assertThat(created.tokens()).isEqualTo(150L);
        }

        @Test
        void create_withOnlyOutputTokens_derivesTokensFromIt() {
            InferenceResultResponse created = client.inferenceResults().create(
                    turnOf(aSession(client)).input("hi").outputTokens(50L).build());

            assertThat(created.tokens()).isEqualTo(50L);
        }

        @Test
        void create_withCountsAndPrices_derivesCostOverEveryPair() {
            InferenceResultResponse created = client.inferenceResults().create(turnOf(aSession(client))
                    .input("hi").inputTokens(100L).outputTokens(50L).cacheReadInputTokens(20L)
                    .costPerInputToken(0.00001).costPerOutputToken(0.00003).costPerCacheReadInputToken(0.000005)
                    .build());

            assertThat(created.cost()).isCloseTo(100 * 0.00001 + 50 * 0.00003 + 20 * 0.000005, within(1e-12));
        }

        @Test
        void create_withPricesButNoCounts_leavesTotalsNull() {
            InferenceResultResponse created = client.inferenceResults().create(turnOf(aSession(client))
                    .input("hi").costPerInputToken(0.00001).costPerOutputToken(0.00003).build());

            assertThat(created.tokens()).isNull();
            assertThat(created.cost()).isNull();
        }

        @Test
        void create_withClientTotals_keepsThemOverDerivedOnes() {
            InferenceResultResponse created = client.inferenceResults().create(turnOf(aSession(client))
                    .input("hi").inputTokens(100L).outputTokens(50L).tokens(999L)
                    .costPerInputToken(0.00001).costPerOutputToken(0.00003).cost(0.001).build());

            assertThat(created.tokens()).isEqualTo(999L);
            assertThat(created.cost()).isEqualTo(0.001);
        }

        @ParameterizedTest
        @ValueSource(strings = {"inputTokens", "outputTokens", "cacheReadInputTokens", "tokens", "index"})
        void create_withFractionalInteger_returnsBadRequest(String field) {
            SessionResponse session = aSession(client);

            assertError(create("""
                    {"sessionId": "%s", "input": "hi", "%s": 10.5}""".formatted(session.id(), field)), 400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"latency", "inputTokens", "outputTokens", "cacheReadInputTokens", "tokens",
                "costPerInputToken", "costPerOutputToken", "costPerCacheReadInputToken", "cost", "index"})
        void create_withNegativeNumber_returnsBadRequest(String field) {
            SessionResponse session = aSession(client);

            String message = errorMessage(create("""
                    {"sessionId": "%s", "input": "hi", "%s": -1}""".formatted(session.id(), field)), 400);

            assertThat(message).contains(field);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"150\"", "true", "[150]", "{\"ms\": 150}"})
        void create_withLatencyThatIsNotANumber_returnsBadRequest(String latency) {
            SessionResponse session = aSession(client);

            assertError(create("""
                    {"sessionId": "%s", "input": "hi", "latency": %s}""".formatted(session.id(), latency)), 400);
        }
    }

    @Nested
    class Index {

        @Test
        void create_withoutIndex_appendsAfterTheSessionsLastTurn() {
            SessionResponse session = aSession(client);

            List<Integer> indices = List.of(aTurn(session.id()).index(), aTurn(session.id()).index(), aTurn(session.id()).index());

            assertThat(indices).containsExactly(0, 1, 2);
        }

        @Test
        void create_withExplicitIndex_storesIt() {
            InferenceResultResponse created = client.inferenceResults().create(
                    turnOf(aSession(client)).input("hi").index(7).build());

            assertThat(created.index()).isEqualTo(7);
        }

        @Test
        void create_afterExplicitIndex_continuesAfterIt() {
            SessionResponse session = aSession(client);
            client.inferenceResults().create(turnOf(session).input("hi").index(7).build());

            assertThat(aTurn(session.id()).index()).isEqualTo(8);
        }
    }

    @Nested
    class SessionReference {

        @Test
        void create_withSessionCustomIdAndVersionId_logsToThatSession() {
            VersionResponse version = aVersion(client);
            SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conversation-1"));

            InferenceResultResponse created = client.inferenceResults().create(
                    byCustomId("conversation-1", version.id(), null));

            assertThat(created.sessionId()).isEqualTo(session.id());
        }

        @Test
        void create_withSessionCustomIdAndProductId_logsToThatSession() {
            VersionResponse version = aVersion(client);
            SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conversation-1"));

            InferenceResultResponse created = client.inferenceResults().create(
                    byCustomId("conversation-1", null, version.productId()));

            assertThat(created.sessionId()).isEqualTo(session.id());
        }

        @Test
        void create_withSessionCustomIdAndBothAnchors_prefersTheVersion() {
            VersionResponse version = aVersion(client);
            VersionResponse otherVersion = aVersion(client);
            SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conversation-1"));
            client.sessions().create(CreateSessionRequest.forVersion(otherVersion.id(), "conversation-1"));

            InferenceResultResponse created = client.inferenceResults().create(
                    byCustomId("conversation-1", version.id(), otherVersion.productId()));

            assertThat(created.sessionId()).isEqualTo(session.id());
        }

        @Test
        void create_withSessionCustomIdWithoutAnchor_returnsBadRequest() {
            VersionResponse version = aVersion(client);
            client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conversation-1"));

            assertError(create("""
                    {"sessionCustomId": "conversation-1", "input": "hi"}"""), 400);
        }

        @Test
        void create_withUnknownSessionCustomId_returnsBadRequest() {
            VersionResponse version = aVersion(client);

            String message = errorMessage(create("""
                    {"sessionCustomId": "no-such-conversation", "versionId": "%s", "input": "hi"}"""
                    .formatted(version.id())), 400);

            assertThat(message).contains("no-such-conversation");
        }

        @Test
        void create_withSessionCustomIdOfAnotherVersion_returnsBadRequest() {
            VersionResponse version = aVersion(client);
            client.sessions().create(CreateSessionRequest.forVersion(aVersion(client).id(), "conversation-1"));

            assertError(create("""
                    {"sessionCustomId": "conversation-1", "versionId": "%s", "input": "hi"}"""
                    .formatted(version.id())), 400);
        }

        @Test
        void create_withBothSessionIdAndSessionCustomId_returnsBadRequest() {
            VersionResponse version = aVersion(client);
            SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conversation-1"));

            assertError(create("""
                    {"sessionId": "%s", "sessionCustomId": "conversation-1", "versionId": "%s", "input": "hi"}"""
                    .formatted(session.id(), version.id())), 400);
        }

        @Test
        void create_withNeitherSessionIdNorSessionCustomId_returnsBadRequest() {
            assertError(create("""
                    {"input": "hi", "actualOutput": "hello"}"""), 400);
        }

        @Test
        void create_withUnknownSession_returnsNotFound() {
            assertThatThrownBy(() -> client.inferenceResults().create(
                    CreateInferenceResultRequest.forSession(UNKNOWN_SESSION_ID).input("hi").build()))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        }

        @Test
        void create_withSessionIdOfAnyOtherShape_returnsNotFound() {
            assertError(create("""
                    {"sessionId": "session_123", "input": "hi"}"""), 404);
        }

        @Test
        void create_withDeletedSession_returnsNotFound() {
            SessionResponse session = aSession(client);
            client.sessions().delete(session.id());

            assertError(create("""
                    {"sessionId": "%s", "input": "hi"}""".formatted(session.id())), 404);
        }

        @Test
        void create_withSessionOfAnotherOrganization_returnsNotFoundAndStoresNothing() {
            Tenant other = newTenant();
            SessionResponse foreign = aSession(other.client());

            assertError(create("""
                    {"sessionId": "%s", "input": "hi"}""".formatted(foreign.id())), 404);
            assertThat(other.client().inferenceResults().list(ListOptions.none())).isEmpty();
        }
    }
}

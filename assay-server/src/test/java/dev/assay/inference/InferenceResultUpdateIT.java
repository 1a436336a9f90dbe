package dev.assay.inference;

import static dev.assay.testing.Fixtures.aSession;
import static dev.assay.testing.RawResponses.assertError;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.UpdateInferenceResultRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** GET and PATCH /inferenceResults/{id} (docs/reference/galtea-contract.md §1.6, §1.7, docs/reference/galtea-pages/002). */
class InferenceResultUpdateIT extends InferenceResultApiTest {

    private HttpResponse<String> patch(String id, String jsonBody) {
        return send("PATCH", "/inferenceResults/" + id, jsonBody);
    }

    private InferenceResultResponse update(String id, UpdateInferenceResultRequest.Builder changes) {
        return client.inferenceResults().update(id, changes.build());
    }

    private InferenceResultResponse aFullTurn() {
        SessionResponse session = aSession(client);
        return client.inferenceResults().create(CreateInferenceResultRequest.forSession(session.id())
                .input("question").actualOutput("answer").retrievalContext("context").latency(120.0).error("none")
                .inputTokens(100L).outputTokens(50L).cacheReadInputTokens(20L)
                .costPerInputToken(0.00001).costPerOutputToken(0.00003).costPerCacheReadInputToken(0.000005)
                .build());
    }

    private InferenceResultResponse aPendingTurn() {
        SessionResponse session = aSession(client);
        return client.inferenceResults().create(
                CreateInferenceResultRequest.forSession(session.id()).input("question").status("PENDING").build());
    }

    @Nested
    class Get {

        @Test
        void get_existingTurn_returnsIt() {
            InferenceResultResponse turn = aFullTurn();

            assertThat(client.inferenceResults().get(turn.id())).isEqualTo(turn);
        }

        @Test
        void get_existingTurn_containsEverySeedField() {
            InferenceResultResponse turn = aFullTurn();

            JsonNode body = assertStatus(send("GET", "/inferenceResults/" + turn.id(), null), 200);

            assertThat(body.propertyNames()).containsAll(SEED_FIELDS);
        }

        @ParameterizedTest
        @ValueSource(strings = {UNKNOWN_ID, "ir_123", "session_aaaaaaaaaaaaaaaaaaaaaaaaaa", "inferenceResult_!!"})
        void get_unknownId_returnsNotFound(String id) {
            assertError(send("GET", "/inferenceResults/" + id, null), 404);
        }

        @Test
        void get_deletedTurn_returnsNotFound() {
            InferenceResultResponse turn = aFullTurn();
            client.inferenceResults().delete(turn.id());

            assertError(send("GET", "/inferenceResults/" + turn.id(), null), 404);
        }

        @Test
        void get_turnOfAnotherOrganization_returnsNotFound() {
            Tenant other = newTenant();
            InferenceResultResponse foreign = other.client().inferenceResults().create(
                    CreateInferenceResultRequest.forSession(aSession(other.client()).id()).input("hi").build());

            assertError(send("GET", "/inferenceResults/" + foreign.id(), null), 404);
        }
    }

    @Nested
    class Patch {

        @Test
        void update_withSeedBody_setsOutputContextAndLatency() {
            InferenceResultResponse turn = aPendingTurn();

            JsonNode body = assertStatus(patch(turn.id(), """
                    {"actualOutput": "Model response text", "retrievalContext": "Retrieved context document",
                     "latency": 123}"""), 200);

            assertThat(body.get("actualOutput").stringValue()).isEqualTo("Model response text");
            assertThat(body.get("retrievalContext").stringValue()).isEqualTo("Retrieved context document");
            assertThat(body.get("latency").isIntegralNumber()).isTrue();
            assertThat(body.get("latency").asLong()).isEqualTo(123);
            assertThat(body.propertyNames()).containsAll(SEED_FIELDS);
        }

        @Test
        void update_absentFields_stayUnchanged() {
            InferenceResultResponse turn = aFullTurn();

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder().latency(99.5));

            assertThat(updated).usingRecursiveComparison().ignoringFields("latency").isEqualTo(turn);
            assertThat(updated.latency().doubleValue()).isEqualTo(99.5);
        }

        @Test
        void update_emptyBody_changesNothing() {
            InferenceResultResponse turn = aFullTurn();

            assertStatus(patch(turn.id(), "{}"), 200);

            assertThat(client.inferenceResults().get(turn.id())).isEqualTo(turn);
        }

        @Test
        void update_nullFields_clearThem() {
            InferenceResultResponse turn = aFullTurn();

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder()
                    .actualOutput(null).retrievalContext(null).latency(null).error(null).input(null));

            assertThat(updated.actualOutput()).isNull();
            assertThat(updated.retrievalContext()).isNull();
            assertThat(updated.latency()).isNull();
            assertThat(updated.error()).isNull();
            assertThat(updated.input()).isNull();
            assertThat(client.inferenceResults().get(turn.id())).isEqualTo(updated);
        }

        @Test
        void update_values_setThemAndPersist() {
            InferenceResultResponse turn = aFullTurn();

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder()
                    .actualOutput("new answer").retrievalContext("new context").error("new error"));

            assertThat(updated.actualOutput()).isEqualTo("new answer");
            assertThat(updated.retrievalContext()).isEqualTo("new context");
            assertThat(updated.error()).isEqualTo("new error");
            assertThat(client.inferenceResults().get(turn.id())).isEqualTo(updated);
        }

        @Test
        void update_stringInput_storesItAsUserMessage() {
            InferenceResultResponse turn = aFullTurn();

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder().input("again"));

            assertThat(updated.input()).isEqualTo(Map.of("user_message", "again"));
        }

        @Test
        void update_objectInput_keepsTheObject() {
            InferenceResultResponse turn = aFullTurn();
            Map<String, Object> input = Map.of("user_message", "hi", "locale", "fr");

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder().input(input));

            assertThat(updated.input()).isEqualTo(input);
        }

        @Test
        void update_integralFloatLatency_isEmittedWithoutFraction() {
            InferenceResultResponse turn = aFullTurn();

            HttpResponse<String> response = patch(turn.id(), """
                    {"latency": 150.0}""");

            assertStatus(response, 200);
            assertThat(response.body()).containsPattern("\"latency\":150[,}]");
        }

        @Test
        void update_serverManagedFields_areIgnored() {
            InferenceResultResponse turn = aFullTurn();
            InferenceResultResponse other = aFullTurn();

            JsonNode body = assertStatus(patch(turn.id(), """
                    {"id": "%s", "sessionId": "%s", "creditsUsed": 5, "createdAt": "2020-01-01T00:00:00.000Z",
                     "traceId": "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4", "deletedAt": "2020-01-01T00:00:00.000Z",
                     "actualOutput": "changed"}""".formatted(other.id(), other.sessionId())), 200);

            assertThat(body.get("id").stringValue()).isEqualTo(turn.id());
            assertThat(body.get("sessionId").stringValue()).isEqualTo(turn.sessionId());
            assertThat(body.get("creditsUsed").isNull()).isTrue();
            assertThat(body.get("createdAt").stringValue()).isEqualTo(turn.createdAt());
            assertThat(body.get("traceId").isNull()).isTrue();
            assertThat(body.get("deletedAt").isNull()).isTrue();
            assertThat(body.get("actualOutput").stringValue()).isEqualTo("changed");
            assertThat(client.inferenceResults().get(other.id())).isEqualTo(other);
        }

        @Test
        void update_turnOfAnotherOrganization_returnsNotFoundAndChangesNothing() {
            Tenant other = newTenant();
            InferenceResultResponse foreign = other.client().inferenceResults().create(
                    CreateInferenceResultRequest.forSession(aSession(other.client()).id()).input("hi").build());

            assertError(patch(foreign.id(), """
                    {"actualOutput": "hijacked"}"""), 404);

            assertThat(other.client().inferenceResults().get(foreign.id())).isEqualTo(foreign);
        }

        @Test
        void update_inputNumberBeyondDouble_returnsBadRequest() {
            InferenceResultResponse turn = aFullTurn();

            assertError(patch(turn.id(), """
                    {"input": {"x": 1e400}}"""), 400);
        }

        @Test
        void update_onDeletedTurn_returnsNotFound() {
            InferenceResultResponse turn = aFullTurn();
            client.inferenceResults().delete(turn.id());

            assertError(patch(turn.id(), """
                    {"actualOutput": "too late"}"""), 404);
        }

        @ParameterizedTest
        @ValueSource(strings = {UNKNOWN_ID, "ir_123"})
        void update_onUnknownTurn_returnsNotFound(String id) {
            assertError(patch(id, """
                    {"actualOutput": "nobody"}"""), 404);
        }
    }

    @Nested
    class Status {

        @Test
        void update_pendingToGenerated_completesTheTurn() {
            InferenceResultResponse turn = aPendingTurn();

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder()
                    .status("GENERATED").actualOutput("Paris").latency(150.5));

            assertThat(updated.status()).isEqualTo("GENERATED");
            assertThat(updated.actualOutput()).isEqualTo("Paris");
        }

        @Test
        void update_pendingToFailed_keepsTheError() {
            InferenceResultResponse turn = aPendingTurn();

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder()
                    .status("failed").error("upstream 503"));

            assertThat(updated.status()).isEqualTo("FAILED");
            assertThat(updated.error()).isEqualTo("upstream 503");
        }

        @Test
        void update_outputWithoutStatus_leavesPendingStatus() {
            InferenceResultResponse turn = aPendingTurn();

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder().actualOutput("Paris"));

            assertThat(updated.status()).isEqualTo("PENDING");
        }

        @Test
        void update_nullStatus_returnsBadRequestAndKeepsTheStatus() {
            InferenceResultResponse turn = aPendingTurn();

            assertThat(errorMessage(patch(turn.id(), """
                    {"status": null}"""), 400)).contains("status");

            assertThat(client.inferenceResults().get(turn.id()).status()).isEqualTo("PENDING");
        }

        @Test
        void update_unknownStatus_returnsBadRequest() {
            InferenceResultResponse turn = aPendingTurn();

            assertError(patch(turn.id(), """
                    {"status": "DONE"}"""), 400);
        }
    }

    @Nested
    class Totals {

        @Test
        void update_changedCount_recomputesTokens() {
            InferenceResultResponse turn = aFullTurn();

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder().outputTokens(70L));

            assertThat(updated.tokens()).isEqualTo(170L);
        }

        @Test
        void update_changedCount_recomputesCost() {
            InferenceResultResponse turn = aFullTurn();

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder().inputTokens(200L));

            assertThat(updated.cost()).isCloseTo(200 * 0.00001 + 50 * 0.00003 + 20 * 0.000005, within(1e-12));
        }

        @Test
        void update_changedPrice_recomputesCost() {
            InferenceResultResponse turn = aFullTurn();

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder()
                    .costPerOutputToken(0.0001));

            assertThat(updated.cost()).isCloseTo(100 * 0.00001 + 50 * 0.0001 + 20 * 0.000005, within(1e-12));
            assertThat(updated.tokens()).isEqualTo(150L);
        }

        @Test
        void update_explicitTotalsWithChangedCounts_keepsTheClientsTotals() {
            InferenceResultResponse turn = aFullTurn();

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder()
                    .inputTokens(1L).tokens(999L).cost(0.5));

            assertThat(updated.tokens()).isEqualTo(999L);
            assertThat(updated.cost()).isEqualTo(0.5);
        }

        @Test
        void update_unrelatedField_keepsClientSuppliedTotals() {
            SessionResponse session = aSession(client);
            InferenceResultResponse turn = client.inferenceResults().create(CreateInferenceResultRequest
                    .forSession(session.id()).input("hi").inputTokens(100L).outputTokens(50L).tokens(999L).build());

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder().actualOutput("x"));

            assertThat(updated.tokens()).isEqualTo(999L);
        }

        @Test
        void update_clearedCounts_clearDerivedTokens() {
            InferenceResultResponse turn = aFullTurn();

            InferenceResultResponse updated = update(turn.id(), UpdateInferenceResultRequest.builder()
                    .inputTokens(null).outputTokens(null));

            assertThat(updated.tokens()).isNull();
        }
    }

    @Nested
    class Rejections {

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"latency\": \"fast\"}",
                "{\"latency\": true}",
                "{\"inputTokens\": 10.5}",
                "{\"outputTokens\": \"50\"}",
                "{\"tokens\": [1]}",
                "{\"cost\": \"0.1\"}",
                "{\"costPerInputToken\": {}}",
                "{\"actualOutput\": 42}",
                "{\"retrievalContext\": [\"doc\"]}",
                "{\"error\": false}",
                "{\"status\": 1}",
                "{\"input\": 42}",
                "{\"input\": [\"hi\"]}",
                "{\"input\": true}"
        })
        void update_withWrongJsonType_returnsBadRequest(String body) {
            InferenceResultResponse turn = aFullTurn();

            assertError(patch(turn.id(), body), 400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"latency", "inputTokens", "outputTokens", "cacheReadInputTokens", "tokens",
                "costPerInputToken", "costPerOutputToken", "costPerCacheReadInputToken", "cost"})
        void update_withNegativeNumber_returnsBadRequest(String field) {
            InferenceResultResponse turn = aFullTurn();

            assertThat(errorMessage(patch(turn.id(), "{\"%s\": -1}".formatted(field)), 400)).contains(field);
        }

        @Test
        void update_withOneInvalidField_changesNothing() {
            InferenceResultResponse turn = aFullTurn();

            assertError(patch(turn.id(), """
                    {"actualOutput": "changed", "latency": "fast"}"""), 400);

            assertThat(client.inferenceResults().get(turn.id())).isEqualTo(turn);
        }
    }
}

package dev.assay.inference;

import static dev.assay.testing.Fixtures.aSession;
import static dev.assay.testing.Fixtures.aVersion;
import static dev.assay.testing.RawResponses.assertError;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateInferenceResultBatchRequest;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.VersionResponse;
import dev.assay.client.ListOptions;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** POST /inferenceResults/batch (docs/reference/galtea-contract.md §1.4, docs/reference/galtea-pages/000). */
class InferenceResultCreateBatchIT extends InferenceResultApiTest {

    private HttpResponse<String> createBatch(String jsonBody) {
        return send("POST", "/inferenceResults/batch", jsonBody);
    }

    private List<InferenceResultResponse> turnsOf(SessionResponse session) {
        return client.inferenceResults().list(ListOptions.none().filter("sessionIds", session.id()));
    }

    /** A JSON array of {@code n} user messages. */
    private static String userMessages(int n) {
        return String.join(",", Collections.nCopies(n, "{\"role\": \"user\", \"content\": \"hi\"}"));
    }

    @Nested
    class Pairing {

        @Test
        void createBatch_userThenAssistant_pairsThemIntoOneGeneratedTurn() {
            SessionResponse session = aSession(client);

            List<InferenceResultResponse> created = client.inferenceResults().createBatch(session.id(), List.of(
                    ConversationTurn.user("What is the capital of France?"), ConversationTurn.assistant("Paris")));

            assertThat(created).singleElement().satisfies(turn -> {
                assertThat(turn.input()).isEqualTo(Map.of("user_message", "What is the capital of France?"));
                assertThat(turn.actualOutput()).isEqualTo("Paris");
                assertThat(turn.status()).isEqualTo("GENERATED");
                assertThat(turn.sessionId()).isEqualTo(session.id());
            });
        }

        @Test
        void createBatch_assistantWithoutUser_createsGeneratedTurnWithoutInput() {
            SessionResponse session = aSession(client);

            List<InferenceResultResponse> created = client.inferenceResults().createBatch(
                    session.id(), List.of(ConversationTurn.assistant("Welcome!")));

            assertThat(created).singleElement().satisfies(turn -> {
                assertThat(turn.input()).isNullOrEmpty();
                assertThat(turn.actualOutput()).isEqualTo("Welcome!");
                assertThat(turn.status()).isEqualTo("GENERATED");
            });
        }

        @Test
        void createBatch_trailingUser_createsPendingTurnWithoutOutput() {
            SessionResponse session = aSession(client);

            List<InferenceResultResponse> created = client.inferenceResults().createBatch(session.id(), List.of(
                    ConversationTurn.user("hi"), ConversationTurn.assistant("hello"), ConversationTurn.user("bye")));

            assertThat(created).hasSize(2);
            assertThat(created.get(1).input()).isEqualTo(Map.of("user_message", "bye"));
            assertThat(created.get(1).actualOutput()).isNull();
            assertThat(created.get(1).status()).isEqualTo("PENDING");
        }

        @Test
        void createBatch_consecutiveUsers_closeTheFirstTurnWithoutOutput() {
            SessionResponse session = aSession(client);

            List<InferenceResultResponse> created = client.inferenceResults().createBatch(session.id(), List.of(
                    ConversationTurn.user("first"), ConversationTurn.user("second"), ConversationTurn.assistant("answer")));

            assertThat(created).extracting(InferenceResultResponse::input)
                    .containsExactly(Map.of("user_message", "first"), Map.of("user_message", "second"));
            assertThat(created).extracting(InferenceResultResponse::actualOutput).containsExactly(null, "answer");
            assertThat(created).extracting(InferenceResultResponse::status).containsExactly("PENDING", "GENERATED");
        }

        @Test
        void createBatch_consecutiveAssistants_createOneTurnEach() {
            SessionResponse session = aSession(client);

            List<InferenceResultResponse> created = client.inferenceResults().createBatch(session.id(), List.of(
                    ConversationTurn.user("hi"), ConversationTurn.assistant("hello"), ConversationTurn.assistant("again")));

            assertThat(created).extracting(InferenceResultResponse::actualOutput).containsExactly("hello", "again");
            assertThat(created.get(1).input()).isNullOrEmpty();
        }

        @Test
        void createBatch_retrievalContextSnakeCaseKey_isStoredOnTheTurn() {
            SessionResponse session = aSession(client);

            JsonNode body = assertStatus(createBatch("""
                    {"sessionId": "%s", "conversationTurns": [
                      {"role": "user", "content": "hi"},
                      {"role": "assistant", "content": "hello", "retrieval_context": "doc 1"}]}"""
                    .formatted(session.id())), 201);

            assertThat(body.get(0).get("retrievalContext").stringValue()).isEqualTo("doc 1");
        }

        @Test
        void createBatch_retrievalContextCamelCaseKey_isStoredOnTheTurn() {
            SessionResponse session = aSession(client);

            JsonNode body = assertStatus(createBatch("""
                    {"sessionId": "%s", "conversationTurns": [
                      {"role": "user", "content": "hi"},
                      {"role": "assistant", "content": "hello", "retrievalContext": "doc 2"}]}"""
                    .formatted(session.id())), 201);

            assertThat(body.get(0).get("retrievalContext").stringValue()).isEqualTo("doc 2");
        }

        @Test
        void createBatch_withSimulatorVersion_copiesItOntoEveryTurn() {
            SessionResponse session = aSession(client);

            List<InferenceResultResponse> created = client.inferenceResults().createBatch(
                    new CreateInferenceResultBatchRequest(session.id(), null, null, null, List.of(
                            ConversationTurn.user("a"), ConversationTurn.assistant("b"),
                            ConversationTurn.user("c"), ConversationTurn.assistant("d"), ConversationTurn.user("e")),
                            "1.0.0"));

            assertThat(created).hasSize(3)
                    .extracting(InferenceResultResponse::conversationSimulatorVersion).containsOnly("1.0.0");
        }
    }

    @Nested
    class Response {

        @Test
        void createBatch_returnsCreatedArrayInMessageOrder() {
            SessionResponse session = aSession(client);

            JsonNode body = assertStatus(createBatch("""
                    {"sessionId": "%s", "conversationTurns": [
                      {"role": "user", "content": "one"}, {"role": "assistant", "content": "1"},
                      {"role": "user", "content": "two"}, {"role": "assistant", "content": "2"},
                      {"role": "user", "content": "three"}, {"role": "assistant", "content": "3"}]}"""
                    .formatted(session.id())), 201);

            assertThat(body.isArray()).isTrue();
            List<String> outputs = new ArrayList<>();
            body.values().forEach(turn -> outputs.add(turn.get("actualOutput").stringValue()));
            assertThat(outputs).containsExactly("1", "2", "3");
        }

        @Test
        void createBatch_eachTurn_containsEverySeedField() {
            SessionResponse session = aSession(client);

            JsonNode body = assertStatus(createBatch("""
                    {"sessionId": "%s", "conversationTurns": [{"role": "user", "content": "hi"}]}"""
                    .formatted(session.id())), 201);

            assertThat(body.get(0).propertyNames()).containsAll(SEED_FIELDS);
            assertThat(body.get(0).get("id").stringValue()).matches(ID);
            assertThat(body.get(0).get("createdAt").stringValue()).matches(TIMESTAMP);
        }

        @Test
        void createBatch_afterExistingTurns_continuesTheirIndices() {
            SessionResponse session = aSession(client);
            client.inferenceResults().create(CreateInferenceResultRequest.forSession(session.id()).input("first").build());

            List<InferenceResultResponse> created = client.inferenceResults().createBatch(session.id(), List.of(
                    ConversationTurn.user("hi"), ConversationTurn.assistant("hello"), ConversationTurn.user("bye")));

            assertThat(created).extracting(InferenceResultResponse::index).containsExactly(1, 2);
            assertThat(turnsOf(session)).hasSize(3);
        }

        @Test
        void createBatch_storesWhatItReturns() {
            SessionResponse session = aSession(client);

            List<InferenceResultResponse> created = client.inferenceResults().createBatch(session.id(), List.of(
                    ConversationTurn.user("hi"), ConversationTurn.assistant("hello")));

            assertThat(turnsOf(session)).isEqualTo(created);
        }

        @Test
        void createBatch_withSessionCustomIdAndVersionId_logsToThatSession() {
            VersionResponse version = aVersion(client);
            SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "chat-7"));

            List<InferenceResultResponse> created = client.inferenceResults().createBatch(
                    new CreateInferenceResultBatchRequest(null, "chat-7", version.id(), null,
                            List.of(ConversationTurn.user("hi")), null));

            assertThat(created).extracting(InferenceResultResponse::sessionId).containsExactly(session.id());
        }

        @Test
        void createBatch_withExactly1000Messages_createsEveryTurn() {
            SessionResponse session = aSession(client);

            JsonNode body = assertStatus(createBatch("""
                    {"sessionId": "%s", "conversationTurns": [%s]}""".formatted(session.id(), userMessages(1000))), 201);

            assertThat(body.size()).isEqualTo(1000);
        }
    }

    @Nested
    class Rejections {

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"content\": \"no role\"}",
                "{\"role\": null, \"content\": \"null role\"}",
                "{\"role\": \"system\", \"content\": \"unknown role\"}",
                "{\"role\": \"\", \"content\": \"empty role\"}",
                "{\"role\": \"assistant\"}",
                "{\"role\": \"user\", \"content\": null}",
                "{\"role\": \"user\", \"content\": 42}",
                "{\"role\": 1, \"content\": \"numeric role\"}",
                "null",
                "\"hi\"",
                "42",
                "[]"
        })
        void createBatch_withOneInvalidMessageAnywhere_returnsBadRequestAndStoresNothing(String invalid) {
            SessionResponse session = aSession(client);
            InferenceResultResponse existing = aTurn(session.id());

            assertError(createBatch("""
                    {"sessionId": "%s", "conversationTurns": [
                      {"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}, %s,
                      {"role": "user", "content": "bye"}]}""".formatted(session.id(), invalid)), 400);

            assertThat(turnsOf(session)).containsExactly(existing);
        }

        @Test
        void createBatch_withInvalidLastMessage_namesItsPosition() {
            SessionResponse session = aSession(client);

            String message = errorMessage(createBatch("""
                    {"sessionId": "%s", "conversationTurns": [
                      {"role": "user", "content": "hi"}, {"role": "tool", "content": "x"}]}""".formatted(session.id())), 400);

            assertThat(message).contains("conversationTurns[1]");
        }

        @Test
        void createBatch_withEmptyList_returnsBadRequest() {
            SessionResponse session = aSession(client);

            assertError(createBatch("""
                    {"sessionId": "%s", "conversationTurns": []}""".formatted(session.id())), 400);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"role\": \"user\", \"content\": \"hi\"}", "\"hi\"", "42", "true", "null"})
        void createBatch_withConversationTurnsNotAnArray_returnsBadRequest(String turns) {
            SessionResponse session = aSession(client);

            assertError(createBatch("""
                    {"sessionId": "%s", "conversationTurns": %s}""".formatted(session.id(), turns)), 400);
        }

        @Test
        void createBatch_withoutConversationTurns_returnsBadRequest() {
            SessionResponse session = aSession(client);

            assertError(createBatch("""
                    {"sessionId": "%s"}""".formatted(session.id())), 400);
        }

        @Test
        void createBatch_withMoreThan1000Messages_returnsBadRequestAndStoresNothing() {
            SessionResponse session = aSession(client);

            assertError(createBatch("""
                    {"sessionId": "%s", "conversationTurns": [%s]}""".formatted(session.id(), userMessages(1001))), 400);

            assertThat(turnsOf(session)).isEmpty();
        }

        @Test
        void createBatch_withUnknownSession_returnsNotFound() {
            assertError(createBatch("""
                    {"sessionId": "%s", "conversationTurns": [{"role": "user", "content": "hi"}]}"""
                    .formatted(UNKNOWN_SESSION_ID)), 404);
        }

        @Test
        void createBatch_withDeletedSession_returnsNotFound() {
            SessionResponse session = aSession(client);
            client.sessions().delete(session.id());

            assertError(createBatch("""
                    {"sessionId": "%s", "conversationTurns": [{"role": "user", "content": "hi"}]}"""
                    .formatted(session.id())), 404);
        }

        @Test
        void createBatch_withNeitherSessionIdNorSessionCustomId_returnsBadRequest() {
            assertError(createBatch("""
                    {"conversationTurns": [{"role": "user", "content": "hi"}]}"""), 400);
        }

        @Test
        void createBatch_withBothSessionIdAndSessionCustomId_returnsBadRequest() {
            VersionResponse version = aVersion(client);
            SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "chat-7"));

            assertError(createBatch("""
                    {"sessionId": "%s", "sessionCustomId": "chat-7", "versionId": "%s",
                     "conversationTurns": [{"role": "user", "content": "hi"}]}""".formatted(session.id(), version.id())), 400);
        }

        @Test
        void createBatch_withUnknownSessionCustomId_returnsBadRequest() {
            VersionResponse version = aVersion(client);

            assertError(createBatch("""
                    {"sessionCustomId": "missing", "versionId": "%s",
                     "conversationTurns": [{"role": "user", "content": "hi"}]}""".formatted(version.id())), 400);
        }
    }
}

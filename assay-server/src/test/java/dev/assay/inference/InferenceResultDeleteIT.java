package dev.assay.inference;

import static dev.assay.testing.Fixtures.aSession;
import static dev.assay.testing.RawResponses.assertError;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.SessionResponse;
import dev.assay.client.ListOptions;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DELETE /inferenceResults/{id}, DELETE /inferenceResults/batch and the session cascade (§1.8, §3.5). */
class InferenceResultDeleteIT extends InferenceResultApiTest {

    private HttpResponse<String> delete(String id) {
        return send("DELETE", "/inferenceResults/" + id, null);
    }

    private HttpResponse<String> deleteBatch(String jsonBody) {
        return send("DELETE", "/inferenceResults/batch", jsonBody);
    }

    private List<InferenceResultResponse> turnsOf(SessionResponse session) {
        return client.inferenceResults().list(ListOptions.none().filter("sessionIds", session.id()));
    }

    @Nested
    class Delete {

        @Test
        void delete_existingTurn_returnsNoContentWithoutBody() {
            InferenceResultResponse turn = aTurn(aSession(client).id());

            HttpResponse<String> response = delete(turn.id());

            assertStatus(response, 204);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void delete_existingTurn_makesGetReturnNotFound() {
            InferenceResultResponse turn = aTurn(aSession(client).id());

            client.inferenceResults().delete(turn.id());

            assertError(send("GET", "/inferenceResults/" + turn.id(), null), 404);
        }

        @Test
        void delete_twice_returnsNotFoundTheSecondTime() {
            InferenceResultResponse turn = aTurn(aSession(client).id());
            client.inferenceResults().delete(turn.id());

            assertError(delete(turn.id()), 404);
        }

        @Test
        void delete_oneTurn_leavesTheSessionsOtherTurns() {
            SessionResponse session = aSession(client);
            InferenceResultResponse kept = aTurn(session.id());
            InferenceResultResponse deleted = aTurn(session.id());

            client.inferenceResults().delete(deleted.id());

            assertThat(turnsOf(session)).containsExactly(kept);
        }

        @ParameterizedTest
        @ValueSource(strings = {UNKNOWN_ID, "ir_123"})
        void delete_unknownTurn_returnsNotFound(String id) {
            assertError(delete(id), 404);
        }

        @Test
        void delete_turnOfAnotherOrganization_returnsNotFoundAndKeepsIt() {
            Tenant other = newTenant();
            InferenceResultResponse foreign = other.client().inferenceResults().create(
                    CreateInferenceResultRequest.forSession(aSession(other.client()).id()).input("hi").build());

            assertError(delete(foreign.id()), 404);

            assertThat(other.client().inferenceResults().get(foreign.id())).isEqualTo(foreign);
        }
    }

    @Nested
    class DeleteBatch {

        @Test
        void deleteBatch_knownIds_returnsNoContentAndDeletesThem() {
            SessionResponse session = aSession(client);
            InferenceResultResponse first = aTurn(session.id());
            InferenceResultResponse second = aTurn(session.id());
            InferenceResultResponse kept = aTurn(session.id());

            HttpResponse<String> response = deleteBatch("""
                    {"ids": ["%s", "%s"]}""".formatted(first.id(), second.id()));

            assertStatus(response, 204);
            assertThat(response.body()).isEmpty();
            assertThat(turnsOf(session)).containsExactly(kept);
        }

        @Test
        void deleteBatch_throughTheSdk_deletesEveryListedTurn() {
            SessionResponse session = aSession(client);
            List<String> ids = List.of(aTurn(session.id()).id(), aTurn(session.id()).id());

            client.inferenceResults().deleteBatch(ids);

            assertThat(turnsOf(session)).isEmpty();
        }

        @Test
        void deleteBatch_withOneUnknownId_returnsNotFoundAndDeletesNothing() {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> turns = List.of(aTurn(session.id()), aTurn(session.id()));

            String message = errorMessage(deleteBatch("""
                    {"ids": ["%s", "%s", "%s"]}""".formatted(turns.get(0).id(), UNKNOWN_ID, turns.get(1).id())), 404);

            assertThat(message).contains(UNKNOWN_ID).doesNotContain(turns.get(0).id());
            assertThat(turnsOf(session)).containsExactlyElementsOf(turns);
        }

        @Test
        void deleteBatch_withAlreadyDeletedId_returnsNotFoundAndDeletesNothing() {
            SessionResponse session = aSession(client);
            InferenceResultResponse live = aTurn(session.id());
            InferenceResultResponse deleted = aTurn(session.id());
            client.inferenceResults().delete(deleted.id());

            assertError(deleteBatch("""
                    {"ids": ["%s", "%s"]}""".formatted(live.id(), deleted.id())), 404);

            assertThat(turnsOf(session)).containsExactly(live);
        }

        @Test
        void deleteBatch_withIdOfAnotherOrganization_returnsNotFoundAndDeletesNothing() {
            SessionResponse session = aSession(client);
            InferenceResultResponse own = aTurn(session.id());
            Tenant other = newTenant();
            InferenceResultResponse foreign = other.client().inferenceResults().create(
                    CreateInferenceResultRequest.forSession(aSession(other.client()).id()).input("hi").build());

            assertError(deleteBatch("""
                    {"ids": ["%s", "%s"]}""".formatted(own.id(), foreign.id())), 404);

            assertThat(turnsOf(session)).containsExactly(own);
            assertThat(other.client().inferenceResults().get(foreign.id())).isEqualTo(foreign);
        }

        @Test
        void deleteBatch_withRepeatedId_deletesItOnce() {
            SessionResponse session = aSession(client);
            InferenceResultResponse turn = aTurn(session.id());

            assertStatus(deleteBatch("""
                    {"ids": ["%s", "%s"]}""".formatted(turn.id(), turn.id())), 204);

            assertThat(turnsOf(session)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"ids\": []}", "{\"ids\": null}", "{\"ids\": \"%s\"}", "{\"ids\": [1]}",
                "{\"ids\": {\"id\": \"%s\"}}"})
        void deleteBatch_withoutAListOfIds_returnsBadRequestAndDeletesNothing(String body) {
            SessionResponse session = aSession(client);
            InferenceResultResponse turn = aTurn(session.id());

            assertError(deleteBatch(body.formatted(turn.id())), 400);

            assertThat(turnsOf(session)).containsExactly(turn);
        }
    }

    @Nested
    class SessionCascade {

        @Test
        void deleteSession_hidesItsTurnsFromGet() {
            SessionResponse session = aSession(client);
            InferenceResultResponse turn = aTurn(session.id());

            client.sessions().delete(session.id());

            assertError(send("GET", "/inferenceResults/" + turn.id(), null), 404);
        }

        @Test
        void deleteSession_hidesItsTurnsFromLists() {
            SessionResponse session = aSession(client);
            InferenceResultResponse turn = aTurn(session.id());
            InferenceResultResponse otherSessionsTurn = aTurn(aSession(client).id());

            client.sessions().delete(session.id());

            assertThat(listIds("sessionIds=" + session.id())).isEmpty();
            assertThat(listIds("")).containsExactly(otherSessionsTurn.id());
            assertError(send("GET", "/inferenceResults?ids=" + turn.id(), null), 404);
        }

        @Test
        void deleteSession_makesItsTurnsImpossibleToPatch() {
            SessionResponse session = aSession(client);
            InferenceResultResponse turn = aTurn(session.id());

            client.sessions().delete(session.id());

            assertError(send("PATCH", "/inferenceResults/" + turn.id(), """
                    {"actualOutput": "late"}"""), 404);
        }
    }
}

package dev.assay.session;

import static dev.assay.testing.ApiErrors.apiError;
import static dev.assay.testing.Fixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.FinishSessionRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.UpdateSessionRequest;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code DELETE /sessions/{id}}: a soft delete that takes the session's turns with it (§3.5, §7.7). */
class SessionDeleteIT extends ApiIntegrationTest {

    @Nested
    class Delete {

        @Test
        void delete_returnsNoContentWithoutBody() {
            Tenant tenant = newTenant();
            SessionResponse session = aSession(tenant.client());

            HttpResponse<String> response = raw("DELETE", "/sessions/" + session.id(), null, tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void delete_thenGet_returnsNotFound() {
            SessionResponse session = aSession(client);

            client.sessions().delete(session.id());

            assertThat(apiError(() -> client.sessions().get(session.id()), ErrorCode.SESSION_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void delete_twice_returnsNotFound() {
            SessionResponse session = aSession(client);
            client.sessions().delete(session.id());

            assertThat(apiError(() -> client.sessions().delete(session.id()), ErrorCode.SESSION_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void delete_unknownId_returnsNotFound() {
            assertThat(apiError(() -> client.sessions().delete("session_aaaaaaaaaaaaaaaaaaaaaaaaaa"), ErrorCode.SESSION_NOT_FOUND).status())
                    .isEqualTo(404);
        }

        @Test
        void delete_removesTheSessionFromLists() {
            SessionResponse deleted = client.sessions().create(CreateSessionRequest.forVersion(
                    aSession(client).versionId(), "conv-deleted"));
            client.sessions().delete(deleted.id());

            assertThat(client.sessions().list(ListOptions.none())).extracting(SessionResponse::id).doesNotContain(deleted.id());
            assertThat(client.sessions().list(ListOptions.none().filter("customIds", "conv-deleted"))).isEmpty();
            assertThat(client.sessions().getByCustomId("conv-deleted", deleted.versionId())).isEmpty();
        }

        @Test
        void delete_thenListByItsId_returnsNotFound() {
            SessionResponse session = aSession(client);
            client.sessions().delete(session.id());

            assertThat(apiError(() -> client.sessions().list(ListOptions.none().filter("ids", session.id())), ErrorCode.SESSION_NOT_FOUND)
                    .status())
                    .isEqualTo(404);
        }

        @Test
        void delete_thenUpdate_returnsNotFound() {
            SessionResponse session = aSession(client);
            client.sessions().delete(session.id());

            assertThat(apiError(() -> client.sessions().update(session.id(), UpdateSessionRequest.builder().context("x").build()),
                    ErrorCode.SESSION_NOT_FOUND)
                    .status()).isEqualTo(404);
        }

        @Test
        void delete_thenFinish_returnsNotFound() {
            SessionResponse session = aSession(client);
            client.sessions().delete(session.id());

            assertThat(apiError(() -> client.sessions().finish(session.id(), new FinishSessionRequest("done", null)),
                    ErrorCode.SESSION_NOT_FOUND).status())
                    .isEqualTo(404);
        }
    }

    @Nested
    class Turns {

        @Test
        void delete_removesItsTurnsFromTheUnfilteredList() {
            SessionResponse session = sessionWithTurns();

            client.sessions().delete(session.id());

            assertThat(client.inferenceResults().list(ListOptions.none())).isEmpty();
        }

        @Test
        void delete_removesItsTurnsFromTheSessionFilteredList() {
            SessionResponse session = sessionWithTurns();

            client.sessions().delete(session.id());

            assertThat(client.inferenceResults().list(ListOptions.none().filter("sessionIds", session.id()))).isEmpty();
        }

        @Test
        void delete_makesItsTurnsNotFoundById() {
            SessionResponse session = sessionWithTurns();
            List<InferenceResultResponse> turns = client.inferenceResults().list(ListOptions.none().filter("sessionIds", session.id()));

            client.sessions().delete(session.id());

            assertThat(turns).isNotEmpty()
                    .allSatisfy(turn -> assertThat(
                            apiError(() -> client.inferenceResults().get(turn.id()), ErrorCode.INFERENCE_RESULT_NOT_FOUND).status())
                            .isEqualTo(404));
        }

        @Test
        void delete_keepsTheTurnsOfOtherSessions() {
            SessionResponse deleted = sessionWithTurns();
            SessionResponse kept = sessionWithTurns();
            List<InferenceResultResponse> keptTurns = client.inferenceResults().list(ListOptions.none().filter("sessionIds", kept.id()));

            client.sessions().delete(deleted.id());

            assertThat(client.inferenceResults().list(ListOptions.none())).containsExactlyElementsOf(keptTurns);
        }

        @Test
        void delete_thenLogATurn_returnsNotFound() {
            SessionResponse session = aSession(client);
            client.sessions().delete(session.id());

            assertThat(apiError(() -> client.inferenceResults().create(
                    CreateInferenceResultRequest.forSession(session.id()).input("late").build()), ErrorCode.SESSION_NOT_FOUND).status())
                    .isEqualTo(404);
        }

        private SessionResponse sessionWithTurns() {
            SessionResponse session = aSession(client);
            client.inferenceResults()
                    .create(CreateInferenceResultRequest.forSession(session.id()).input("first").actualOutput("a").build());
            client.inferenceResults().createBatch(session.id(), List.of(ConversationTurn.user("second"), ConversationTurn.assistant("b")));
            return session;
        }
    }
}

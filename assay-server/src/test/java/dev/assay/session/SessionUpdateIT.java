package dev.assay.session;

import static dev.assay.testing.ApiErrors.apiError;
import static dev.assay.testing.ApiErrors.assertErrorBody;
import static dev.assay.testing.Fixtures.aSession;
import static dev.assay.testing.Fixtures.aVersion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.FinishSessionRequest;
import dev.assay.api.SessionResponse;
import dev.assay.api.UpdateSessionRequest;
import dev.assay.api.VersionResponse;
import dev.assay.client.AssayApiException;
import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code PATCH /sessions/{id}} (absent = unchanged, null = cleared) and {@code PATCH /sessions/{id}/finish} (§3.4). */
class SessionUpdateIT extends ApiIntegrationTest {
    private static final String UNKNOWN_ID = "session_aaaaaaaaaaaaaaaaaaaaaaaaaa";

    @Nested
    class Update {

        @Test
        void update_setsEveryGivenField() {
            SessionResponse session = aSession(client);

            SessionResponse updated = client.sessions().update(session.id(), UpdateSessionRequest.builder()
                    .customId("conv-9")
                    .context("new context")
                    .stoppingReason("GOAL_ACHIEVED")
                    .error("none really")
                    .metadata(Map.of("k", "v"))
                    .status("COMPLETED")
                    .build());

            assertThat(updated).extracting(SessionResponse::customId, SessionResponse::context, SessionResponse::stoppingReason,
                    SessionResponse::error, SessionResponse::metadata, SessionResponse::status)
                    .containsExactly("conv-9", "new context", "GOAL_ACHIEVED", "none really", Map.of("k", "v"), "COMPLETED");
        }

        @Test
        void update_isPersisted() {
            SessionResponse session = aSession(client);

            SessionResponse updated = client.sessions().update(session.id(),
                    UpdateSessionRequest.builder().context("kept").metadata(Map.of("n", 1)).build());

            assertThat(client.sessions().get(session.id())).isEqualTo(updated);
        }

        @Test
        void update_leavesAbsentFieldsUnchanged() {
            SessionResponse session = richSession();

            SessionResponse updated = client.sessions().update(session.id(),
                    UpdateSessionRequest.builder().stoppingReason("USER_LEFT").build());

            assertThat(updated).extracting(SessionResponse::customId, SessionResponse::context, SessionResponse::metadata,
                    SessionResponse::status, SessionResponse::versionId, SessionResponse::createdAt)
                    .containsExactly(session.customId(), session.context(), session.metadata(), session.status(),
                            session.versionId(), session.createdAt());
        }

        @Test
        void update_withEmptyBody_changesNothing() {
            SessionResponse session = richSession();

            assertThat(client.sessions().update(session.id(), UpdateSessionRequest.builder().build())).isEqualTo(session);
        }

        @Test
        void update_withNullFields_clearsThem() {
            SessionResponse session = richSession();

            SessionResponse updated = client.sessions().update(session.id(),
                    UpdateSessionRequest.builder().customId(null).context(null).metadata(null).build());

            assertThat(updated).extracting(SessionResponse::customId, SessionResponse::context, SessionResponse::metadata)
                    .containsOnlyNulls();
        }

        @Test
        void update_withNullStoppingReasonAndError_clearsThem() {
            SessionResponse session = aSession(client);
            client.sessions().update(session.id(), UpdateSessionRequest.builder().stoppingReason("x").error("y").build());

            SessionResponse updated = client.sessions().update(session.id(),
                    UpdateSessionRequest.builder().stoppingReason(null).error(null).build());

            assertThat(updated).extracting(SessionResponse::stoppingReason, SessionResponse::error).containsOnlyNulls();
        }

        @Test
        void update_withMetadata_replacesTheWholeObject() {
            SessionResponse session = richSession();
            Map<String, Object> replacement = Map.of("tier", "gold", "scores", List.of(1, 2), "deep", Map.of("a", Map.of("b", "c")));

            SessionResponse updated = client.sessions().update(session.id(),
                    UpdateSessionRequest.builder().metadata(replacement).build());

            assertThat(updated.metadata()).isEqualTo(replacement);
        }

        @Test
        void update_withMetadataThatIsNotAnObject_returnsBadRequest() {
            Tenant tenant = newTenant();
            SessionResponse session = aSession(tenant.client());

            assertErrorBody(raw("PATCH", "/sessions/" + session.id(), "{\"metadata\":[1,2]}", tenant.apiKey()), ErrorCode.INVALID_REQUEST,
                    "Bad Request");
        }

        @Test
        void update_withStatusInLowerCase_storesItInUpperCase() {
            SessionResponse session = aSession(client);

            assertThat(client.sessions().update(session.id(), UpdateSessionRequest.builder().status("failed").build()).status())
                    .isEqualTo("FAILED");
        }

        @Test
        void update_withNullStatus_returnsBadRequest() {
            SessionResponse session = aSession(client);

            AssayApiException error = apiError(() -> client.sessions().update(session.id(),
                    UpdateSessionRequest.builder().status(null).build()), ErrorCode.INVALID_REQUEST);

            assertThat(error.status()).isEqualTo(400);
            assertThat(client.sessions().get(session.id()).status()).isEqualTo("PENDING");
        }

        @Test
        void update_withUnknownStatus_returnsBadRequest() {
            SessionResponse session = aSession(client);

            assertThat(apiError(() -> client.sessions().update(session.id(), UpdateSessionRequest.builder().status("DONE").build()),
                    ErrorCode.INVALID_REQUEST)
                    .status()).isEqualTo(400);
        }

        @Test
        void update_withWrongJsonType_returnsBadRequestAndChangesNothing() {
            Tenant tenant = newTenant();
            SessionResponse session = aSession(tenant.client());

            assertErrorBody(raw("PATCH", "/sessions/" + session.id(), "{\"context\":\"set\",\"customId\":5}", tenant.apiKey()),
                    ErrorCode.INVALID_REQUEST, "Bad Request");
            assertThat(tenant.client().sessions().get(session.id())).isEqualTo(session);
        }

        @Test
        void update_withBodyThatIsNotAnObject_returnsBadRequest() {
            Tenant tenant = newTenant();
            SessionResponse session = aSession(tenant.client());

            assertErrorBody(raw("PATCH", "/sessions/" + session.id(), "[]", tenant.apiKey()), ErrorCode.INVALID_REQUEST, "Bad Request");
        }

        @Test
        void update_withCustomIdTakenInTheVersion_returnsBadRequestWithTheContractMessage() {
            VersionResponse version = aVersion(client);
            client.sessions().create(CreateSessionRequest.forVersion(version.id(), "taken"));
            SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "free"));

            AssayApiException error = apiError(() -> client.sessions().update(session.id(),
                    UpdateSessionRequest.builder().customId("taken").build()), ErrorCode.DUPLICATE_NAME);

            assertThat(error.status()).isEqualTo(400);
            assertThat(error.getMessage()).endsWith("A Session with the same customId: 'taken' already exists "
                    + "for version with ID: '" + version.id() + "'.");
        }

        @Test
        void update_withCustomIdLongerThanCreateAllows_returnsBadRequest() {
            SessionResponse session = aSession(client);
            String tooLong = randomText(501);

            assertThat(apiError(() -> client.sessions().update(session.id(), UpdateSessionRequest.builder().customId(tooLong).build()),
                    ErrorCode.INVALID_REQUEST)
                    .status()).isEqualTo(400);
        }

        @Test
        void update_withVeryLongCustomId_returnsBadRequestNotServerError() {
            SessionResponse session = aSession(client);
            String huge = randomText(5000);

            assertThat(apiError(() -> client.sessions().update(session.id(), UpdateSessionRequest.builder().customId(huge).build()),
                    ErrorCode.INVALID_REQUEST)
                    .status()).isEqualTo(400);
        }

        @Test
        void update_withCustomIdOfMaximumLength_succeeds() {
            SessionResponse session = aSession(client);
            String longest = randomText(500);

            assertThat(client.sessions().update(session.id(), UpdateSessionRequest.builder().customId(longest).build()).customId())
                    .isEqualTo(longest);
        }

        @Test
        void update_unknownSession_returnsNotFound() {
            assertThat(apiError(() -> client.sessions().update(UNKNOWN_ID, UpdateSessionRequest.builder().context("x").build()),
                    ErrorCode.SESSION_NOT_FOUND)
                    .status()).isEqualTo(404);
        }
    }

    @Nested
    class Finish {

        @Test
        void finish_withStoppingReason_completesTheSession() {
            SessionResponse session = aSession(client);

            SessionResponse finished = client.sessions().finish(session.id(), new FinishSessionRequest("GOAL_ACHIEVED", null));

            assertThat(finished.status()).isEqualTo("COMPLETED");
            assertThat(finished.stoppingReason()).isEqualTo("GOAL_ACHIEVED");
        }

        @Test
        void finish_withError_failsTheSession() {
            SessionResponse session = aSession(client);

            SessionResponse finished = client.sessions().finish(session.id(), new FinishSessionRequest(null, "model timed out"));

            assertThat(finished.status()).isEqualTo("FAILED");
            assertThat(finished.error()).isEqualTo("model timed out");
        }

        @Test
        void finish_isPersisted() {
            SessionResponse session = aSession(client);

            SessionResponse finished = client.sessions().finish(session.id(), new FinishSessionRequest("GOAL_ACHIEVED", null));

            assertThat(client.sessions().get(session.id())).isEqualTo(finished);
        }

        @Test
        void finish_withBothStoppingReasonAndError_returnsBadRequestAndChangesNothing() {
            SessionResponse session = aSession(client);

            AssayApiException error = apiError(() -> client.sessions().finish(session.id(), new FinishSessionRequest("done", "oops")),
                    ErrorCode.INVALID_REQUEST);

            assertThat(error.status()).isEqualTo(400);
            assertThat(client.sessions().get(session.id())).isEqualTo(session);
        }

        @Test
        void finish_withNeither_returnsBadRequest() {
            SessionResponse session = aSession(client);

            assertThat(
                    apiError(() -> client.sessions().finish(session.id(), new FinishSessionRequest(null, null)), ErrorCode.INVALID_REQUEST)
                            .status())
                    .isEqualTo(400);
        }

        @Test
        void finish_withoutBody_returnsBadRequest() {
            Tenant tenant = newTenant();
            SessionResponse session = aSession(tenant.client());

            assertErrorBody(raw("PATCH", "/sessions/" + session.id() + "/finish", null, tenant.apiKey()), ErrorCode.MALFORMED_JSON,
                    "Bad Request");
        }

        @Test
        void finish_unknownSession_returnsNotFound() {
            assertThat(apiError(() -> client.sessions().finish(UNKNOWN_ID, new FinishSessionRequest("done", null)),
                    ErrorCode.SESSION_NOT_FOUND).status())
                    .isEqualTo(404);
        }
    }

    private static String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        Random random = new Random(length);
        while (text.length() < length) {
            text.append((char) ('!' + random.nextInt(94)));
        }
        return text.toString();
    }

    private SessionResponse richSession() {
        VersionResponse version = aVersion(client);
        return client.sessions().create(new CreateSessionRequest(version.id(), null, "conv-1", null, true, "ctx",
                Map.of("channel", "web"), null));
    }
}

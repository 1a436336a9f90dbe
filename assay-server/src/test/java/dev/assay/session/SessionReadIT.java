package dev.assay.session;

import static dev.assay.testing.ApiErrors.apiError;
import static dev.assay.testing.ApiErrors.json;
import static dev.assay.testing.Fixtures.aProduct;
import static dev.assay.testing.Fixtures.aSession;
import static dev.assay.testing.Fixtures.aTestCase;
import static dev.assay.testing.Fixtures.aVersion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.ProductResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.VersionResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reading sessions: by id, by custom id through the SDK, and {@code GET /sessions} with every filter (§3.3, §7.4). */
class SessionReadIT extends ApiIntegrationTest {
    private static final String UNKNOWN_ID = "session_aaaaaaaaaaaaaaaaaaaaaaaaaa";

    @Nested
    class Get {

        @Test
        void get_returnsTheCreatedSession() {
            SessionResponse session = aSession(client);

            assertThat(client.sessions().get(session.id())).isEqualTo(session);
        }

        @Test
        void get_unknownId_returnsNotFound() {
            AssayApiException error = apiError(() -> client.sessions().get(UNKNOWN_ID), ErrorCode.SESSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(error.code()).isEqualTo("SESSION_NOT_FOUND");
            assertThat(error.getMessage()).contains("Session not found");
        }

        @Test
        void get_malformedId_returnsNotFound() {
            assertThat(apiError(() -> client.sessions().get("session_123"), ErrorCode.SESSION_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void get_idOfAnotherKind_returnsNotFound() {
            VersionResponse version = aVersion(client);

            assertThat(apiError(() -> client.sessions().get(version.id()), ErrorCode.SESSION_NOT_FOUND).status()).isEqualTo(404);
        }
    }

    @Nested
    class GetByCustomId {

        @Test
        void getByCustomId_existing_returnsThatSession() {
            VersionResponse version = aVersion(client);
            SessionResponse wanted = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conv-1"));
            client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conv-2"));

            assertThat(client.sessions().getByCustomId("conv-1", version.id())).contains(wanted);
        }

        @Test
        void getByCustomId_ofAnotherVersion_returnsEmpty() {
            VersionResponse version = aVersion(client);
            client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conv-1"));
            VersionResponse other = client.versions().create(CreateVersionRequest.named(version.productId(), "v2"));

            assertThat(client.sessions().getByCustomId("conv-1", other.id())).isEmpty();
        }

        @Test
        void getByCustomId_unknown_returnsEmpty() {
            VersionResponse version = aVersion(client);

            assertThat(client.sessions().getByCustomId("never-seen", version.id())).isEmpty();
        }
    }

    @Nested
    class GetOrCreate {

        @Test
        void getOrCreate_absent_createsSessionWithThatCustomId() {
            VersionResponse version = aVersion(client);

            SessionResponse session = client.sessions().getOrCreate("conv-1", version.id());

            assertThat(session.customId()).isEqualTo("conv-1");
            assertThat(session.versionId()).isEqualTo(version.id());
        }

        @Test
        void getOrCreate_existing_returnsItWithoutCreatingAnother() {
            VersionResponse version = aVersion(client);
            SessionResponse existing = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conv-1"));

            SessionResponse session = client.sessions().getOrCreate("conv-1", version.id());

            assertThat(session).isEqualTo(existing);
            assertThat(client.sessions().list(ListOptions.none())).hasSize(1);
        }

        @Test
        void getOrCreate_twice_returnsTheSameSession() {
            VersionResponse version = aVersion(client);

            SessionResponse first = client.sessions().getOrCreate("conv-1", version.id());
            SessionResponse second = client.sessions().getOrCreate("conv-1", version.id());

            assertThat(second.id()).isEqualTo(first.id());
        }
    }

    @Nested
    class ListSessions {

        @Test
        void list_unfiltered_returnsEverySessionOfTheOrganization() {
            SessionResponse first = aSession(client);
            SessionResponse second = aSession(client);

            assertThat(client.sessions().list(ListOptions.none()))
                    .extracting(SessionResponse::id)
                    .containsExactlyInAnyOrder(first.id(), second.id());
        }

        @Test
        void list_unfiltered_returnsOldestFirst() {
            VersionResponse version = aVersion(client);
            for (int i = 0; i < 4; i++) {
                client.sessions().create(CreateSessionRequest.forVersion(version.id()));
            }

            assertThat(client.sessions().list(ListOptions.none())).hasSize(4).extracting(SessionResponse::createdAt).isSorted();
        }

        @Test
        void list_byIds_returnsOnlyThoseSessions() {
            SessionResponse first = aSession(client);
            aSession(client);
            SessionResponse third = aSession(client);

            assertThat(client.sessions().list(ListOptions.none().filter("ids", first.id(), third.id())))
                    .extracting(SessionResponse::id)
                    .containsExactlyInAnyOrder(first.id(), third.id());
        }

        @Test
        void list_byIdsWithUnknownId_returnsNotFoundNamingTheMissingIds() {
            SessionResponse known = aSession(client);

            AssayApiException error = apiError(() -> client.sessions().list(
                    ListOptions.none().filter("ids", known.id(), UNKNOWN_ID, "garbage")), ErrorCode.SESSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(error.getMessage()).contains("Sessions not found: ").contains(UNKNOWN_ID).contains("garbage")
                    .doesNotContain(known.id());
        }

        @Test
        void list_byIdsExcludedByAnotherFilter_returnsNotFound() {
            SessionResponse session = aSession(client);
            VersionResponse otherVersion = aVersion(client);

            AssayApiException error = apiError(() -> client.sessions().list(
                    ListOptions.none().filter("ids", session.id()).filter("versionIds", otherVersion.id())), ErrorCode.SESSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(error.getMessage()).contains(session.id());
        }

        @Test
        void list_byCustomIds_returnsOnlyThoseSessions() {
            VersionResponse version = aVersion(client);
            SessionResponse one = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "one"));
            client.sessions().create(CreateSessionRequest.forVersion(version.id(), "two"));
            SessionResponse comma = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "three,four"));

            assertThat(client.sessions().list(ListOptions.none().filter("customIds", "one", "three,four")))
                    .extracting(SessionResponse::id)
                    .containsExactlyInAnyOrder(one.id(), comma.id());
        }

        @Test
        void list_byVersionIds_returnsOnlyThoseVersionsSessions() {
            VersionResponse wanted = aVersion(client);
            SessionResponse first = client.sessions().create(CreateSessionRequest.forVersion(wanted.id()));
            SessionResponse second = client.sessions().create(CreateSessionRequest.forVersion(wanted.id()));
            aSession(client);

            assertThat(client.sessions().list(ListOptions.none().filter("versionIds", wanted.id())))
                    .extracting(SessionResponse::id)
                    .containsExactlyInAnyOrder(first.id(), second.id());
        }

        @Test
        void list_byProductIds_returnsSessionsOfEveryVersionOfTheProduct() {
            ProductResponse product = aProduct(client);
            VersionResponse v1 = client.versions().create(CreateVersionRequest.named(product.id(), "v1"));
            VersionResponse v2 = client.versions().create(CreateVersionRequest.named(product.id(), "v2"));
            SessionResponse first = client.sessions().create(CreateSessionRequest.forVersion(v1.id()));
            SessionResponse second = client.sessions().create(CreateSessionRequest.forVersion(v2.id()));
            aSession(client);

            assertThat(client.sessions().list(ListOptions.none().filter("productIds", product.id())))
                    .extracting(SessionResponse::id)
                    .containsExactlyInAnyOrder(first.id(), second.id());
        }

        @Test
        void list_byUnknownProductOrVersion_returnsEmpty() {
            aSession(client);

            assertThat(client.sessions().list(ListOptions.none().filter("productIds", "product_aaaaaaaaaaaaaaaaaaaaaaaaaa")))
                    .isEmpty();
            assertThat(client.sessions().list(ListOptions.none().filter("versionIds", "version_aaaaaaaaaaaaaaaaaaaaaaaaaa")))
                    .isEmpty();
        }

        @Test
        void list_byTestCaseIds_returnsOnlyThoseTestCasesSessions() {
            VersionResponse version = aVersion(client);
            String testCaseA = aTestCase(client).id();
            SessionResponse tested = client.sessions().create(new CreateSessionRequest(version.id(), null, null,
                    testCaseA, null, null, null, null));
            client.sessions().create(new CreateSessionRequest(version.id(), null, null,
                    aTestCase(client).id(), null, null, null, null));
            client.sessions().create(CreateSessionRequest.forVersion(version.id()));

            assertThat(client.sessions().list(ListOptions.none().filter("testCaseIds", testCaseA)))
                    .extracting(SessionResponse::id)
                    .containsExactly(tested.id());
        }

        @Test
        void list_byCommaSeparatedTestCaseIds_returnsSessionsOfEach() {
            Tenant tenant = newTenant();
            VersionResponse version = aVersion(tenant.client());
            String testCaseA = aTestCase(tenant.client()).id();
            String testCaseB = aTestCase(tenant.client()).id();
            SessionResponse first = tenant.client().sessions().create(new CreateSessionRequest(version.id(), null, null,
                    testCaseA, null, null, null, null));
            SessionResponse second = tenant.client().sessions().create(new CreateSessionRequest(version.id(), null, null,
                    testCaseB, null, null, null, null));

            HttpResponse<String> response = raw("GET", "/sessions?testCaseIds=" + testCaseA + "," + testCaseB, null,
                    tenant.apiKey());

            assertThat(json(response).values()).extracting(node -> node.path("id").asString())
                    .containsExactlyInAnyOrder(first.id(), second.id());
        }

        @Test
        void list_byRepeatedPlainKeys_combinesTheValues() {
            Tenant tenant = newTenant();
            SessionResponse first = aSession(tenant.client());
            SessionResponse second = aSession(tenant.client());
            aSession(tenant.client());

            HttpResponse<String> response = raw("GET",
                    "/sessions?versionIds=" + first.versionId() + "&versionIds=" + second.versionId(), null, tenant.apiKey());

            assertThat(json(response).values()).extracting(node -> node.path("id").asString())
                    .containsExactlyInAnyOrder(first.id(), second.id());
        }

        @Test
        void list_byPercentEncodedBracketKeys_appliesTheFilter() {
            Tenant tenant = newTenant();
            SessionResponse wanted = aSession(tenant.client());
            aSession(tenant.client());

            HttpResponse<String> response = raw("GET", "/sessions?versionIds%5B%5D=" + wanted.versionId(), null, tenant.apiKey());

            assertThat(json(response).values()).extracting(node -> node.path("id").asString()).containsExactly(wanted.id());
        }

        @Test
        void list_fromCreatedAt_returnsExactlyTheSessionsCreatedAtOrAfterIt() {
            List<SessionResponse> created = threeSessions();
            Instant bound = Instant.parse(created.get(1).createdAt());

            List<SessionResponse> listed = client.sessions().list(ListOptions.none().fromCreatedAt(bound));

            assertThat(listed).extracting(SessionResponse::id).containsExactlyInAnyOrderElementsOf(created.stream()
                    .filter(session -> !Instant.parse(session.createdAt()).isBefore(bound))
                    .map(SessionResponse::id)
                    .toList());
        }

        @Test
        void list_toCreatedAt_returnsExactlyTheSessionsCreatedAtOrBeforeIt() {
            List<SessionResponse> created = threeSessions();
            Instant bound = Instant.parse(created.get(1).createdAt());

            List<SessionResponse> listed = client.sessions().list(ListOptions.none().toCreatedAt(bound));

            assertThat(listed).extracting(SessionResponse::id).containsExactlyInAnyOrderElementsOf(created.stream()
                    .filter(session -> !Instant.parse(session.createdAt()).isAfter(bound))
                    .map(SessionResponse::id)
                    .toList());
        }

        @Test
        void list_withBothBoundsAtItsOwnCreatedAt_includesTheSession() {
            SessionResponse session = aSession(client);
            Instant createdAt = Instant.parse(session.createdAt());

            assertThat(client.sessions().list(ListOptions.none().fromCreatedAt(createdAt).toCreatedAt(createdAt)))
                    .extracting(SessionResponse::id)
                    .contains(session.id());
        }

        @Test
        void list_withEpochSecondsBound_acceptsIt() {
            SessionResponse session = aSession(client);
            long before = Instant.parse(session.createdAt()).getEpochSecond();

            assertThat(client.sessions().list(ListOptions.none().with("fromCreatedAt", Long.toString(before))))
                    .extracting(SessionResponse::id)
                    .containsExactly(session.id());
        }

        @Test
        void list_withUnparseableDate_returnsBadRequest() {
            assertThat(
                    apiError(() -> client.sessions().list(ListOptions.none().with("fromCreatedAt", "yesterday")), ErrorCode.INVALID_REQUEST)
                            .status())
                    .isEqualTo(400);
        }

        @Test
        void list_sortedByCreatedAtDescending_returnsNewestFirst() {
            threeSessions();

            assertThat(client.sessions().list(ListOptions.none().sort("createdAt", true)))
                    .hasSize(3)
                    .extracting(SessionResponse::createdAt)
                    .isSortedAccordingTo(Comparator.reverseOrder());
        }

        @Test
        void list_withLegacyMinusSort_returnsNewestFirst() {
            Tenant tenant = newTenant();
            VersionResponse version = aVersion(tenant.client());
            for (int i = 0; i < 3; i++) {
                tenant.client().sessions().create(CreateSessionRequest.forVersion(version.id()));
            }

            HttpResponse<String> response = raw("GET", "/sessions?sort=-createdAt", null, tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).values()).hasSize(3).extracting(node -> node.path("createdAt").asString())
                    .isSortedAccordingTo(Comparator.reverseOrder());
        }

        @Test
        void list_withCommaSeparatedSortPair_returnsNewestFirst() {
            Tenant tenant = newTenant();
            VersionResponse version = aVersion(tenant.client());
            for (int i = 0; i < 3; i++) {
                tenant.client().sessions().create(CreateSessionRequest.forVersion(version.id()));
            }

            HttpResponse<String> response = raw("GET", "/sessions?sort=createdAt,desc", null, tenant.apiKey());

            assertThat(json(response).values()).hasSize(3).extracting(node -> node.path("createdAt").asString())
                    .isSortedAccordingTo(Comparator.reverseOrder());
        }

        @Test
        void list_withUnknownSortField_returnsBadRequest() {
            AssayApiException error = apiError(() -> client.sessions().list(ListOptions.none().sort("customId", false)),
                    ErrorCode.INVALID_REQUEST);

            assertThat(error.status()).isEqualTo(400);
            assertThat(error.getMessage()).contains("Invalid sort field: customId");
        }

        @Test
        void list_withLimit_returnsTheFirstRows() {
            threeSessions();
            List<SessionResponse> all = client.sessions().list(ListOptions.none());

            assertThat(client.sessions().list(ListOptions.none().limit(2))).containsExactlyElementsOf(all.subList(0, 2));
        }

        @Test
        void list_withLimitAndOffset_returnsThatPage() {
            threeSessions();
            List<SessionResponse> all = client.sessions().list(ListOptions.none());

            assertThat(client.sessions().list(ListOptions.none().limit(1).offset(1))).containsExactly(all.get(1));
        }

        @Test
        void list_withOffsetPastTheEnd_returnsEmpty() {
            threeSessions();

            assertThat(client.sessions().list(ListOptions.none().offset(3))).isEmpty();
        }

        @Test
        void list_withLimitAboveMaximum_returnsBadRequest() {
            assertThat(apiError(() -> client.sessions().list(ListOptions.none().limit(10_001)), ErrorCode.INVALID_REQUEST).status())
                    .isEqualTo(400);
        }

        @Test
        void list_withNonIntegerOffset_returnsBadRequest() {
            assertThat(apiError(() -> client.sessions().list(ListOptions.none().with("offset", "two")), ErrorCode.INVALID_REQUEST).status())
                    .isEqualTo(400);
        }
    }

    private List<SessionResponse> threeSessions() {
        VersionResponse version = aVersion(client);
        List<SessionResponse> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(client.sessions().create(CreateSessionRequest.forVersion(version.id())));
        }
        return created;
    }
}

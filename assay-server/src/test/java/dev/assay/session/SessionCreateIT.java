package dev.assay.session;

import static dev.assay.testing.ApiErrors.apiError;
import static dev.assay.testing.ApiErrors.assertErrorBody;
import static dev.assay.testing.ApiErrors.json;
import static dev.assay.testing.Fixtures.aProduct;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /sessions} under the newer creation rules of docs/reference/galtea-contract.md §3.2. */
class SessionCreateIT extends ApiIntegrationTest {
    private static final int PARALLEL_CLIENTS = 8;

    @Nested
    class Create {

        @Test
        void create_withVersionId_returnsPendingSessionOfThatVersion() {
            VersionResponse version = aVersion(client);

            SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(version.id()));

            assertThat(session.id()).matches("session_[a-z2-7]{26}");
            assertThat(session.versionId()).isEqualTo(version.id());
            assertThat(session.status()).isEqualTo("PENDING");
            assertThat(session.createdAt()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
            assertThat(session.deletedAt()).isNull();
        }

        @Test
        void create_answersCreatedWithEverySessionFieldInTheJson() {
            Tenant tenant = newTenant();
            VersionResponse version = aVersion(tenant.client());

            HttpResponse<String> response = raw("POST", "/sessions", "{\"versionId\":\"" + version.id() + "\"}", tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode body = json(response);
            assertThat(body.propertyNames()).contains("id", "customId", "versionId", "userId", "testCaseId", "context",
                    "stoppingReason", "error", "status", "metadata", "createdAt", "deletedAt");
            assertThat(List.of("customId", "userId", "testCaseId", "context", "stoppingReason", "error", "metadata", "deletedAt"))
                    .allSatisfy(field -> assertThat(body.get(field).isNull()).as(field).isTrue());
        }

        @Test
        void create_doesNotEchoIsProduction() {
            Tenant tenant = newTenant();
            VersionResponse version = aVersion(tenant.client());

            HttpResponse<String> response = raw("POST", "/sessions",
                    "{\"versionId\":\"" + version.id() + "\",\"isProduction\":true}", tenant.apiKey());

            assertThat(json(response).has("isProduction")).isFalse();
        }

        @Test
        void create_withProductIdOnly_usesTheProductsLatestVersion() {
            ProductResponse product = aProduct(client);
            client.versions().create(CreateVersionRequest.named(product.id(), "v1"));
            VersionResponse latest = client.versions().create(CreateVersionRequest.named(product.id(), "v2"));

            SessionResponse session = client.sessions().create(forProduct(product.id()));

            assertThat(session.versionId()).isEqualTo(latest.id());
        }

        @Test
        void create_withProductIdOnly_skipsDeletedVersions() {
            ProductResponse product = aProduct(client);
            VersionResponse live = client.versions().create(CreateVersionRequest.named(product.id(), "v1"));
            VersionResponse deleted = client.versions().create(CreateVersionRequest.named(product.id(), "v2"));
            client.versions().delete(deleted.id());

            assertThat(client.sessions().create(forProduct(product.id())).versionId()).isEqualTo(live.id());
        }

        @Test
        void create_withProductIdOfProductWithoutVersions_createsADefaultVersion() {
            ProductResponse product = aProduct(client);

            SessionResponse session = client.sessions().create(forProduct(product.id()));

            List<VersionResponse> versions = client.versions().list(ListOptions.none().filter("productIds", product.id()));
            assertThat(versions).singleElement().satisfies(version -> {
                assertThat(version.id()).isEqualTo(session.versionId());
                assertThat(version.name()).isEqualTo("default");
            });
        }

        @Test
        void create_withProductIdOfProductWithoutVersions_twice_reusesTheDefaultVersion() {
            ProductResponse product = aProduct(client);

            SessionResponse first = client.sessions().create(forProduct(product.id()));
            SessionResponse second = client.sessions().create(forProduct(product.id()));

            assertThat(second.versionId()).isEqualTo(first.versionId());
            assertThat(client.versions().list(ListOptions.none().filter("productIds", product.id()))).hasSize(1);
        }

        @Test
        void create_concurrentlyForProductWithoutVersions_allShareOneDefaultVersion() throws Exception {
            ProductResponse product = aProduct(client);
            List<Future<SessionResponse>> created = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);

            try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_CLIENTS)) {
                for (int i = 0; i < PARALLEL_CLIENTS; i++) {
                    created.add(pool.submit(() -> {
                        start.await();
                        return client.sessions().create(forProduct(product.id()));
                    }));
                }
                start.countDown();
            }

            List<String> versionIds = new ArrayList<>();
            for (Future<SessionResponse> session : created) {
                versionIds.add(session.get().versionId());
            }
            assertThat(versionIds).hasSize(PARALLEL_CLIENTS).containsOnly(versionIds.getFirst());
            assertThat(client.versions().list(ListOptions.none().filter("productIds", product.id())))
                    .extracting(VersionResponse::id)
                    .containsExactly(versionIds.getFirst());
        }

        @Test
        void create_withVersionIdAndProductId_usesTheVersion() {
            ProductResponse product = aProduct(client);
            VersionResponse older = client.versions().create(CreateVersionRequest.named(product.id(), "v1"));
            client.versions().create(CreateVersionRequest.named(product.id(), "v2"));

            SessionResponse session = client.sessions().create(
                    new CreateSessionRequest(older.id(), product.id(), null, null, null, null, null, null));

            assertThat(session.versionId()).isEqualTo(older.id());
        }

        @Test
        void create_withNeitherVersionNorProduct_returnsBadRequest() {
            assertErrorBody(raw("POST", "/sessions", "{\"customId\":\"orphan\"}", newTenant().apiKey()), ErrorCode.INVALID_REQUEST,
                    "Bad Request");
        }

        @Test
        void create_withUnknownVersion_returnsNotFound() {
            AssayApiException error = apiError(() -> client.sessions().create(
                    CreateSessionRequest.forVersion("version_aaaaaaaaaaaaaaaaaaaaaaaaaa")), ErrorCode.VERSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
        }

        @Test
        void create_withUnknownProduct_returnsNotFound() {
            assertThat(
                    apiError(() -> client.sessions().create(forProduct("product_aaaaaaaaaaaaaaaaaaaaaaaaaa")), ErrorCode.PRODUCT_NOT_FOUND)
                            .status())
                    .isEqualTo(404);
        }

        @Test
        void create_withProductIdOfDeletedProduct_returnsNotFound() {
            ProductResponse product = aProduct(client);
            client.versions().create(CreateVersionRequest.named(product.id(), "v1"));
            client.products().delete(product.id());

            assertThat(apiError(() -> client.sessions().create(forProduct(product.id())), ErrorCode.PRODUCT_NOT_FOUND).status())
                    .isEqualTo(404);
        }

        @Test
        void create_withUnknownProperties_ignoresThem() {
            Tenant tenant = newTenant();
            VersionResponse version = aVersion(tenant.client());

            HttpResponse<String> response = raw("POST", "/sessions",
                    "{\"versionId\":\"" + version.id() + "\",\"runId\":\"run-1\",\"somethingNew\":{\"a\":1}}", tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(201);
        }

        @Test
        void create_withProductIdAndInvalidStatus_createsNoDefaultVersion() {
            ProductResponse product = aProduct(client);

            AssayApiException error = apiError(() -> client.sessions().create(
                    new CreateSessionRequest(null, product.id(), null, null, null, null, null, "RUNNING")), ErrorCode.INVALID_REQUEST);

            assertThat(error.status()).isEqualTo(400);
            assertThat(client.versions().list(ListOptions.none().filter("productIds", product.id()))).isEmpty();
        }
    }

    @Nested
    class ProductionAndTestCase {

        @Test
        void create_productionWithTestCase_returnsBadRequest() {
            VersionResponse version = aVersion(client);

            String testCaseId = aTestCase(client).id();

            AssayApiException error = apiError(() -> client.sessions().create(
                    new CreateSessionRequest(version.id(), null, null, testCaseId, true, null, null, null)), ErrorCode.INVALID_REQUEST);

            assertThat(error.status()).isEqualTo(400);
            assertThat(client.sessions().list(ListOptions.none())).isEmpty();
        }

        @Test
        void create_withTestCaseAndContext_returnsBadRequest() {
            VersionResponse version = aVersion(client);

            String testCaseId = aTestCase(client).id();

            AssayApiException error = apiError(() -> client.sessions().create(
                    new CreateSessionRequest(version.id(), null, null, testCaseId, false, "ctx", null, null)), ErrorCode.INVALID_REQUEST);

            assertThat(error.status()).isEqualTo(400);
        }

        @Test
        void create_withTestCase_storesIt() {
            VersionResponse version = aVersion(client);

            String testCaseId = aTestCase(client).id();

            SessionResponse session = client.sessions().create(
                    new CreateSessionRequest(version.id(), null, null, testCaseId, false, null, null, null));

            assertThat(session.testCaseId()).isEqualTo(testCaseId);
        }

        @Test
        void create_productionWithContext_storesContext() {
            VersionResponse version = aVersion(client);

            SessionResponse session = client.sessions().create(
                    new CreateSessionRequest(version.id(), null, null, null, true, "user is on the Pro plan", null, null));

            assertThat(session.context()).isEqualTo("user is on the Pro plan");
            assertThat(session.testCaseId()).isNull();
        }

        @Test
        void create_withIsProductionNull_treatsItAsOmitted() {
            Tenant tenant = newTenant();
            VersionResponse version = aVersion(tenant.client());

            HttpResponse<String> response = raw("POST", "/sessions",
                    "{\"versionId\":\"" + version.id() + "\",\"isProduction\":null,\"testCaseId\":null,\"context\":\"c\"}",
                    tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(201);
        }

        @Test
        void create_withIsProductionAsString_returnsBadRequest() {
            Tenant tenant = newTenant();
            VersionResponse version = aVersion(tenant.client());

            assertErrorBody(raw("POST", "/sessions", "{\"versionId\":\"" + version.id() + "\",\"isProduction\":\"yes\"}",
                    tenant.apiKey()), ErrorCode.MALFORMED_JSON, "Bad Request");
        }
    }

    @Nested
    class StatusAndMetadata {

        @Test
        void create_withStatusInLowerCase_storesItInUpperCase() {
            VersionResponse version = aVersion(client);

            SessionResponse session = client.sessions().create(
                    new CreateSessionRequest(version.id(), null, null, null, null, null, null, "completed"));

            assertThat(session.status()).isEqualTo("COMPLETED");
        }

        @Test
        void create_withUnknownStatus_returnsBadRequest() {
            VersionResponse version = aVersion(client);

            AssayApiException error = apiError(() -> client.sessions().create(
                    new CreateSessionRequest(version.id(), null, null, null, null, null, null, "RUNNING")), ErrorCode.INVALID_REQUEST);

            assertThat(error.status()).isEqualTo(400);
        }

        @Test
        void create_withMetadata_returnsItUnchanged() {
            VersionResponse version = aVersion(client);
            Map<String, Object> metadata = Map.of("channel", "web", "attempt", 3, "flags", List.of("a", "b"),
                    "nested", Map.of("ok", true));

            SessionResponse session = client.sessions().create(
                    new CreateSessionRequest(version.id(), null, null, null, null, null, metadata, null));

            assertThat(session.metadata()).isEqualTo(metadata);
            assertThat(client.sessions().get(session.id()).metadata()).isEqualTo(metadata);
        }

        @Test
        void create_withContextAsObject_returnsBadRequest() {
            Tenant tenant = newTenant();
            VersionResponse version = aVersion(tenant.client());

            assertErrorBody(raw("POST", "/sessions", "{\"versionId\":\"" + version.id() + "\",\"isProduction\":true,"
                    + "\"context\":{\"value\":\"c\"}}", tenant.apiKey()), ErrorCode.MALFORMED_JSON, "Bad Request");
        }

        @Test
        void create_withMetadataThatIsNotAnObject_returnsBadRequest() {
            Tenant tenant = newTenant();
            VersionResponse version = aVersion(tenant.client());

            assertErrorBody(raw("POST", "/sessions", "{\"versionId\":\"" + version.id() + "\",\"metadata\":\"text\"}",
                    tenant.apiKey()), ErrorCode.MALFORMED_JSON, "Bad Request");
        }
    }

    @Nested
    class CustomId {

        @Test
        void create_withDuplicateCustomIdInTheSameVersion_returnsBadRequestWithTheContractMessage() {
            VersionResponse version = aVersion(client);
            client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conversation-42"));

            AssayApiException error = apiError(() -> client.sessions().create(
                    CreateSessionRequest.forVersion(version.id(), "conversation-42")), ErrorCode.DUPLICATE_NAME);

            assertThat(error.status()).isEqualTo(400);
            assertThat(error.getMessage()).endsWith("A Session with the same customId: 'conversation-42' already exists "
                    + "for version with ID: '" + version.id() + "'.");
        }

        @Test
        void create_withDuplicateCustomId_storesNoSecondSession() {
            VersionResponse version = aVersion(client);
            client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conversation-42"));

            apiError(() -> client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conversation-42")),
                    ErrorCode.DUPLICATE_NAME);

            assertThat(client.sessions().list(ListOptions.none())).hasSize(1);
        }

        @Test
        void create_withDuplicateCustomIdThroughProductId_returnsBadRequest() {
            VersionResponse version = aVersion(client);
            client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conversation-42"));

            AssayApiException error = apiError(() -> client.sessions().create(
                    new CreateSessionRequest(null, version.productId(), "conversation-42", null, null, null, null, null)),
                    ErrorCode.DUPLICATE_NAME);

            assertThat(error.status()).isEqualTo(400);
            assertThat(error.getMessage()).contains("with the same customId");
        }

        @Test
        void create_withSameCustomIdInAnotherVersion_succeeds() {
            VersionResponse first = aVersion(client);
            VersionResponse second = client.versions().create(CreateVersionRequest.named(first.productId(), "v2"));
            SessionResponse original = client.sessions().create(CreateSessionRequest.forVersion(first.id(), "conversation-42"));

            SessionResponse other = client.sessions().create(CreateSessionRequest.forVersion(second.id(), "conversation-42"));

            assertThat(other.id()).isNotEqualTo(original.id());
            assertThat(other.customId()).isEqualTo("conversation-42");
        }

        @Test
        void create_withCustomIdOfADeletedSession_succeeds() {
            VersionResponse version = aVersion(client);
            SessionResponse deleted = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conversation-42"));
            client.sessions().delete(deleted.id());

            SessionResponse again = client.sessions().create(CreateSessionRequest.forVersion(version.id(), "conversation-42"));

            assertThat(again.id()).isNotEqualTo(deleted.id());
        }

        @Test
        void create_withCustomIdLongerThan500Characters_returnsBadRequest() {
            VersionResponse version = aVersion(client);

            assertThat(apiError(() -> client.sessions().create(CreateSessionRequest.forVersion(version.id(), "x".repeat(501))),
                    ErrorCode.INVALID_REQUEST)
                    .status()).isEqualTo(400);
        }

        @Test
        void create_withoutCustomId_manyTimesInOneVersion_succeeds() {
            VersionResponse version = aVersion(client);

            client.sessions().create(CreateSessionRequest.forVersion(version.id()));
            client.sessions().create(CreateSessionRequest.forVersion(version.id()));

            assertThat(client.sessions().list(ListOptions.none().filter("versionIds", version.id()))).hasSize(2);
        }
    }

    private static CreateSessionRequest forProduct(String productId) {
        return new CreateSessionRequest(null, productId, null, null, null, null, null, null);
    }
}

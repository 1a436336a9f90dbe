package dev.assay.auth;

import static dev.assay.testing.ApiErrors.apiError;
import static dev.assay.testing.Fixtures.aProduct;
import static dev.assay.testing.Fixtures.aSession;
import static dev.assay.testing.Fixtures.aVersion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ApiKeyResponse;
import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateInferenceResultBatchRequest;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.FinishSessionRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.ProductResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.UpdateInferenceResultRequest;
import dev.assay.api.UpdateSessionRequest;
import dev.assay.api.VersionResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Two organizations never see each other (docs/reference/galtea-contract.md §9.18): the other organization's
 * ids answer 404 on every route, lists never contain its rows, and writes naming its rows change
 * nothing. {@code client} owns the data; {@code intruder} is another organization's admin.
 */
class TenantIsolationIT extends ApiIntegrationTest {
    private AssayClient intruder;

    @BeforeEach
    void newIntruder() {
        intruder = newTenant().client();
    }

    @Nested
    class Products {

        @Test
        void get_ofOtherOrganization_returnsNotFound() {
            ProductResponse product = aProduct(client);

            assertThat(apiError(() -> intruder.products().get(product.id()), ErrorCode.PRODUCT_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void delete_ofOtherOrganization_returnsNotFoundAndKeepsIt() {
            ProductResponse product = aProduct(client);

            AssayApiException error = apiError(() -> intruder.products().delete(product.id()), ErrorCode.PRODUCT_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(client.products().get(product.id())).isEqualTo(product);
        }

        @Test
        void list_unfiltered_excludesOtherOrganizationsProducts() {
            aProduct(client);
            ProductResponse own = aProduct(intruder);

            assertThat(intruder.products().list(ListOptions.none())).extracting(ProductResponse::id).containsExactly(own.id());
        }

        @Test
        void list_byIdsOfOtherOrganization_returnsNotFound() {
            ProductResponse product = aProduct(client);

            assertThat(apiError(() -> intruder.products().list(ListOptions.none().filter("ids", product.id())), ErrorCode.PRODUCT_NOT_FOUND)
                    .status())
                    .isEqualTo(404);
        }

        @Test
        void getByName_ofOtherOrganizationsProduct_returnsEmpty() {
            ProductResponse product = aProduct(client);

            assertThat(intruder.products().getByName(product.name())).isEmpty();
        }

        @Test
        void create_withNameTakenInOtherOrganization_succeeds() {
            ProductResponse product = aProduct(client);

            assertThat(intruder.products().create(CreateProductRequest.named(product.name())).name()).isEqualTo(product.name());
        }
    }

    @Nested
    class Versions {

        @Test
        void get_ofOtherOrganization_returnsNotFound() {
            VersionResponse version = aVersion(client);

            assertThat(apiError(() -> intruder.versions().get(version.id()), ErrorCode.VERSION_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void delete_ofOtherOrganization_returnsNotFoundAndKeepsIt() {
            VersionResponse version = aVersion(client);

            AssayApiException error = apiError(() -> intruder.versions().delete(version.id()), ErrorCode.VERSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(client.versions().get(version.id())).isEqualTo(version);
        }

        @Test
        void list_unfiltered_excludesOtherOrganizationsVersions() {
            aVersion(client);
            VersionResponse own = aVersion(intruder);

            assertThat(intruder.versions().list(ListOptions.none())).extracting(VersionResponse::id).containsExactly(own.id());
        }

        @Test
        void list_byProductIdOfOtherOrganization_returnsEmpty() {
            VersionResponse version = aVersion(client);

            assertThat(intruder.versions().list(ListOptions.none().filter("productIds", version.productId()))).isEmpty();
        }

        @Test
        void list_byIdsOfOtherOrganization_returnsNotFound() {
            VersionResponse version = aVersion(client);

            assertThat(apiError(() -> intruder.versions().list(ListOptions.none().filter("ids", version.id())), ErrorCode.VERSION_NOT_FOUND)
                    .status())
                    .isEqualTo(404);
        }

        @Test
        void create_underOtherOrganizationsProduct_returnsNotFoundAndCreatesNothing() {
            ProductResponse product = aProduct(client);

            AssayApiException error = apiError(() -> intruder.versions().create(CreateVersionRequest.named(product.id(), "sneaky")),
                    ErrorCode.PRODUCT_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(client.versions().list(ListOptions.none().filter("productIds", product.id()))).isEmpty();
            assertThat(intruder.versions().list(ListOptions.none())).isEmpty();
        }
    }

    @Nested
    class Sessions {

        @Test
        void get_ofOtherOrganization_returnsNotFound() {
            SessionResponse session = aSession(client);

            assertThat(apiError(() -> intruder.sessions().get(session.id()), ErrorCode.SESSION_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void update_ofOtherOrganization_returnsNotFoundAndChangesNothing() {
            SessionResponse session = aSession(client);

            AssayApiException error = apiError(() -> intruder.sessions().update(session.id(),
                    UpdateSessionRequest.builder().context("hijacked").status("FAILED").build()), ErrorCode.SESSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(client.sessions().get(session.id())).isEqualTo(session);
        }

        @Test
        void finish_ofOtherOrganization_returnsNotFoundAndChangesNothing() {
            SessionResponse session = aSession(client);

            AssayApiException error = apiError(() -> intruder.sessions().finish(session.id(), new FinishSessionRequest("done", null)),
                    ErrorCode.SESSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(client.sessions().get(session.id())).isEqualTo(session);
        }

        @Test
        void delete_ofOtherOrganization_returnsNotFoundAndKeepsItAndItsTurns() {
            SessionResponse session = aSession(client);
            InferenceResultResponse turn = aTurn(client, session);

            AssayApiException error = apiError(() -> intruder.sessions().delete(session.id()), ErrorCode.SESSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(client.sessions().get(session.id())).isEqualTo(session);
            assertThat(client.inferenceResults().get(turn.id())).isEqualTo(turn);
        }

        @Test
        void list_unfiltered_excludesOtherOrganizationsSessions() {
            aSession(client);
            SessionResponse own = aSession(intruder);

            assertThat(intruder.sessions().list(ListOptions.none())).extracting(SessionResponse::id).containsExactly(own.id());
        }

        @Test
        void list_byRelationsOfOtherOrganization_returnsEmpty() {
            SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(aVersion(client).id(), "conv-1"));
            VersionResponse version = client.versions().get(session.versionId());

            assertThat(intruder.sessions().list(ListOptions.none().filter("versionIds", version.id()))).isEmpty();
            assertThat(intruder.sessions().list(ListOptions.none().filter("productIds", version.productId()))).isEmpty();
            assertThat(intruder.sessions().list(ListOptions.none().filter("customIds", "conv-1"))).isEmpty();
        }

        @Test
        void list_byIdsOfOtherOrganization_returnsNotFound() {
            SessionResponse session = aSession(client);

            assertThat(apiError(() -> intruder.sessions().list(ListOptions.none().filter("ids", session.id())), ErrorCode.SESSION_NOT_FOUND)
                    .status())
                    .isEqualTo(404);
        }

        @Test
        void getByCustomId_inOtherOrganizationsVersion_returnsEmpty() {
            SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(aVersion(client).id(), "conv-1"));

            assertThat(intruder.sessions().getByCustomId("conv-1", session.versionId())).isEmpty();
        }

        @Test
        void create_underOtherOrganizationsVersion_returnsNotFoundAndCreatesNothing() {
            VersionResponse version = aVersion(client);

            AssayApiException error = apiError(() -> intruder.sessions().create(CreateSessionRequest.forVersion(version.id())),
                    ErrorCode.VERSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(client.sessions().list(ListOptions.none())).isEmpty();
            assertThat(intruder.sessions().list(ListOptions.none())).isEmpty();
        }

        @Test
        void create_underOtherOrganizationsProduct_returnsNotFoundAndCreatesNoDefaultVersion() {
            ProductResponse product = aProduct(client);

            AssayApiException error = apiError(() -> intruder.sessions().create(
                    new CreateSessionRequest(null, product.id(), null, null, null, null, null, null)), ErrorCode.PRODUCT_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(client.versions().list(ListOptions.none().filter("productIds", product.id()))).isEmpty();
            assertThat(intruder.versions().list(ListOptions.none())).isEmpty();
        }
    }

    @Nested
    class InferenceResults {

        @Test
        void get_ofOtherOrganization_returnsNotFound() {
            InferenceResultResponse turn = aTurn(client, aSession(client));

            assertThat(apiError(() -> intruder.inferenceResults().get(turn.id()), ErrorCode.INFERENCE_RESULT_NOT_FOUND).status())
                    .isEqualTo(404);
        }

        @Test
        void update_ofOtherOrganization_returnsNotFoundAndChangesNothing() {
            InferenceResultResponse turn = aTurn(client, aSession(client));

            AssayApiException error = apiError(() -> intruder.inferenceResults().update(turn.id(),
                    UpdateInferenceResultRequest.builder().actualOutput("hijacked").build()), ErrorCode.INFERENCE_RESULT_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(client.inferenceResults().get(turn.id())).isEqualTo(turn);
        }

        @Test
        void delete_ofOtherOrganization_returnsNotFoundAndKeepsIt() {
            InferenceResultResponse turn = aTurn(client, aSession(client));

            AssayApiException error = apiError(() -> intruder.inferenceResults().delete(turn.id()), ErrorCode.INFERENCE_RESULT_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(client.inferenceResults().get(turn.id())).isEqualTo(turn);
        }

        @Test
        void list_unfiltered_excludesOtherOrganizationsTurns() {
            aTurn(client, aSession(client));
            InferenceResultResponse own = aTurn(intruder, aSession(intruder));

            assertThat(intruder.inferenceResults().list(ListOptions.none()))
                    .extracting(InferenceResultResponse::id)
                    .containsExactly(own.id());
        }

        @Test
        void list_bySessionIdOfOtherOrganization_returnsEmpty() {
            SessionResponse session = aSession(client);
            aTurn(client, session);

            assertThat(intruder.inferenceResults().list(ListOptions.none().filter("sessionIds", session.id()))).isEmpty();
        }

        @Test
        void list_byIdsOfOtherOrganization_returnsNotFound() {
            InferenceResultResponse turn = aTurn(client, aSession(client));

            assertThat(apiError(() -> intruder.inferenceResults().list(ListOptions.none().filter("ids", turn.id())),
                    ErrorCode.INFERENCE_RESULT_NOT_FOUND).status())
                    .isEqualTo(404);
        }

        @Test
        void create_inOtherOrganizationsSession_returnsNotFoundAndCreatesNothing() {
            SessionResponse session = aSession(client);

            AssayApiException error = apiError(() -> aTurn(intruder, session), ErrorCode.SESSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(client.inferenceResults().list(ListOptions.none())).isEmpty();
            assertThat(intruder.inferenceResults().list(ListOptions.none())).isEmpty();
        }

        @Test
        void createBatch_inOtherOrganizationsSession_returnsNotFoundAndCreatesNothing() {
            SessionResponse session = aSession(client);

            AssayApiException error = apiError(() -> intruder.inferenceResults().createBatch(session.id(),
                    List.of(ConversationTurn.user("hi"), ConversationTurn.assistant("hello"))), ErrorCode.SESSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(client.inferenceResults().list(ListOptions.none())).isEmpty();
        }

        @Test
        void create_byCustomIdInOtherOrganizationsVersion_returnsBadRequestAsForAnUnknownCustomIdAndCreatesNothing() {
            SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(aVersion(client).id(), "conv-1"));

            AssayApiException error = apiError(() -> intruder.inferenceResults().create(new CreateInferenceResultRequest(
                    null, "conv-1", session.versionId(), null, null, null, null, null, "hi", null, null, null, null, null,
                    null, null, null, null, null, null, null)), ErrorCode.INVALID_REQUEST);

            // A custom id that matches nothing is a 400 (spec §1.3); another organization's is no different.
            assertThat(error.status()).isEqualTo(400);
            assertThat(client.inferenceResults().list(ListOptions.none())).isEmpty();
        }

        @Test
        void createBatch_byCustomIdInOtherOrganizationsProduct_returnsBadRequestAsForAnUnknownCustomIdAndCreatesNothing() {
            SessionResponse session = client.sessions().create(CreateSessionRequest.forVersion(aVersion(client).id(), "conv-1"));
            String productId = client.versions().get(session.versionId()).productId();

            AssayApiException error = apiError(() -> intruder.inferenceResults().createBatch(new CreateInferenceResultBatchRequest(
                    null, "conv-1", null, productId, List.of(ConversationTurn.user("hi")), null)), ErrorCode.INVALID_REQUEST);

            // A custom id that matches nothing is a 400 (spec §1.3); another organization's is no different.
            assertThat(error.status()).isEqualTo(400);
            assertThat(client.inferenceResults().list(ListOptions.none())).isEmpty();
        }

        @Test
        void deleteBatch_withOneIdOfOtherOrganization_returnsNotFoundAndDeletesNothing() {
            InferenceResultResponse foreign = aTurn(client, aSession(client));
            InferenceResultResponse own = aTurn(intruder, aSession(intruder));

            AssayApiException error = apiError(() -> intruder.inferenceResults().deleteBatch(List.of(own.id(), foreign.id())),
                    ErrorCode.INFERENCE_RESULT_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(error.getMessage()).contains(foreign.id()).doesNotContain(own.id());
            assertThat(intruder.inferenceResults().get(own.id())).isEqualTo(own);
            assertThat(client.inferenceResults().get(foreign.id())).isEqualTo(foreign);
        }
    }

    @Nested
    class ApiKeys {

        @Test
        void list_excludesOtherOrganizationsKeys() {
            ApiKeyResponse foreign = client.apiKeys().create("foreign");
            ApiKeyResponse own = intruder.apiKeys().create("own");

            assertThat(intruder.apiKeys().list()).extracting(ApiKeyResponse::id).contains(own.id()).doesNotContain(foreign.id());
        }

        @Test
        void key_ofOneOrganization_seesNothingOfTheOther() {
            aSession(client);
            AssayClient second = clientFor(intruder.apiKeys().create("second").key());

            assertThat(second.products().list(ListOptions.none())).isEmpty();
            assertThat(second.sessions().list(ListOptions.none())).isEmpty();
        }
    }

    @Nested
    class Operator {

        @Test
        void getSession_byOperatorKey_returnsNotFound() {
            SessionResponse session = aSession(client);

            assertThat(apiError(() -> operator().sessions().get(session.id()), ErrorCode.SESSION_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void listProducts_byOperatorKey_excludesOtherOrganizationsProducts() {
            ProductResponse product = aProduct(client);

            assertThat(operator().products().list(ListOptions.none())).extracting(ProductResponse::id).doesNotContain(product.id());
        }
    }

    private static InferenceResultResponse aTurn(AssayClient owner, SessionResponse session) {
        return owner.inferenceResults().create(
                CreateInferenceResultRequest.forSession(session.id()).input("hi").actualOutput("hello").build());
    }
}

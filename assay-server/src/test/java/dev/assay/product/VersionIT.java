package dev.assay.product;

import static dev.assay.testing.ApiErrors.apiError;
import static dev.assay.testing.ApiErrors.assertErrorBody;
import static dev.assay.testing.ApiErrors.json;
import static dev.assay.testing.Fixtures.aProduct;
import static dev.assay.testing.Fixtures.aVersion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.ProductResponse;
import dev.assay.api.VersionResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Versions of products: {@code POST/GET/DELETE /versions}, list filters and soft delete. */
class VersionIT extends ApiIntegrationTest {
    private static final String UNKNOWN_ID = "version_aaaaaaaaaaaaaaaaaaaaaaaaaa";

    @Nested
    class Create {

        @Test
        void create_withEveryField_returnsCreatedVersionOfTheProduct() {
            ProductResponse product = aProduct(client);

            VersionResponse version = client.versions().create(new CreateVersionRequest(product.id(), "v2", "second",
                    "You are helpful", "gpt-4o", "tickets", "s3://bucket/data", "https://bot.example", "no swearing"));

            assertThat(version.id()).matches("version_[a-z2-7]{26}");
            assertThat(version).extracting(VersionResponse::productId, VersionResponse::name, VersionResponse::description,
                    VersionResponse::systemPrompt, VersionResponse::modelId, VersionResponse::datasetDescription,
                    VersionResponse::datasetUri, VersionResponse::endpoint, VersionResponse::guardrails,
                    VersionResponse::deletedAt)
                    .containsExactly(product.id(), "v2", "second", "You are helpful", "gpt-4o", "tickets",
                            "s3://bucket/data", "https://bot.example", "no swearing", null);
        }

        @Test
        void create_answersCreatedWithEverySdkFieldInTheJson() {
            Tenant tenant = newTenant();
            ProductResponse product = aProduct(tenant.client());

            HttpResponse<String> response = raw("POST", "/versions",
                    "{\"productId\":\"" + product.id() + "\",\"name\":\"v1\"}", tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(json(response).propertyNames()).contains("id", "productId", "name", "description", "systemPrompt",
                    "modelId", "datasetDescription", "datasetUri", "endpoint", "guardrails", "createdAt", "deletedAt");
        }

        @Test
        void create_withDuplicateNameInTheSameProduct_returnsBadRequestWithTheSame() {
            ProductResponse product = aProduct(client);
            client.versions().create(CreateVersionRequest.named(product.id(), "v1"));

            AssayApiException error = apiError(() -> client.versions().create(CreateVersionRequest.named(product.id(), "v1")),
                    ErrorCode.DUPLICATE_NAME);

            assertThat(error.status()).isEqualTo(400);
            assertThat(error.getMessage()).contains("with the same");
        }

        @Test
        void create_withNameUsedInAnotherProduct_succeeds() {
            client.versions().create(CreateVersionRequest.named(aProduct(client).id(), "v1"));
            ProductResponse other = aProduct(client);

            assertThat(client.versions().create(CreateVersionRequest.named(other.id(), "v1")).productId()).isEqualTo(other.id());
        }

        @Test
        void create_withUnknownProduct_returnsNotFound() {
            AssayApiException error = apiError(() -> client.versions().create(
                    CreateVersionRequest.named("product_aaaaaaaaaaaaaaaaaaaaaaaaaa", "v1")), ErrorCode.PRODUCT_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(error.code()).isEqualTo("PRODUCT_NOT_FOUND");
        }

        @Test
        void create_withoutProductId_returnsBadRequest() {
            assertErrorBody(raw("POST", "/versions", "{\"name\":\"v1\"}", newTenant().apiKey()), ErrorCode.INVALID_REQUEST, "Bad Request");
        }

        @Test
        void create_withoutName_returnsBadRequest() {
            Tenant tenant = newTenant();
            ProductResponse product = aProduct(tenant.client());

            assertErrorBody(raw("POST", "/versions", "{\"productId\":\"" + product.id() + "\"}", tenant.apiKey()),
                    ErrorCode.INVALID_REQUEST,
                    "Bad Request");
        }
    }

    @Nested
    class Get {

        @Test
        void get_returnsTheCreatedVersion() {
            VersionResponse version = aVersion(client);

            assertThat(client.versions().get(version.id())).isEqualTo(version);
        }

        @Test
        void get_unknownId_returnsNotFound() {
            AssayApiException error = apiError(() -> client.versions().get(UNKNOWN_ID), ErrorCode.VERSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(error.code()).isEqualTo("VERSION_NOT_FOUND");
        }
    }

    @Nested
    class ListVersions {

        @Test
        void list_unfiltered_returnsEveryVersionOfTheOrganization() {
            VersionResponse first = aVersion(client);
            VersionResponse second = aVersion(client);

            assertThat(client.versions().list(ListOptions.none()))
                    .extracting(VersionResponse::id)
                    .containsExactlyInAnyOrder(first.id(), second.id());
        }

        @Test
        void list_byProductIds_returnsOnlyThatProductsVersions() {
            ProductResponse product = aProduct(client);
            VersionResponse v1 = client.versions().create(CreateVersionRequest.named(product.id(), "v1"));
            VersionResponse v2 = client.versions().create(CreateVersionRequest.named(product.id(), "v2"));
            aVersion(client);

            assertThat(client.versions().list(ListOptions.none().filter("productIds", product.id())))
                    .extracting(VersionResponse::id)
                    .containsExactlyInAnyOrder(v1.id(), v2.id());
        }

        @Test
        void list_byUnknownProductId_returnsEmpty() {
            aVersion(client);

            assertThat(client.versions().list(ListOptions.none().filter("productIds", "product_aaaaaaaaaaaaaaaaaaaaaaaaaa")))
                    .isEmpty();
        }

        @Test
        void list_byIds_returnsOnlyThoseVersions() {
            VersionResponse wanted = aVersion(client);
            aVersion(client);

            assertThat(client.versions().list(ListOptions.none().filter("ids", wanted.id())))
                    .extracting(VersionResponse::id)
                    .containsExactly(wanted.id());
        }

        @Test
        void list_byIdsWithUnknownId_returnsNotFoundNamingTheMissingId() {
            VersionResponse known = aVersion(client);

            AssayApiException error = apiError(() -> client.versions().list(ListOptions.none().filter("ids", known.id(), UNKNOWN_ID)),
                    ErrorCode.VERSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(error.getMessage()).contains("Versions not found: " + UNKNOWN_ID).doesNotContain(known.id());
        }

        @Test
        void list_byIdsOfAnotherProductThanTheProductFilter_returnsNotFound() {
            VersionResponse version = aVersion(client);
            ProductResponse otherProduct = aProduct(client);

            AssayApiException error = apiError(() -> client.versions().list(
                    ListOptions.none().filter("ids", version.id()).filter("productIds", otherProduct.id())), ErrorCode.VERSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
        }

        @Test
        void list_byNames_returnsOnlyVersionsWithThoseNames() {
            ProductResponse product = aProduct(client);
            VersionResponse staging = client.versions().create(CreateVersionRequest.named(product.id(), "staging"));
            client.versions().create(CreateVersionRequest.named(product.id(), "prod"));

            assertThat(client.versions().list(ListOptions.none().filter("productIds", product.id()).filter("names", "staging")))
                    .extracting(VersionResponse::id)
                    .containsExactly(staging.id());
        }

        @Test
        void list_withLimitAndOffset_returnsThatPage() {
            ProductResponse product = aProduct(client);
            for (String name : List.of("a", "b", "c", "d")) {
                client.versions().create(CreateVersionRequest.named(product.id(), name));
            }
            List<VersionResponse> all = client.versions().list(ListOptions.none());

            assertThat(client.versions().list(ListOptions.none().limit(2).offset(2))).containsExactlyElementsOf(all.subList(2, 4));
        }
    }

    @Nested
    class GetByName {

        @Test
        void getByName_existingName_returnsThatVersion() {
            ProductResponse product = aProduct(client);
            VersionResponse wanted = client.versions().create(CreateVersionRequest.named(product.id(), "wanted"));
            client.versions().create(CreateVersionRequest.named(product.id(), "other"));

            assertThat(client.versions().getByName(product.id(), "wanted")).contains(wanted);
        }

        @Test
        void getByName_nameOfAnotherProductsVersion_returnsEmpty() {
            client.versions().create(CreateVersionRequest.named(aProduct(client).id(), "elsewhere"));
            ProductResponse product = aProduct(client);

            assertThat(client.versions().getByName(product.id(), "elsewhere")).isEmpty();
        }
    }

    @Nested
    class Delete {

        @Test
        void delete_returnsNoContentWithoutBody() {
            Tenant tenant = newTenant();
            VersionResponse version = aVersion(tenant.client());

            HttpResponse<String> response = raw("DELETE", "/versions/" + version.id(), null, tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void delete_thenGet_returnsNotFound() {
            VersionResponse version = aVersion(client);

            client.versions().delete(version.id());

            assertThat(apiError(() -> client.versions().get(version.id()), ErrorCode.VERSION_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void delete_twice_returnsNotFound() {
            VersionResponse version = aVersion(client);
            client.versions().delete(version.id());

            assertThat(apiError(() -> client.versions().delete(version.id()), ErrorCode.VERSION_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void delete_removesVersionFromLists() {
            VersionResponse deleted = aVersion(client);
            VersionResponse kept = aVersion(client);

            client.versions().delete(deleted.id());

            assertThat(client.versions().list(ListOptions.none())).extracting(VersionResponse::id).containsExactly(kept.id());
            assertThat(client.versions().list(ListOptions.none().filter("productIds", deleted.productId()))).isEmpty();
        }

        @Test
        void delete_thenReuseItsName_succeeds() {
            VersionResponse deleted = aVersion(client);
            client.versions().delete(deleted.id());

            VersionResponse again = client.versions().create(CreateVersionRequest.named(deleted.productId(), deleted.name()));

            assertThat(again.id()).isNotEqualTo(deleted.id());
        }

        @Test
        void delete_thenCreateSessionUnderIt_returnsNotFound() {
            VersionResponse version = aVersion(client);
            client.versions().delete(version.id());

            assertThat(apiError(() -> client.sessions().create(CreateSessionRequest.forVersion(version.id())), ErrorCode.VERSION_NOT_FOUND)
                    .status())
                    .isEqualTo(404);
        }

        @Test
        void deleteProduct_deletesItsVersions() {
            VersionResponse version = aVersion(client);

            client.products().delete(version.productId());

            assertThat(apiError(() -> client.versions().get(version.id()), ErrorCode.VERSION_NOT_FOUND).status()).isEqualTo(404);
        }
    }
}

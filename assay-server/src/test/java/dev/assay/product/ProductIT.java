package dev.assay.product;

import static dev.assay.testing.ApiErrors.apiError;
import static dev.assay.testing.ApiErrors.assertErrorBody;
import static dev.assay.testing.ApiErrors.json;
import static dev.assay.testing.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.ProductResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Products: {@code POST/GET/DELETE /products}, list filters and soft delete (docs/reference/galtea-contract.md §6, §7). */
class ProductIT extends ApiIntegrationTest {
    private static final String UNKNOWN_ID = "product_aaaaaaaaaaaaaaaaaaaaaaaaaa";

    @Nested
    class Create {

        @Test
        void create_withEveryField_returnsCreatedProductOfTheCallersOrganization() {
            Tenant tenant = newTenant();

            ProductResponse product = tenant.client().products().create(new CreateProductRequest("Support bot",
                    "Answers tickets", "HIGH", "OPERATOR", "no PII", "answer", "be polite", "no refunds"));

            assertThat(product.id()).matches("product_[a-z2-7]{26}");
            assertThat(product).extracting(ProductResponse::name, ProductResponse::description, ProductResponse::riskLevel,
                    ProductResponse::operatorType, ProductResponse::securityBoundaries, ProductResponse::capabilities,
                    ProductResponse::policies, ProductResponse::inabilities, ProductResponse::organizationId,
                    ProductResponse::deletedAt)
                    .containsExactly("Support bot", "Answers tickets", "HIGH", "OPERATOR", "no PII", "answer", "be polite",
                            "no refunds", tenant.organizationId(), null);
            assertThat(product.createdAt()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        }

        @Test
        void create_answersCreatedWithEverySdkFieldInTheJson() {
            Tenant tenant = newTenant();

            HttpResponse<String> response = raw("POST", "/products", "{\"name\":\"raw\"}", tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(json(response).propertyNames()).contains("id", "name", "description", "riskLevel", "operatorType",
                    "securityBoundaries", "capabilities", "policies", "inabilities", "organizationId", "createdAt",
                    "deletedAt");
        }

        @Test
        void create_withDuplicateName_returnsBadRequestWithTheSame() {
            client.products().create(CreateProductRequest.named("Twin"));

            AssayApiException error = apiError(() -> client.products().create(CreateProductRequest.named("Twin")),
                    ErrorCode.DUPLICATE_NAME);

            assertThat(error.status()).isEqualTo(400);
            assertThat(error.getMessage()).contains("with the same");
        }

        @Test
        void create_withDuplicateName_storesNoSecondProduct() {
            client.products().create(CreateProductRequest.named("Twin"));

            apiError(() -> client.products().create(CreateProductRequest.named("Twin")), ErrorCode.DUPLICATE_NAME);

            assertThat(client.products().list(ListOptions.none())).hasSize(1);
        }

        @Test
        void create_withNameOfDeletedProduct_succeeds() {
            ProductResponse deleted = client.products().create(CreateProductRequest.named("Reborn"));
            client.products().delete(deleted.id());

            ProductResponse product = client.products().create(CreateProductRequest.named("Reborn"));

            assertThat(product.id()).isNotEqualTo(deleted.id());
        }

        @Test
        void create_withoutName_returnsBadRequest() {
            assertErrorBody(raw("POST", "/products", "{\"description\":\"nameless\"}", newTenant().apiKey()), ErrorCode.INVALID_REQUEST,
                    "Bad Request");
        }

        @Test
        void create_withNumberAsName_returnsBadRequest() {
            assertErrorBody(raw("POST", "/products", "{\"name\":42}", newTenant().apiKey()), ErrorCode.MALFORMED_JSON, "Bad Request");
        }
    }

    @Nested
    class Get {

        @Test
        void get_returnsTheCreatedProduct() {
            ProductResponse product = aProduct(client);

            assertThat(client.products().get(product.id())).isEqualTo(product);
        }

        @Test
        void get_unknownId_returnsNotFound() {
            AssayApiException error = apiError(() -> client.products().get(UNKNOWN_ID), ErrorCode.PRODUCT_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(error.code()).isEqualTo("PRODUCT_NOT_FOUND");
        }

        @Test
        void get_idOfAnotherKind_returnsNotFound() {
            String versionId = client.versions().create(CreateVersionRequest.named(aProduct(client).id(), "v1")).id();

            assertThat(apiError(() -> client.products().get(versionId), ErrorCode.PRODUCT_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void get_malformedId_returnsNotFound() {
            assertThat(apiError(() -> client.products().get("product_123"), ErrorCode.PRODUCT_NOT_FOUND).status()).isEqualTo(404);
        }
    }

    @Nested
    class ListProducts {

        @Test
        void list_unfiltered_returnsEveryProductOfTheOrganization() {
            ProductResponse first = aProduct(client);
            ProductResponse second = aProduct(client);
            ProductResponse third = aProduct(client);

            assertThat(client.products().list(ListOptions.none()))
                    .extracting(ProductResponse::id)
                    .containsExactlyInAnyOrder(first.id(), second.id(), third.id());
        }

        @Test
        void list_unfiltered_returnsOldestFirst() {
            for (int i = 0; i < 3; i++) {
                aProduct(client);
            }

            assertThat(client.products().list(ListOptions.none())).hasSize(3).extracting(ProductResponse::createdAt).isSorted();
        }

        @Test
        void list_byIds_returnsOnlyThoseProducts() {
            ProductResponse first = aProduct(client);
            aProduct(client);
            ProductResponse third = aProduct(client);

            assertThat(client.products().list(ListOptions.none().filter("ids", first.id(), third.id())))
                    .extracting(ProductResponse::id)
                    .containsExactlyInAnyOrder(first.id(), third.id());
        }

        @Test
        void list_byIdsWithUnknownId_returnsNotFoundNamingTheMissingIds() {
            ProductResponse known = aProduct(client);

            AssayApiException error = apiError(() -> client.products().list(ListOptions.none().filter("ids", known.id(),
                    UNKNOWN_ID, "bogus")), ErrorCode.PRODUCT_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(error.getMessage()).contains("Products not found: ").contains(UNKNOWN_ID).contains("bogus")
                    .doesNotContain(known.id());
        }

        @Test
        void list_byCommaSeparatedIds_returnsThoseProducts() {
            Tenant tenant = newTenant();
            ProductResponse first = aProduct(tenant.client());
            ProductResponse second = aProduct(tenant.client());

            HttpResponse<String> response = raw("GET", "/products?ids=" + first.id() + "," + second.id(), null, tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).values()).extracting(node -> node.path("id").asString())
                    .containsExactlyInAnyOrder(first.id(), second.id());
        }

        @Test
        void list_byNames_returnsOnlyProductsWithThoseNames() {
            ProductResponse alpha = client.products().create(CreateProductRequest.named("alpha, with a comma"));
            client.products().create(CreateProductRequest.named("beta"));
            ProductResponse gamma = client.products().create(CreateProductRequest.named("gamma"));

            assertThat(client.products().list(ListOptions.none().filter("names", "alpha, with a comma", "gamma", "nothing")))
                    .extracting(ProductResponse::id)
                    .containsExactlyInAnyOrder(alpha.id(), gamma.id());
        }

        @Test
        void list_sortedByNameDescending_returnsReverseAlphabeticalOrder() {
            client.products().create(CreateProductRequest.named("b"));
            client.products().create(CreateProductRequest.named("c"));
            client.products().create(CreateProductRequest.named("a"));

            assertThat(client.products().list(ListOptions.none().sort("name", true)))
                    .extracting(ProductResponse::name)
                    .containsExactly("c", "b", "a");
        }

        @Test
        void list_sortedByCreatedAtDescending_returnsNewestFirst() {
            for (int i = 0; i < 3; i++) {
                aProduct(client);
            }

            List<ProductResponse> products = client.products().list(ListOptions.none().sort("createdAt", true));

            assertThat(products).hasSize(3).extracting(ProductResponse::createdAt)
                    .isSortedAccordingTo(Comparator.reverseOrder());
        }

        @Test
        void list_withLimitAndOffset_returnsThatPage() {
            for (int i = 0; i < 4; i++) {
                aProduct(client);
            }
            List<ProductResponse> all = client.products().list(ListOptions.none());

            assertThat(client.products().list(ListOptions.none().limit(2).offset(1))).containsExactlyElementsOf(all.subList(1, 3));
        }

        @Test
        void list_withUnknownSortField_returnsBadRequest() {
            AssayApiException error = apiError(() -> client.products().list(ListOptions.none().sort("color", false)),
                    ErrorCode.INVALID_REQUEST);

            assertThat(error.status()).isEqualTo(400);
            assertThat(error.getMessage()).contains("Invalid sort field: color");
        }

        @Test
        void list_withNegativeLimit_returnsBadRequest() {
            assertThat(apiError(() -> client.products().list(ListOptions.none().limit(-1)), ErrorCode.INVALID_REQUEST).status())
                    .isEqualTo(400);
        }
    }

    @Nested
    class GetByName {

        @Test
        void getByName_existingName_returnsThatProduct() {
            ProductResponse product = client.products().create(CreateProductRequest.named("Named " + UUID.randomUUID()));
            aProduct(client);

            assertThat(client.products().getByName(product.name())).contains(product);
        }

        @Test
        void getByName_unknownName_returnsEmpty() {
            aProduct(client);

            assertThat(client.products().getByName("no such product")).isEmpty();
        }
    }

    @Nested
    class Delete {

        @Test
        void delete_returnsNoContentWithoutBody() {
            Tenant tenant = newTenant();
            ProductResponse product = aProduct(tenant.client());

            HttpResponse<String> response = raw("DELETE", "/products/" + product.id(), null, tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void delete_thenGet_returnsNotFound() {
            ProductResponse product = aProduct(client);

            client.products().delete(product.id());

            assertThat(apiError(() -> client.products().get(product.id()), ErrorCode.PRODUCT_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void delete_twice_returnsNotFound() {
            ProductResponse product = aProduct(client);
            client.products().delete(product.id());

            assertThat(apiError(() -> client.products().delete(product.id()), ErrorCode.PRODUCT_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void delete_unknownId_returnsNotFound() {
            assertThat(apiError(() -> client.products().delete(UNKNOWN_ID), ErrorCode.PRODUCT_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void delete_removesProductFromUnfilteredAndNamedLists() {
            ProductResponse deleted = aProduct(client);
            ProductResponse kept = aProduct(client);

            client.products().delete(deleted.id());

            assertThat(client.products().list(ListOptions.none())).extracting(ProductResponse::id).containsExactly(kept.id());
            assertThat(client.products().getByName(deleted.name())).isEmpty();
        }

        @Test
        void delete_thenListByItsId_returnsNotFound() {
            ProductResponse product = aProduct(client);
            client.products().delete(product.id());

            assertThat(apiError(() -> client.products().list(ListOptions.none().filter("ids", product.id())), ErrorCode.PRODUCT_NOT_FOUND)
                    .status())
                    .isEqualTo(404);
        }

        @Test
        void delete_thenCreateVersionUnderIt_returnsNotFound() {
            ProductResponse product = aProduct(client);
            client.products().delete(product.id());

            assertThat(
                    apiError(() -> client.versions().create(CreateVersionRequest.named(product.id(), "late")), ErrorCode.PRODUCT_NOT_FOUND)
                            .status())
                    .isEqualTo(404);
        }
    }
}

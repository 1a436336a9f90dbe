package dev.assay.specification;

import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.EvaluationFixtures.aSpecification;
import static dev.assay.testing.Fixtures.aProduct;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ProductResponse;
import dev.assay.api.SpecificationResponse;
import dev.assay.client.ListOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** GET and DELETE /specifications (docs/reference/galtea-contract.md §5.2, §7.4). */
class SpecificationReadIT extends SpecificationApiTest {

    @Nested
    class Read {

        @Test
        void get_returnsTheCreatedSpecification() {
            SpecificationResponse created = aSpecification(client, aProduct(client).id(), aSelfHostedMetric(client).id());

            assertThat(client.specifications().get(created.id())).isEqualTo(created);
        }

        @Test
        void get_unknownMalformedOrForeign_returnsNotFound() {
            Tenant other = newTenant();
            SpecificationResponse foreign = aSpecification(other.client(), aProduct(other.client()).id());

            assertThat(errorMessage(get("/specifications/" + UNKNOWN_ID), 404)).contains(UNKNOWN_ID);
            errorMessage(get("/specifications/spec_123"), 404);
            assertThat(errorMessage(get("/specifications/" + foreign.id()), 404)).contains(foreign.id());
        }

        @Test
        void list_withoutFilter_returnsOnlyTheOrganizationsSpecifications() {
            SpecificationResponse first = aSpecification(client, aProduct(client).id());
            SpecificationResponse second = aSpecification(client, aProduct(client).id());
            Tenant other = newTenant();
            aSpecification(other.client(), aProduct(other.client()).id());

            assertThat(client.specifications().list(ListOptions.none())).containsExactlyInAnyOrder(first, second);
        }

        @Test
        void list_byProductIdsOrProductId_returnsThatProductsSpecifications() {
            ProductResponse product = aProduct(client);
            SpecificationResponse mine = aSpecification(client, product.id());
            SpecificationResponse elsewhere = aSpecification(client, aProduct(client).id());

            assertThat(ids("productIds=" + product.id())).containsExactly(mine.id());
            assertThat(ids("productIds[]=" + product.id())).containsExactly(mine.id());
            assertThat(ids("productId=" + product.id())).containsExactly(mine.id());
            assertThat(ids("productIds=product_aaaaaaaaaaaaaaaaaaaaaaaaaa")).isEmpty();
            assertThat(ids("productIds=" + product.id() + "," + elsewhere.productId())).containsExactlyInAnyOrder(mine.id(),
                    elsewhere.id());
        }

        @Test
        void list_byTypesAndTestTypes_filtersOnThem() {
            ProductResponse product = aProduct(client);
            SpecificationResponse capability = aSpecification(client, product.id());
            SpecificationResponse accuracy = policy(product, "ACCURACY");
            SpecificationResponse security = policy(product, "SECURITY");

            assertThat(ids("types=CAPABILITY")).containsExactly(capability.id());
            assertThat(ids("types=policy")).containsExactlyInAnyOrder(accuracy.id(), security.id());
            assertThat(ids("type=POLICY")).containsExactlyInAnyOrder(accuracy.id(), security.id());
            assertThat(ids("testTypes=SECURITY")).containsExactly(security.id());
            assertThat(ids("testTypes=QUALITY")).containsExactly(accuracy.id());
            assertThat(ids("testType=ACCURACY&testType=RED_TEAMING")).containsExactlyInAnyOrder(accuracy.id(), security.id());
            assertThat(ids("types=INABILITY")).isEmpty();
        }

        @Test
        void list_byIds_isStrict() {
            SpecificationResponse spec = aSpecification(client, aProduct(client).id());
            Tenant other = newTenant();
            SpecificationResponse foreign = aSpecification(other.client(), aProduct(other.client()).id());

            assertThat(ids("ids=" + spec.id())).containsExactly(spec.id());
            assertThat(errorMessage(get("/specifications?ids=" + spec.id() + "&ids=" + UNKNOWN_ID), 404))
                    .contains(UNKNOWN_ID).doesNotContain(spec.id());
            assertThat(errorMessage(get("/specifications?ids=" + foreign.id()), 404)).contains(foreign.id());
            assertThat(errorMessage(get("/specifications?ids=" + spec.id() + "&types=POLICY"), 404)).contains(spec.id());
        }

        @Test
        void list_withSortAndPaging_returnsThatPage() {
            ProductResponse product = aProduct(client);
            SpecificationResponse first = aSpecification(client, product.id());
            SpecificationResponse second = laterThan(first);
            SpecificationResponse third = laterThan(second);

            assertThat(ids("limit=2")).containsExactly(first.id(), second.id());
            assertThat(ids("limit=2&offset=2")).containsExactly(third.id());
            assertThat(ids("sort=createdAt&sort=desc")).containsExactly(third.id(), second.id(), first.id());
            errorMessage(get("/specifications?sort=name"), 400);
        }
    }

    @Nested
    class Delete {

        @Test
        void delete_returnsNoContentThenNotFound() {
            SpecificationResponse spec = aSpecification(client, aProduct(client).id());

            assertThat(raw("DELETE", "/specifications/" + spec.id(), null, tenant.apiKey()).statusCode()).isEqualTo(204);

            errorMessage(get("/specifications/" + spec.id()), 404);
            assertThat(client.specifications().list(ListOptions.none())).isEmpty();
            errorMessage(raw("DELETE", "/specifications/" + spec.id(), null, tenant.apiKey()), 404);
        }

        @Test
        void delete_anotherOrganizationsSpecification_returnsNotFoundAndKeepsIt() {
            Tenant other = newTenant();
            SpecificationResponse foreign = aSpecification(other.client(), aProduct(other.client()).id());

            errorMessage(raw("DELETE", "/specifications/" + foreign.id(), null, tenant.apiKey()), 404);

            assertThat(other.client().specifications().get(foreign.id())).isEqualTo(foreign);
        }
    }
}

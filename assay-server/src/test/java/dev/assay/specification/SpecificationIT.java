package dev.assay.specification;

import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.EvaluationFixtures.aSpecification;
import static dev.assay.testing.Fixtures.aProduct;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateSpecificationRequest;
import dev.assay.api.MetricResponse;
import dev.assay.api.ProductResponse;
import dev.assay.api.SpecificationResponse;
import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The specification endpoints (spec/api-contract.md §5, §9.12). */
class SpecificationIT extends ApiIntegrationTest {
    private static final String UNKNOWN_ID = "specification_aaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String UNKNOWN_METRIC_ID = "metric_aaaaaaaaaaaaaaaaaaaaaaaaaa";

    @Nested
    class Create {

        @Test
        void create_capabilityWithMetrics_returnsCreatedSpecification() {
            ProductResponse product = aProduct(client);
            MetricResponse metric = aSelfHostedMetric(client);
            MetricResponse bleu = client.metrics().getByName("BLEU").orElseThrow();

            HttpResponse<String> response = post("{\"productId\":\"" + product.id() + "\",\"description\":\"Answers refunds\","
                    + "\"type\":\"CAPABILITY\",\"name\":\"Refunds\",\"metricIds\":[\"" + metric.id() + "\",\"" + bleu.id() + "\"]}");

            JsonNode body = assertStatus(response, 201);
            String id = body.get("id").stringValue();
            assertThat(id).matches("specification_[a-z2-7]{26}");
            assertThat(response.headers().firstValue("Location")).hasValue("/specifications/" + id);
            assertThat(body.get("productId").stringValue()).isEqualTo(product.id());
            assertThat(body.get("description").stringValue()).isEqualTo("Answers refunds");
            assertThat(body.get("name").stringValue()).isEqualTo("Refunds");
            assertThat(body.get("type").stringValue()).isEqualTo("CAPABILITY");
            assertThat(body.get("testType").isNull()).isTrue();
            assertThat(body.get("deletedAt").isNull()).isTrue();
            assertThat(body.get("createdAt").stringValue()).isNotBlank();
            assertThat(body.get("metricIds").valueStream().map(JsonNode::stringValue).toList())
                    .containsExactlyInAnyOrder(metric.id(), bleu.id());
        }

        @Test
        void create_withoutMetrics_hasNoLinkedMetrics() {
            SpecificationResponse created = client.specifications().create(
                    new CreateSpecificationRequest(aProduct(client).id(), "Refuses medical advice", "INABILITY", null, null,
                            null, null));

            assertThat(created.type()).isEqualTo("INABILITY");
            assertThat(created.metricIds()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource({"ACCURACY,ACCURACY", "QUALITY,ACCURACY", "quality,ACCURACY", "SECURITY,SECURITY",
                "RED_TEAMING,SECURITY", "BEHAVIOR,BEHAVIOR", "SCENARIOS,BEHAVIOR", "behavior,BEHAVIOR"})
        void create_policyWithTestTypeOfEitherVocabulary_emitsTheCurrentName(String sent, String emitted) {
            SpecificationResponse created = client.specifications().create(new CreateSpecificationRequest(
                    aProduct(client).id(), "Never leaks data", "POLICY", sent, "data_leakage", null, null));

            assertThat(created.type()).isEqualTo("POLICY");
            assertThat(created.testType()).isEqualTo(emitted);
            assertThat(created.testVariant()).isEqualTo("data_leakage");
            assertThat(client.specifications().get(created.id()).testType()).isEqualTo(emitted);
        }

        @Test
        void create_lowerCaseType_isEmittedUpperCase() {
            assertThat(assertStatus(post("{\"productId\":\"" + aProduct(client).id()
                    + "\",\"description\":\"d\",\"type\":\"capability\"}"), 201).get("type").stringValue()).isEqualTo("CAPABILITY");
        }

        @Test
        void create_policyWithoutTestType_returnsBadRequest() {
            ProductResponse product = aProduct(client);

            assertThat(errorMessage(post("{\"productId\":\"" + product.id() + "\",\"description\":\"d\",\"type\":\"POLICY\"}"),
                    400)).contains("testType");
            assertThat(specificationsOf(product)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"CAPABILITY", "INABILITY"})
        void create_nonPolicyWithTestType_returnsBadRequest(String type) {
            ProductResponse product = aProduct(client);

            assertThat(errorMessage(post("{\"productId\":\"" + product.id() + "\",\"description\":\"d\",\"type\":\"" + type
                    + "\",\"testType\":\"ACCURACY\"}"), 400)).contains("testType");
            assertThat(specificationsOf(product)).isEmpty();
        }

        @Test
        void create_withUnknownTypeOrTestType_returnsBadRequest() {
            ProductResponse product = aProduct(client);

            assertThat(errorMessage(post("{\"productId\":\"" + product.id() + "\",\"description\":\"d\",\"type\":\"WISH\"}"),
                    400)).contains("type");
            assertThat(errorMessage(post("{\"productId\":\"" + product.id() + "\",\"description\":\"d\",\"type\":\"POLICY\","
                    + "\"testType\":\"FUZZING\"}"), 400)).contains("testType");
            assertThat(specificationsOf(product)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"description\":\"d\",\"type\":\"CAPABILITY\"}",
                "{\"productId\":\"%s\",\"type\":\"CAPABILITY\"}",
                "{\"productId\":\"%s\",\"description\":\"d\"}",
                "{\"productId\":\"%s\",\"description\":\"d\",\"type\":\"CAPABILITY\",\"metricIds\":\"x\"}",
                "{\"productId\":\"%s\",\"description\":\"d\",\"type\":\"CAPABILITY\",\"metricIds\":[7]}"})
        void create_withMissingOrMistypedField_returnsBadRequest(String template) {
            ProductResponse product = aProduct(client);

            errorMessage(post(template.formatted(product.id())), 400);
            assertThat(specificationsOf(product)).isEmpty();
        }

        @Test
        void create_forUnknownOrForeignProduct_returnsNotFound() {
            ProductResponse foreign = aProduct(newTenant().client());

            errorMessage(post("{\"productId\":\"product_aaaaaaaaaaaaaaaaaaaaaaaaaa\",\"description\":\"d\",\"type\":\"CAPABILITY\"}"),
                    404);
            errorMessage(post("{\"productId\":\"" + foreign.id() + "\",\"description\":\"d\",\"type\":\"CAPABILITY\"}"), 404);
            assertThat(client.specifications().list(ListOptions.none())).isEmpty();
        }

        @Test
        void create_withUnknownMetric_returnsNotFoundAndCreatesNothing() {
            ProductResponse product = aProduct(client);
            MetricResponse metric = aSelfHostedMetric(client);

            assertThat(errorMessage(post("{\"productId\":\"" + product.id() + "\",\"description\":\"d\",\"type\":\"CAPABILITY\","
                    + "\"metricIds\":[\"" + metric.id() + "\",\"" + UNKNOWN_METRIC_ID + "\"]}"), 404)).contains(UNKNOWN_METRIC_ID);
            assertThat(specificationsOf(product)).isEmpty();
        }

        @Test
        void create_withAnotherOrganizationsMetric_returnsNotFound() {
            ProductResponse product = aProduct(client);
            MetricResponse foreign = aSelfHostedMetric(newTenant().client());

            errorMessage(post("{\"productId\":\"" + product.id() + "\",\"description\":\"d\",\"type\":\"CAPABILITY\","
                    + "\"metricIds\":[\"" + foreign.id() + "\"]}"), 404);
            assertThat(specificationsOf(product)).isEmpty();
        }
    }

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
            assertThat(ids("productIds=" + product.id() + "," + elsewhere.productId())).containsExactlyInAnyOrder(mine.id(), elsewhere.id());
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

    @Nested
    class LinkedMetrics {

        @Test
        void link_returnsNoContentAndLinksTheMetrics() {
            SpecificationResponse spec = aSpecification(client, aProduct(client).id());
            MetricResponse metric = aSelfHostedMetric(client);
            MetricResponse bleu = client.metrics().getByName("BLEU").orElseThrow();

            assertThat(link("POST", spec, metric.id(), bleu.id()).statusCode()).isEqualTo(204);

            assertThat(client.specifications().get(spec.id()).metricIds()).containsExactlyInAnyOrder(metric.id(), bleu.id());
            assertThat(client.specifications().listMetrics(spec.id())).containsExactlyInAnyOrder(metric, bleu);
        }

        @Test
        void link_alreadyLinkedMetric_isIdempotent() {
            MetricResponse metric = aSelfHostedMetric(client);
            SpecificationResponse spec = aSpecification(client, aProduct(client).id(), metric.id());

            assertThat(link("POST", spec, metric.id(), metric.id()).statusCode()).isEqualTo(204);
            assertThat(link("POST", spec, metric.id()).statusCode()).isEqualTo(204);

            assertThat(client.specifications().get(spec.id()).metricIds()).containsExactly(metric.id());
        }

        @Test
        void unlink_returnsNoContentAndIsIdempotent() {
            MetricResponse kept = aSelfHostedMetric(client);
            MetricResponse removed = aSelfHostedMetric(client);
            SpecificationResponse spec = aSpecification(client, aProduct(client).id(), kept.id(), removed.id());

            assertThat(link("DELETE", spec, removed.id()).statusCode()).isEqualTo(204);
            assertThat(link("DELETE", spec, removed.id()).statusCode()).isEqualTo(204);

            assertThat(client.specifications().get(spec.id()).metricIds()).containsExactly(kept.id());
            assertThat(client.specifications().listMetrics(spec.id())).containsExactly(kept);
        }

        @Test
        void link_unknownMetric_returnsNotFoundAndLinksNothing() {
            SpecificationResponse spec = aSpecification(client, aProduct(client).id());
            MetricResponse metric = aSelfHostedMetric(client);

            assertThat(errorMessage(link("POST", spec, metric.id(), UNKNOWN_METRIC_ID), 404)).contains(UNKNOWN_METRIC_ID);

            assertThat(client.specifications().get(spec.id()).metricIds()).isEmpty();
        }

        @Test
        void unlink_unknownMetric_returnsNotFoundAndUnlinksNothing() {
            MetricResponse metric = aSelfHostedMetric(client);
            SpecificationResponse spec = aSpecification(client, aProduct(client).id(), metric.id());

            errorMessage(link("DELETE", spec, metric.id(), UNKNOWN_METRIC_ID), 404);

            assertThat(client.specifications().get(spec.id()).metricIds()).containsExactly(metric.id());
        }

        @Test
        void link_anotherOrganizationsMetric_returnsNotFound() {
            SpecificationResponse spec = aSpecification(client, aProduct(client).id());
            MetricResponse foreign = aSelfHostedMetric(newTenant().client());

            errorMessage(link("POST", spec, foreign.id()), 404);

            assertThat(client.specifications().get(spec.id()).metricIds()).isEmpty();
        }

        @Test
        void linkRoutes_ofAnotherOrganizationsSpecification_returnNotFound() {
            Tenant other = newTenant();
            MetricResponse theirMetric = aSelfHostedMetric(other.client());
            SpecificationResponse foreign = aSpecification(other.client(), aProduct(other.client()).id(), theirMetric.id());
            MetricResponse mine = aSelfHostedMetric(client);

            errorMessage(link("POST", foreign, mine.id()), 404);
            errorMessage(link("DELETE", foreign, theirMetric.id()), 404);
            errorMessage(get("/specifications/" + foreign.id() + "/metrics"), 404);

            assertThat(other.client().specifications().get(foreign.id()).metricIds()).containsExactly(theirMetric.id());
        }

        @Test
        void linkRoutes_ofUnknownSpecification_returnNotFound() {
            MetricResponse metric = aSelfHostedMetric(client);

            errorMessage(raw("POST", "/specifications/" + UNKNOWN_ID + "/metrics",
                    "{\"metricIds\":[\"" + metric.id() + "\"]}", tenant.apiKey()), 404);
            errorMessage(get("/specifications/" + UNKNOWN_ID + "/metrics"), 404);
        }

        @Test
        void link_withoutMetricIds_returnsBadRequest() {
            SpecificationResponse spec = aSpecification(client, aProduct(client).id());

            errorMessage(raw("POST", "/specifications/" + spec.id() + "/metrics", "{}", tenant.apiKey()), 400);
            errorMessage(raw("POST", "/specifications/" + spec.id() + "/metrics", "{\"metricIds\":\"x\"}", tenant.apiKey()), 400);
        }

        @Test
        void listMetrics_returnsFullMetricObjects() {
            MetricResponse metric = aSelfHostedMetric(client);
            SpecificationResponse spec = aSpecification(client, aProduct(client).id(), metric.id());

            JsonNode body = assertStatus(get("/specifications/" + spec.id() + "/metrics"), 200);

            assertThat(body.isArray()).isTrue();
            assertThat(body.get(0).get("id").stringValue()).isEqualTo(metric.id());
            assertThat(body.get(0).get("name").stringValue()).isEqualTo(metric.name());
            assertThat(body.get(0).get("source").stringValue()).isEqualTo("SELF_HOSTED");
        }

        @Test
        void deletedMetric_disappearsFromTheSpecification() {
            MetricResponse kept = aSelfHostedMetric(client);
            MetricResponse deleted = aSelfHostedMetric(client);
            SpecificationResponse spec = aSpecification(client, aProduct(client).id(), kept.id(), deleted.id());

            client.metrics().delete(deleted.id());

            assertThat(client.specifications().get(spec.id()).metricIds()).containsExactly(kept.id());
            assertThat(client.specifications().listMetrics(spec.id())).containsExactly(kept);
        }
    }

    private SpecificationResponse policy(ProductResponse product, String testType) {
        return client.specifications().create(new CreateSpecificationRequest(product.id(), "policy " + testType, "POLICY",
                testType, null, null, null));
    }

    private List<SpecificationResponse> specificationsOf(ProductResponse product) {
        return client.specifications().list(ListOptions.none().filter("productIds", product.id()));
    }

    private HttpResponse<String> post(String body) {
        return raw("POST", "/specifications", body, tenant.apiKey());
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return raw("GET", pathAndQuery, null, tenant.apiKey());
    }

    private HttpResponse<String> link(String method, SpecificationResponse spec, String... metricIds) {
        return raw(method, "/specifications/" + spec.id() + "/metrics",
                "{\"metricIds\":[" + String.join(",", Arrays.stream(metricIds).map(id -> "\"" + id + "\"").toList())
                        + "]}", tenant.apiKey());
    }

    /** The ids of {@code GET /specifications?<query>}, which must answer 200, in order. */
    private List<String> ids(String query) {
        List<String> ids = new ArrayList<>();
        assertStatus(get("/specifications?" + query), 200).values().forEach(row -> ids.add(row.get("id").stringValue()));
        return ids;
    }

    /** A specification of the same product created strictly later than {@code previous}. */
    private SpecificationResponse laterThan(SpecificationResponse previous) {
        while (true) {
            SpecificationResponse created = aSpecification(client, previous.productId());
            if (Instant.parse(created.createdAt()).isAfter(Instant.parse(previous.createdAt()))) {
                return created;
            }
            client.specifications().delete(created.id());
        }
    }
}

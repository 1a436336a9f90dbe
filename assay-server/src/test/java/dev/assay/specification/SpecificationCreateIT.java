package dev.assay.specification;

import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.Fixtures.aProduct;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateSpecificationRequest;
import dev.assay.api.MetricResponse;
import dev.assay.api.ProductResponse;
import dev.assay.api.SpecificationResponse;
import dev.assay.client.ListOptions;
import java.net.http.HttpResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** POST /specifications: the type rules and all-or-nothing creation (docs/reference/galtea-contract.md §5). */
class SpecificationCreateIT extends SpecificationApiTest {

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
    @CsvSource(value = {"ACCURACY,ACCURACY,rag", "QUALITY,ACCURACY,rag", "quality,ACCURACY,translation",
            "SECURITY,SECURITY,data_leakage", "RED_TEAMING,SECURITY,toxicity", "BEHAVIOR,BEHAVIOR,", "SCENARIOS,BEHAVIOR,",
            "behavior,BEHAVIOR,"}, nullValues = "")
    void create_policyWithTestTypeOfEitherVocabulary_emitsTheCurrentName(String sent, String emitted,
            @Nullable String variant) {
        SpecificationResponse created = client.specifications().create(new CreateSpecificationRequest(
                aProduct(client).id(), "Stays within policy", "POLICY", sent, variant, null, null));

        assertThat(created.type()).isEqualTo("POLICY");
        assertThat(created.testType()).isEqualTo(emitted);
        assertThat(created.testVariant()).isEqualTo(variant);
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
    @ValueSource(strings = {"ACCURACY", "SECURITY", "QUALITY", "RED_TEAMING"})
    void create_accuracyOrSecurityPolicyWithoutVariant_returnsBadRequest(String testType) {
        ProductResponse product = aProduct(client);

        assertThat(errorMessage(post("{\"productId\":\"" + product.id() + "\",\"description\":\"d\",\"type\":\"POLICY\""
                + ",\"testType\":\"" + testType + "\"}"), 400)).contains("testVariant");
        assertThat(errorMessage(post("{\"productId\":\"" + product.id() + "\",\"description\":\"d\",\"type\":\"POLICY\""
                + ",\"testType\":\"" + testType + "\",\"testVariant\":\" \"}"), 400)).contains("testVariant");
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

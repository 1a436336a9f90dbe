package dev.assay.metric;

import static dev.assay.testing.RawResponses.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateMetricRequest;
import dev.assay.api.MetricResponse;
import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Galtea's built-in metrics (docs/reference/metrics.md §0.1 and §12, docs/reference/galtea-contract.md
 * §4.5 and §9 item 10), present in every organization.
 */
class MetricCatalogIT extends ApiIntegrationTest {
    /** The deterministic metrics of docs/reference/metrics.md §0.1 with their required evaluation parameters. */
    static final Map<String, List<String>> DETERMINISTIC = Map.ofEntries(
            Map.entry("BLEU", List.of("actual_output", "expected_output")),
            Map.entry("ROUGE", List.of("actual_output", "expected_output")),
            Map.entry("METEOR", List.of("actual_output", "expected_output")),
            Map.entry("Text Similarity", List.of("actual_output", "expected_output")),
            Map.entry("Text Match", List.of("actual_output", "expected_output")),
            Map.entry("IOU", List.of("actual_output", "expected_output")),
            Map.entry("Spatial Match", List.of("actual_output", "expected_output")),
            Map.entry("URL Validation", List.of("actual_output")),
            Map.entry("Tool Correctness", List.of("tools_used", "expected_tools")),
            Map.entry("JSON Field Match", List.of("actual_output", "expected_output")),
            Map.entry("JSON Field Match (Normalized)", List.of("actual_output", "expected_output")));

    /** The LLM-judge metrics of docs/reference/metrics.md §12. */
    static final List<String> JUDGED = List.of("Factual Accuracy", "Resilience To Noise", "Answer Relevancy", "Faithfulness",
            "Contextual Precision", "Contextual Recall", "Contextual Relevancy", "Role Adherence",
            "Conversation Completeness", "Conversation Relevancy", "Knowledge Retention", "User Satisfaction",
            "User Objective Accomplished", "Non-Toxic", "Unbiased", "Misuse Resilience", "Data Leakage",
            "Jailbreak Resilience");

    static List<String> allBuiltInNames() {
        return Stream.concat(DETERMINISTIC.keySet().stream(), JUDGED.stream()).toList();
    }

    @Test
    void list_inANewOrganization_containsEveryBuiltInByItsExactName() {
        List<MetricResponse> metrics = client.metrics().list(ListOptions.none());

        assertThat(metrics).extracting(MetricResponse::name).containsAll(allBuiltInNames());
        assertThat(metrics).allSatisfy(metric -> assertThat(metric.organizationId()).isNull());
    }

    @Test
    void list_ofTwoOrganizations_showsTheSameBuiltIns() {
        Tenant other = newTenant();
        aSelfHostedMetricNamed("own-" + tenant.organizationId());

        List<MetricResponse> mine = builtIns(client.metrics().list(ListOptions.none()));
        List<MetricResponse> theirs = builtIns(other.client().metrics().list(ListOptions.none()));

        assertThat(mine).hasSizeGreaterThanOrEqualTo(allBuiltInNames().size()).containsExactlyElementsOf(theirs);
    }

    @Test
    void list_withoutFilter_showsOwnMetricsBesideTheBuiltInsButNoForeignOnes() {
        MetricResponse own = aSelfHostedMetricNamed("own-metric");
        Tenant other = newTenant();
        MetricResponse foreign = other.client().metrics().create(CreateMetricRequest.selfHosted("foreign-metric"));

        List<MetricResponse> metrics = client.metrics().list(ListOptions.none());

        assertThat(metrics).contains(own).extracting(MetricResponse::id).doesNotContain(foreign.id());
        assertThat(metrics).filteredOn(metric -> metric.organizationId() != null)
                .containsExactly(own);
    }

    @Test
    void deterministicBuiltIns_haveSourceDeterministicAndTheirEvaluationParameters() {
        Map<String, MetricResponse> byName = byName(client.metrics().list(ListOptions.none()));

        DETERMINISTIC.forEach((name, parameters) -> {
            MetricResponse metric = byName.get(name);
            assertThat(metric.source()).as(name).isEqualTo("DETERMINISTIC");
            assertThat(metric.evaluationParams()).as(name).containsExactlyInAnyOrderElementsOf(parameters);
        });
    }

    @Test
    void judgedBuiltIns_haveAJudgeSourceAndReadTheirInputs() {
        Map<String, MetricResponse> byName = byName(client.metrics().list(ListOptions.none()));

        JUDGED.forEach(name -> {
            MetricResponse metric = byName.get(name);
            assertThat(metric.source()).as(name).isIn("GEVAL", "DEEPEVAL");
            assertThat(metric.evaluationParams()).as(name).isNotEmpty();
        });
        assertThat(byName.get("Misuse Resilience").evaluationParams()).containsExactlyInAnyOrder("input", "actual_output",
                "product_description", "product_capabilities", "product_inabilities", "product_security_boundaries");
    }

    @ParameterizedTest
    @MethodSource("allBuiltInNames")
    void get_builtInById_returnsIt(String name) {
        MetricResponse listed = byName(client.metrics().list(ListOptions.none())).get(name);

        assertThat(client.metrics().get(listed.id())).isEqualTo(listed);
    }

    @Test
    void get_builtInById_fromAnotherOrganization_returnsTheSameMetric() {
        MetricResponse bleu = client.metrics().getByName("BLEU").orElseThrow();

        assertThat(newTenant().client().metrics().get(bleu.id())).isEqualTo(bleu);
    }

    @Test
    void getByName_builtInName_returnsExactlyThatMetric() {
        List<MetricResponse> found = client.metrics().list(ListOptions.none().filter("names", "Factual Accuracy"));

        assertThat(found).singleElement().satisfies(metric -> {
            assertThat(metric.name()).isEqualTo("Factual Accuracy");
            assertThat(metric.organizationId()).isNull();
        });
    }

    @Test
    void getByName_nameWithParentheses_returnsThatMetricOnly() {
        assertThat(client.metrics().getByName("JSON Field Match (Normalized)"))
                .hasValueSatisfying(metric -> assertThat(metric.name()).isEqualTo("JSON Field Match (Normalized)"));
        assertThat(client.metrics().list(ListOptions.none().filter("names", "JSON Field Match")))
                .extracting(MetricResponse::name).containsExactly("JSON Field Match");
    }

    @Test
    void list_rawJson_emitsEveryMetricFieldWithNullOrganizationForBuiltIns() {
        JsonNode body = assertStatus(raw("GET", "/metrics?names=BLEU", null, tenant.apiKey()), 200);

        assertThat(body.isArray()).isTrue();
        JsonNode bleu = body.get(0);
        assertThat(bleu.propertyNames()).contains("id", "name", "source", "evaluationParams", "judgePrompt",
                "evaluatorModelName", "description", "documentationUrl", "tags", "legacyAt", "organizationId", "userId",
                "createdAt", "deletedAt");
        assertThat(bleu.get("organizationId").isNull()).isTrue();
        assertThat(bleu.get("id").stringValue()).matches("metric_[a-z2-7]{26}");
    }

    private MetricResponse aSelfHostedMetricNamed(String name) {
        return client.metrics().create(CreateMetricRequest.selfHosted(name));
    }

    private static List<MetricResponse> builtIns(List<MetricResponse> metrics) {
        return metrics.stream().filter(metric -> metric.organizationId() == null).toList();
    }

    private static Map<String, MetricResponse> byName(List<MetricResponse> metrics) {
        return metrics.stream().collect(Collectors.toMap(MetricResponse::name, Function.identity()));
    }
}

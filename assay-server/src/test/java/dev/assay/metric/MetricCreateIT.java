package dev.assay.metric;

import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateMetricRequest;
import dev.assay.api.MetricResponse;
import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** POST /metrics (docs/reference/galtea-contract.md §4.2–4.4, §9.10–9.11). */
class MetricCreateIT extends ApiIntegrationTest {

    @Nested
    class Sources {

        @Test
        void create_selfHosted_returnsCreatedMetricOfTheOrganization() {
            Instant before = Instant.now().minusSeconds(1);
            HttpResponse<String> response = post("{\"name\":\"Refund accuracy\",\"source\":\"SELF_HOSTED\","
                    + "\"description\":\"scored by our pipeline\",\"tags\":[\"refunds\",\"prod\"],"
                    + "\"documentationUrl\":\"https://example.com/metric\"}");

            JsonNode body = assertStatus(response, 201);
            assertThat(body.get("id").stringValue()).matches("metric_[a-z2-7]{26}");
            assertThat(response.headers().firstValue("Location")).hasValue("/metrics/" + body.get("id").stringValue());
            assertThat(body.get("name").stringValue()).isEqualTo("Refund accuracy");
            assertThat(body.get("source").stringValue()).isEqualTo("SELF_HOSTED");
            assertThat(body.get("organizationId").stringValue()).isEqualTo(tenant.organizationId());
            assertThat(body.get("description").stringValue()).isEqualTo("scored by our pipeline");
            assertThat(body.get("documentationUrl").stringValue()).isEqualTo("https://example.com/metric");
            assertThat(strings(body.get("tags"))).containsExactly("refunds", "prod");
            assertThat(Instant.parse(body.get("createdAt").stringValue())).isAfter(before);
            assertThat(body.get("deletedAt").isNull()).isTrue();
            assertThat(body.get("legacyAt").isNull()).isTrue();
        }

        @Test
        void create_selfHosted_emitsEmptyEvaluationParamsAndUserGroupIds() {
            JsonNode body = assertStatus(post("{\"name\":\"plain\",\"source\":\"SELF_HOSTED\"}"), 201);

            assertThat(body.get("evaluationParams").isArray()).isTrue();
            assertThat(body.get("evaluationParams").isEmpty()).isTrue();
            assertThat(body.get("userGroupIds").isArray()).isTrue();
            assertThat(body.get("userGroupIds").isEmpty()).isTrue();
            assertThat(body.get("tags").isArray()).isTrue();
        }

        @Test
        void create_partialPrompt_keepsPromptModelAndParameters() {
            MetricResponse metric = client.metrics().create(new CreateMetricRequest("Politeness", "PARTIAL_PROMPT",
                    List.of("input", "actual_output", "retrieval_context"), "Score 1 if polite.", "GPT-4.1", null, null,
                    null, null));

            assertThat(metric.source()).isEqualTo("PARTIAL_PROMPT");
            assertThat(metric.evaluationParams()).containsExactly("input", "actual_output", "retrieval_context");
            assertThat(metric.judgePrompt()).isEqualTo("Score 1 if polite.");
            assertThat(metric.evaluatorModelName()).isEqualTo("GPT-4.1");
            assertThat(client.metrics().get(metric.id())).isEqualTo(metric);
        }

        @Test
        void create_partialPromptWithoutModel_returnsBadRequest() {
            assertThat(errorMessage(post("{\"name\":\"judge\",\"source\":\"PARTIAL_PROMPT\","
                    + "\"evaluationParams\":[\"input\"],\"judgePrompt\":\"Score it.\"}"), 400)).contains("evaluatorModelName");
            assertNotCreated("judge");
        }

        @Test
        void create_partialPromptWithoutJudgePrompt_returnsBadRequest() {
            assertThat(errorMessage(post("{\"name\":\"judge\",\"source\":\"PARTIAL_PROMPT\","
                    + "\"evaluationParams\":[\"input\"],\"evaluatorModelName\":\"GPT-4.1\"}"), 400)).contains("judgePrompt");
            assertNotCreated("judge");
        }

        @Test
        void create_humanEvaluation_keepsTheGivenUserGroups() {
            MetricResponse metric = client.metrics().create(new CreateMetricRequest("Tone review", "HUMAN_EVALUATION", null,
                    null, null, null, null, null, List.of("group-a", "group-b")));

            assertThat(metric.source()).isEqualTo("HUMAN_EVALUATION");
            assertThat(metric.userGroupIds()).containsExactly("group-a", "group-b");
            assertThat(metric.evaluationParams()).isEmpty();
        }

        @Test
        void create_humanEvaluationWithoutUserGroups_emitsEmptyUserGroupIds() {
            assertThat(client.metrics().create(CreateMetricRequest.humanEvaluation("Tone review")).userGroupIds()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"self_hosted", "Self_Hosted", "SELF_HOSTED", " self_hosted "})
        void create_sourceInAnyCase_isEmittedUpperCase(String source) {
            JsonNode body = assertStatus(post("{\"name\":\"cased\",\"source\":\"" + source + "\"}"), 201);

            assertThat(body.get("source").stringValue()).isEqualTo("SELF_HOSTED");
        }

        @Test
        void create_lowerCasePartialPromptAndHuman_areAccepted() {
            assertThat(assertStatus(post("{\"name\":\"judge\",\"source\":\"partial_prompt\",\"evaluationParams\":[\"input\"],"
                    + "\"judgePrompt\":\"Score it.\",\"evaluatorModelName\":\"gpt-4.1\"}"), 201).get("source").stringValue())
                    .isEqualTo("PARTIAL_PROMPT");
            assertThat(assertStatus(post("{\"name\":\"people\",\"source\":\"human_evaluation\"}"), 201)
                    .get("source").stringValue()).isEqualTo("HUMAN_EVALUATION");
        }

        @Test
        void create_withoutSourceOrJudgePrompt_infersSelfHosted() {
            assertThat(assertStatus(post("{\"name\":\"inferred\"}"), 201).get("source").stringValue()).isEqualTo("SELF_HOSTED");
        }

        @Test
        void create_withoutSourceButJudgePromptAndParameters_infersPartialPrompt() {
            JsonNode body = assertStatus(post("{\"name\":\"inferred\",\"judgePrompt\":\"Score it.\","
                    + "\"evaluationParams\":[\"input\",\"actual_output\"],\"evaluatorModelName\":\"GPT-4.1\"}"), 201);

            assertThat(body.get("source").stringValue()).isEqualTo("PARTIAL_PROMPT");
            assertThat(strings(body.get("evaluationParams"))).containsExactly("input", "actual_output");
        }

        @Test
        void create_withoutSourceWithJudgePromptButNoParameters_returnsBadRequest() {
            assertThat(errorMessage(post("{\"name\":\"full\",\"judgePrompt\":\"Score it.\",\"evaluatorModelName\":\"GPT-4.1\"}"),
                    400)).contains("evaluationParams");
            assertThat(errorMessage(post("{\"name\":\"full\",\"judgePrompt\":\"Score it.\",\"evaluationParams\":[],"
                    + "\"evaluatorModelName\":\"GPT-4.1\"}"), 400)).contains("evaluationParams");
            assertNotCreated("full");
        }

        @ParameterizedTest
        @ValueSource(strings = {"DETERMINISTIC", "DEEPEVAL", "GEVAL", "FULL_PROMPT", "CLASSIFIER", "full_prompt", "geval"})
        void create_withSourceUsersCannotCreate_returnsBadRequest(String source) {
            String message = errorMessage(post("{\"name\":\"reserved\",\"source\":\"" + source + "\","
                    + "\"evaluationParams\":[\"input\"],\"judgePrompt\":\"Score it.\",\"evaluatorModelName\":\"GPT-4.1\"}"), 400);

            assertThat(message).containsIgnoringCase("source");
            assertNotCreated("reserved");
        }

        @Test
        void create_withUnknownSource_returnsBadRequest() {
            assertThat(errorMessage(post("{\"name\":\"odd\",\"source\":\"MAGIC\"}"), 400)).contains("MAGIC");
            assertNotCreated("odd");
        }
    }

    @Nested
    class Validation {

        @ParameterizedTest
        @ValueSource(strings = {"Input", "actual-output", "tools", ""})
        void create_withUnknownEvaluationParameter_returnsBadRequestNamingIt(String parameter) {
            String message = errorMessage(post("{\"name\":\"judge\",\"source\":\"PARTIAL_PROMPT\",\"judgePrompt\":\"Score it.\","
                    + "\"evaluatorModelName\":\"GPT-4.1\",\"evaluationParams\":[\"input\",\"" + parameter + "\"]}"), 400);

            assertThat(message).contains("evaluationParams", "'" + parameter + "'");
            assertNotCreated("judge");
        }

        @Test
        void create_withEveryDocumentedEvaluationParameter_acceptsThem() {
            List<String> all = List.of("input", "actual_output", "expected_output", "context", "retrieval_context", "traces",
                    "expected_tools", "tools_used", "product_description", "product_capabilities", "product_inabilities",
                    "product_security_boundaries", "user_persona", "goal", "scenario", "stopping_criterias",
                    "conversation_turns");

            MetricResponse metric = client.metrics().create(new CreateMetricRequest("everything", "PARTIAL_PROMPT", all,
                    "Score it.", "GPT-4.1", null, null, null, null));

            assertThat(metric.evaluationParams()).containsExactlyElementsOf(all);
        }

        @Test
        void create_withMoreThanTwentyEvaluationParameters_returnsBadRequest() {
            String params = String.join(",", Collections.nCopies(21, "\"input\""));

            errorMessage(post("{\"name\":\"many\",\"source\":\"PARTIAL_PROMPT\",\"judgePrompt\":\"Score it.\","
                    + "\"evaluatorModelName\":\"GPT-4.1\",\"evaluationParams\":[" + params + "]}"), 400);
            assertNotCreated("many");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"name\":\"\"}", "{\"name\":\"   \"}", "{\"name\":null}", "{\"name\":42}",
                "{\"name\":\"x\",\"tags\":\"a\"}", "{\"name\":\"x\",\"evaluationParams\":\"input\"}",
                "{\"name\":\"x\",\"source\":7}", "[]"})
        void create_withInvalidBody_returnsBadRequest(String body) {
            errorMessage(post(body), 400);
            assertThat(ownMetrics()).isEmpty();
        }

        @Test
        void create_withNameOver200Characters_returnsBadRequest() {
            errorMessage(post("{\"name\":\"" + "n".repeat(201) + "\"}"), 400);
            assertThat(ownMetrics()).isEmpty();
        }
    }

    @Nested
    class DuplicateNames {

        @Test
        void create_withNameTakenInTheOrganization_returnsBadRequestWithTheSame() {
            client.metrics().create(CreateMetricRequest.selfHosted("Refund accuracy"));

            assertThat(errorMessage(post("{\"name\":\"Refund accuracy\"}"), 400)).contains("with the same");
            assertThat(ownMetrics()).hasSize(1);
        }

        @Test
        void create_withNameTakenInAnotherCase_returnsBadRequest() {
            client.metrics().create(CreateMetricRequest.selfHosted("Refund accuracy"));

            assertThat(errorMessage(post("{\"name\":\"REFUND ACCURACY\",\"source\":\"HUMAN_EVALUATION\"}"), 400))
                    .contains("with the same");
            assertThat(ownMetrics()).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"BLEU", "bleu", "Bleu", "Factual Accuracy", "factual accuracy", "NON-TOXIC", "text_similarity",
                "JSON Field Match (Normalized)"})
        void create_withBuiltInName_returnsBadRequest(String name) {
            assertThat(errorMessage(post("{\"name\":\"" + name + "\"}"), 400)).contains("with the same");
            assertThat(ownMetrics()).isEmpty();
        }

        @Test
        void create_withNameOfAnotherOrganizationsMetric_isAllowed() {
            newTenant().client().metrics().create(CreateMetricRequest.selfHosted("Shared name"));

            assertThat(client.metrics().create(CreateMetricRequest.selfHosted("Shared name")).organizationId())
                    .isEqualTo(tenant.organizationId());
        }

        @Test
        void create_withNameOfADeletedMetric_isAllowed() {
            MetricResponse deleted = client.metrics().create(CreateMetricRequest.selfHosted("Reused"));
            client.metrics().delete(deleted.id());

            MetricResponse again = client.metrics().create(CreateMetricRequest.selfHosted("Reused"));

            assertThat(again.id()).isNotEqualTo(deleted.id());
        }

        @Test
        void create_sameNameConcurrently_createsOnlyOne() throws Exception {
            String name = "race-" + UUID.randomUUID();

            List<Integer> statuses = concurrently(Collections.nCopies(6, name));

            assertThat(statuses).containsOnly(201, 400).filteredOn(status -> status == 201).hasSize(1);
            assertThat(ownMetrics()).hasSize(1);
        }

        @Test
        void create_namesDifferingOnlyInCaseConcurrently_createsOnlyOne() throws Exception {
            for (int round = 0; round < 5; round++) {
                String name = "race-" + round;

                List<Integer> statuses = concurrently(List.of(name, name.toUpperCase(Locale.ROOT), "Race-" + round,
                        "RACE-" + round, "rAcE-" + round, "raCe-" + round));

                assertThat(statuses).as("round %d", round).containsOnly(201, 400).filteredOn(status -> status == 201).hasSize(1);
            }
            assertThat(ownMetrics()).hasSize(5);
        }
    }

    /** Creates a self-hosted metric of each name at the same moment; answers the statuses in order. */
    private List<Integer> concurrently(List<String> names) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(names.size());
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (String name : names) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return post("{\"name\":\"" + name + "\"}").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            executor.shutdownNow();
        }
    }

    private HttpResponse<String> post(String body) {
        return raw("POST", "/metrics", body, tenant.apiKey());
    }

    private List<MetricResponse> ownMetrics() {
        return client.metrics().list(ListOptions.none()).stream().filter(metric -> metric.organizationId() != null).toList();
    }

    private void assertNotCreated(String name) {
        assertThat(client.metrics().list(ListOptions.none().filter("names", name))).isEmpty();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::stringValue).toList();
    }
}

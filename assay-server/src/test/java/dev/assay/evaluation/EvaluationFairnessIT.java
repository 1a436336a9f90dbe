package dev.assay.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateMetricRequest;
import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.CreateTestRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.client.AssayClient;
import dev.assay.metric.MetricDefinition;
import dev.assay.testing.ApiIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.TestPropertySource;

/**
 * The workers under inputs that take long. One organization's poisoned and slow inputs do not hold
 * up another organization: texts over the size limit fail unread, texts whose Text Similarity
 * outlives the CPU-time budget are stopped and fail, and while a backlog of those keeps both
 * worker threads busy, another organization's evaluations are claimed in the next batch and finish
 * within seconds. And a scorer that works for several leases keeps its claim through the heartbeat:
 * the evaluation is scored once, not claimed again.
 */
@Import(EvaluationFairnessIT.SlowScorerConfiguration.class)
@TestPropertySource(properties = {
    "assay.data-dir=target/it-data-fairness",
    "assay.evaluation.worker.threads=2",
    "assay.evaluation.worker.lease=1s",
    "assay.evaluation.worker.heartbeat=200ms",
    "assay.evaluation.worker.score-budget=1s",
    "assay.evaluation.worker.max-text-length=100000",
    "assay.evaluation.worker.poll-interval=20ms"
})
class EvaluationFairnessIT extends ApiIntegrationTest {
    private static final int SLOW_TEXT = 60_000;

    @Test
    void poisonedAndSlowBacklog_ofOneOrganization_doesNotDelayAnotherOrganizationsEvaluations() {
        Random random = new Random(9);
        String huge = randomText(random, 1_000_000);
        EvaluationResponse poisoned = evaluate(client, huge, huge, "Text Similarity").getFirst();
        List<String> slow = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            slow.add(evaluate(client, randomText(random, SLOW_TEXT), randomText(random, SLOW_TEXT), "Text Similarity")
                    .getFirst().id());
        }

        AssayClient other = newTenant().client();
        List<String> prompt = evaluate(other, "Refunds are accepted within 30 days.", "Refunds are possible within 30 days.",
                "BLEU", "ROUGE", "METEOR", "Text Similarity", "Text Match").stream().map(EvaluationResponse::id).toList();

        List<EvaluationResponse> done = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> prompt.stream().map(id -> other.evaluations().get(id)).toList(),
                        evaluations -> evaluations.stream().noneMatch(evaluation -> evaluation.status().equals("PENDING")));
        long stillQueued = slow.stream().filter(id -> client.evaluations().get(id).status().equals("PENDING")).count();

        assertThat(done).allSatisfy(evaluation -> assertThat(evaluation.status()).isEqualTo("SUCCESS"));
        assertThat(stillQueued).as("the other organization finished while the slow backlog was still queued").isPositive();

        EvaluationResponse poisonedResult = client.evaluations().get(poisoned.id());
        assertThat(poisonedResult.status()).isEqualTo("FAILED");
        assertThat(poisonedResult.error()).isEqualTo("Cannot evaluate: the actual output is longer than the limit for scored texts");
        EvaluationResponse slowResult = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.evaluations().get(slow.getFirst()), evaluation -> !evaluation.status().equals("PENDING"));
        assertThat(slowResult.status()).isEqualTo("FAILED");
        assertThat(slowResult.error()).startsWith("Text Similarity used more than its CPU-time budget of 1000 ms per score");
        assertThat(slowResult.canRetry()).isTrue();

        // Leave no backlog burning the workers of this shared context.
        slow.forEach(id -> client.evaluations().delete(id));
    }

    @Test
    void scorerBusyForThreeLeases_withItsHeartbeat_isNotClaimedAgain_andScoresOnce() {
        String metricName = "slow-" + UUID.randomUUID();
        client.metrics().create(new CreateMetricRequest(metricName, "PARTIAL_PROMPT", List.of("actual_output"),
                "Rate the answer.", "test-model", null, null, null, null));
        EvaluationResponse evaluation = evaluate(client, "a", "b", metricName).getFirst();

        EvaluationResponse done = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.evaluations().get(evaluation.id()), each -> !each.status().equals("PENDING"));

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(SlowScorer.calls.get(metricName)).hasValue(1);
    }

    /** Takes three leases (3 s) to score a metric named {@code slow-...}, counting its calls per metric. */
    static final class SlowScorer implements Scorer {
        static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public boolean supports(MetricDefinition metric) {
            return metric.name().startsWith("slow-");
        }

        @Override
        public ScoreOutcome score(MetricDefinition metric, EvaluationInput input) {
            calls.computeIfAbsent(metric.name(), name -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new ScoreOutcome.Scored(1.0, "slow but sure", 0);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SlowScorerConfiguration {
        @Bean
        @Order(0)
        Scorer slowScorer() {
            return new SlowScorer();
        }
    }

    /** One turn with {@code actualOutput}, its test case expecting {@code expectedOutput}, evaluated with {@code metrics}. */
    private static List<EvaluationResponse> evaluate(AssayClient client, String actualOutput, String expectedOutput,
            String... metrics) {
        String productId = client.products().create(CreateProductRequest.named("product-" + UUID.randomUUID())).id();
        String versionId = client.versions().create(CreateVersionRequest.named(productId, "v1")).id();
        String testId = client.tests().create(CreateTestRequest.forProduct(productId, "test-" + UUID.randomUUID(), "ACCURACY")
                .build()).id();
        String testCaseId = client.testCases().create(CreateTestCaseRequest.forTest(testId).input("q")
                .expectedOutput(expectedOutput).build()).id();
        String sessionId = client.sessions().create(new CreateSessionRequest(versionId, null, null, testCaseId, null, null,
                null, null)).id();
        String turnId = client.inferenceResults().create(CreateInferenceResultRequest.forSession(sessionId).input("q")
                .actualOutput(actualOutput).build()).id();
        return client.evaluations().createFromInferenceResult(turnId, List.of(metrics).stream().map(EvaluationMetric::named)
                .toList(), null);
    }

    /** Random lower-case words: no common prefix or suffix to trim, a full quadratic comparison. */
    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(random.nextInt(8) == 0 ? ' ' : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}

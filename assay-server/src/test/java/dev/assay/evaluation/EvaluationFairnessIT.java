package dev.assay.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateMetricRequest;
import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.CreateTestRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
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
        "assay.evaluation.worker.max-text-length=400000",
        "assay.evaluation.worker.poll-interval=20ms"
})
class EvaluationFairnessIT extends ApiIntegrationTest {
    private static final int SLOW_TEXT = 100_000;

    @Test
    void poisonedAndSlowBacklog_ofOneOrganization_doesNotDelayAnotherOrganizationsEvaluations() {
        Random random = new Random(9);
        String huge = randomText(random, 1_000_000);
        EvaluationResponse poisoned = evaluate(client, huge, huge, "Text Similarity").getFirst();
        EvaluationResponse overBudget = evaluate(client, randomText(random, 400_000), randomText(random, 400_000),
                "Text Similarity").getFirst();
        // 80 turns whose Text Similarity takes about a quarter of a second each: seconds of work for both threads.
        List<String> slow = slowBacklog(client, random, 80);

        AssayClient other = newTenant().client();
        List<String> prompt = evaluate(other, "Refunds are accepted within 30 days.", "Refunds are possible within 30 days.",
                "BLEU", "ROUGE", "METEOR", "Text Similarity", "Text Match").stream().map(EvaluationResponse::id).toList();

        // Generous for a loaded machine: what shows fairness is that the backlog is still queued then.
        List<EvaluationResponse> done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> prompt.stream().map(id -> other.evaluations().get(id)).toList(),
                        evaluations -> evaluations.stream().noneMatch(evaluation -> evaluation.status().equals("PENDING")));
        long stillQueued = slow.stream().filter(id -> client.evaluations().get(id).status().equals("PENDING")).count();

        assertThat(done).allSatisfy(evaluation -> assertThat(evaluation.status()).isEqualTo("SUCCESS"));
        assertThat(stillQueued).as("the other organization finished while the slow backlog was still queued").isPositive();

        EvaluationResponse poisonedResult = client.evaluations().get(poisoned.id());
        assertThat(poisonedResult.status()).isEqualTo("FAILED");
        assertThat(poisonedResult.error()).isEqualTo("Cannot evaluate: the actual output is longer than the limit for scored texts");
        EvaluationResponse overBudgetResult = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.evaluations().get(overBudget.id()), evaluation -> !evaluation.status().equals("PENDING"));
        assertThat(overBudgetResult.status()).isEqualTo("FAILED");
        assertThat(overBudgetResult.error()).startsWith("Text Similarity used more than its CPU-time budget of 1000 ms per score");
        assertThat(overBudgetResult.canRetry()).isTrue();

        // Leave no backlog burning the workers of this shared context.
        slow.forEach(id -> client.evaluations().delete(id));
    }

    /** {@code turns} turns of one session, each evaluated with Text Similarity on 100,000-character texts. */
    private static List<String> slowBacklog(AssayClient client, Random random, int turns) {
        String sessionId = sessionExpecting(client, randomText(random, SLOW_TEXT));
        List<String> ids = new ArrayList<>();
        for (int start = 0; start < turns; start += 20) {
            List<ConversationTurn> messages = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                messages.add(ConversationTurn.user("q"));
                messages.add(ConversationTurn.assistant(randomText(random, SLOW_TEXT)));
            }
            for (InferenceResultResponse turn : client.inferenceResults().createBatch(sessionId, messages)) {
                ids.add(client.evaluations().createFromInferenceResult(turn.id(), List.of(EvaluationMetric.named("Text Similarity")),
                        null).getFirst().id());
            }
        }
        return ids;
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
        String sessionId = sessionExpecting(client, expectedOutput);
        String turnId = client.inferenceResults().create(CreateInferenceResultRequest.forSession(sessionId).input("q")
                .actualOutput(actualOutput).build()).id();
        return client.evaluations().createFromInferenceResult(turnId, List.of(metrics).stream().map(EvaluationMetric::named)
                .toList(), null);
    }

    /** A new session whose test case expects {@code expectedOutput}. */
    private static String sessionExpecting(AssayClient client, String expectedOutput) {
        String productId = client.products().create(CreateProductRequest.named("product-" + UUID.randomUUID())).id();
        String versionId = client.versions().create(CreateVersionRequest.named(productId, "v1")).id();
        String testId = client.tests().create(CreateTestRequest.forProduct(productId, "test-" + UUID.randomUUID(), "ACCURACY")
                .build()).id();
        String testCaseId = client.testCases().create(CreateTestCaseRequest.forTest(testId).input("q")
                .expectedOutput(expectedOutput).build()).id();
        return client.sessions().create(new CreateSessionRequest(versionId, null, null, testCaseId, null, null,
                null, null)).id();
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

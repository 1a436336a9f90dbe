package dev.assay.evaluation;

import static dev.assay.testing.Fixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateMetricRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.metric.MetricDefinition;
import dev.assay.testing.ApiIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Passing failures of a scorer: the worker retries with backoff up to the configured attempts,
 * then ends FAILED with canRetry, and a retry request grants another round. The scorer is a test
 * scorer plugged in through the same interface as the metric library and the judge.
 */
@Import(TransientFailureIT.FlakyScorerConfiguration.class)
@TestPropertySource(properties = {
        // A context of its own needs a data directory of its own.
        "assay.data-dir=target/it-data-transient",
        "assay.evaluation.worker.max-attempts=3",
        "assay.evaluation.worker.backoff=50ms",
        "assay.evaluation.worker.poll-interval=20ms"
})
class TransientFailureIT extends ApiIntegrationTest {

    @Test
    void scorerFailingTwice_isRetriedWithBackoff_andSucceedsOnTheThirdAttempt() {
        EvaluationResponse evaluation = evaluateWith("flaky-2-" + UUID.randomUUID());

        EvaluationResponse done = awaitFinal(evaluation.id());

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.score()).isEqualTo(0.5);
        assertThat(FlakyScorer.calls.get(done.metricId())).hasValue(3);
    }

    @Test
    void scorerAlwaysFailing_endsFailedAfterMaxAttempts_andARetryGrantsAnotherRound() {
        EvaluationResponse evaluation = evaluateWith("flaky-99-" + UUID.randomUUID());

        EvaluationResponse failed = awaitFinal(evaluation.id());
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.error()).contains("gave up after 3 attempts");
        assertThat(failed.canRetry()).isTrue();
        assertThat(FlakyScorer.calls.get(failed.metricId())).hasValue(3);

        assertThat(client.evaluations().retry(List.of(failed.id())).retried()).isEqualTo(1);
        EvaluationResponse failedAgain = awaitFinal(failed.id());

        assertThat(failedAgain.status()).isEqualTo("FAILED");
        assertThat(failedAgain.retriesAttempted()).isEqualTo(1);
        assertThat(FlakyScorer.calls.get(failed.metricId())).hasValue(6);
    }

    private EvaluationResponse evaluateWith(String metricName) {
        client.metrics().create(new CreateMetricRequest(metricName, "PARTIAL_PROMPT", List.of("actual_output"),
                "Rate the answer.", "test-model", null, null, null, null));
        String turnId = client.inferenceResults()
                .create(CreateInferenceResultRequest.forSession(aSession(client).id()).input("q").actualOutput("a").build())
                .id();
        return client.evaluations().createFromInferenceResult(turnId, List.of(EvaluationMetric.named(metricName)), null).getFirst();
    }

    private EvaluationResponse awaitFinal(String evaluationId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.evaluations().get(evaluationId), evaluation -> !evaluation.status().equals("PENDING"));
    }

    /** Fails the first N calls per metric, N read from the metric's name {@code flaky-N-...}. */
    static final class FlakyScorer implements Scorer {
        static final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public boolean supports(MetricDefinition metric) {
            return metric.name().startsWith("flaky-");
        }

        @Override
        public ScoreOutcome score(MetricDefinition metric, EvaluationInput input) {
            String wireId = Ids.format(IdKind.METRIC, metric.id());
            int call = calls.computeIfAbsent(wireId, id -> new AtomicInteger()).incrementAndGet();
            int failures = Integer.parseInt(metric.name().split("-")[1]);
            if (call <= failures) {
                throw new IllegalStateException("provider unavailable (call " + call + ")");
            }
            return new ScoreOutcome.Scored(0.5, "scored on call " + call, 0);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyScorerConfiguration {
        @Bean
        @Order(0)
        Scorer flakyScorer() {
            return new FlakyScorer();
        }
    }
}

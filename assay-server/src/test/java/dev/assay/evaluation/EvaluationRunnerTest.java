package dev.assay.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The runner that picks a scorer for a metric and turns every way it ends into a {@link ScoreOutcome}. */
class EvaluationRunnerTest {
    private static final EvaluationInput INPUT = new EvaluationInput("question", "answer", "expected", null, null, null,
            null, null, null, null, null, null, null, null, null, List.of(new EvaluationInput.Turn("question", "answer")));

    @Test
    void run_withSeveralScorers_usesTheFirstThatSupportsTheMetric() {
        FakeScorer other = FakeScorer.answering(metric -> metric.name().equals("Other"), new ScoreOutcome.Scored(0.1, "other", 0));
        FakeScorer supporting = FakeScorer.answering(metric -> metric.name().equals("BLEU"), new ScoreOutcome.Scored(0.7, "bleu", 0));
        FakeScorer later = FakeScorer.answering(metric -> true, new ScoreOutcome.Scored(0.2, "later", 0));
        EvaluationRunner runner = new EvaluationRunner(List.of(other, supporting, later));

        ScoreOutcome outcome = runner.run(metric("BLEU", MetricSource.DETERMINISTIC), INPUT);

        assertThat(outcome).isEqualTo(new ScoreOutcome.Scored(0.7, "bleu", 0));
        assertThat(other.scored).isEmpty();
        assertThat(later.scored).isEmpty();
    }

    @Test
    void run_withSupportingScorer_passesTheMetricAndInputThrough() {
        FakeScorer scorer = FakeScorer.answering(metric -> true, new ScoreOutcome.Skipped("Missing expected_output", true));
        MetricDefinition metric = metric("ROUGE", MetricSource.DETERMINISTIC);

        ScoreOutcome outcome = new EvaluationRunner(List.of(scorer)).run(metric, INPUT);

        assertThat(outcome).isEqualTo(new ScoreOutcome.Skipped("Missing expected_output", true));
        assertThat(scorer.scored).containsExactly(metric);
        assertThat(scorer.inputs).containsExactly(INPUT);
    }

    @Test
    void run_whenScorerThrows_returnsRetryableNamingTheMetricAndTheError() {
        Scorer throwing = new Scorer() {
            @Override
            public boolean supports(MetricDefinition metric) {
                return true;
            }

            @Override
            public ScoreOutcome score(MetricDefinition metric, EvaluationInput input) {
                throw new IllegalStateException("provider timed out");
            }
        };

        ScoreOutcome outcome = new EvaluationRunner(List.of(throwing)).run(metric("Factual Accuracy", MetricSource.GEVAL), INPUT);

        assertThat(outcome).isInstanceOfSatisfying(ScoreOutcome.Retryable.class,
                retryable -> assertThat(retryable.error()).contains("Factual Accuracy", "provider timed out"));
    }

    @Test
    void run_withNoScorerForAJudgedMetric_returnsRetryableSkipNamingTheJudgeSettings() {
        FakeScorer deterministicOnly = FakeScorer.answering(
                metric -> metric.source() == MetricSource.DETERMINISTIC, new ScoreOutcome.Scored(1, "x", 0));
        EvaluationRunner runner = new EvaluationRunner(List.of(deterministicOnly));

        for (MetricSource judged : List.of(MetricSource.GEVAL, MetricSource.DEEPEVAL, MetricSource.PARTIAL_PROMPT,
                MetricSource.FULL_PROMPT)) {
            ScoreOutcome outcome = runner.run(metric("Judged", judged), INPUT);

            assertThat(outcome).as("source %s", judged).isInstanceOfSatisfying(ScoreOutcome.Skipped.class, skipped -> {
                assertThat(skipped.canRetry()).isTrue();
                assertThat(skipped.message()).contains("ASSAY_JUDGE_BASE_URL");
            });
        }
        assertThat(deterministicOnly.scored).isEmpty();
    }

    @Test
    void run_withNoScorerForAMetricNoJudgeScores_returnsFinalFailure() {
        EvaluationRunner runner = new EvaluationRunner(List.of());

        for (MetricSource unscored : List.of(MetricSource.DETERMINISTIC, MetricSource.SELF_HOSTED,
                MetricSource.HUMAN_EVALUATION, MetricSource.CLASSIFIER)) {
            ScoreOutcome outcome = runner.run(metric("Unscorable", unscored), INPUT);

            assertThat(outcome).as("source %s", unscored).isInstanceOfSatisfying(ScoreOutcome.Failed.class, failed -> {
                assertThat(failed.canRetry()).isFalse();
                assertThat(failed.error()).contains("Unscorable", unscored.name());
            });
        }
    }

    @Test
    void run_withNoScorers_neverThrows() {
        assertThat(new EvaluationRunner(List.of()).run(metric("BLEU", MetricSource.DETERMINISTIC), INPUT)).isNotNull();
    }

    private static MetricDefinition metric(String name, MetricSource source) {
        return new MetricDefinition(UUID.randomUUID(), null, name, source, List.of("actual_output"), null, null, null, null,
                List.of(), List.of(), null, null, Instant.parse("2026-01-01T00:00:00Z"), null);
    }

    /** A scorer that supports the metrics matching a predicate and always answers the same outcome. */
    private static final class FakeScorer implements Scorer {
        private final Predicate<MetricDefinition> supported;
        private final ScoreOutcome outcome;
        private final List<MetricDefinition> scored = new ArrayList<>();
        private final List<EvaluationInput> inputs = new ArrayList<>();

        private FakeScorer(Predicate<MetricDefinition> supported, ScoreOutcome outcome) {
            this.supported = supported;
            this.outcome = outcome;
        }

        static FakeScorer answering(Predicate<MetricDefinition> supported, ScoreOutcome outcome) {
            return new FakeScorer(supported, outcome);
        }

        @Override
        public boolean supports(MetricDefinition metric) {
            return supported.test(metric);
        }

        @Override
        public ScoreOutcome score(MetricDefinition metric, EvaluationInput input) {
            scored.add(metric);
            inputs.add(input);
            return outcome;
        }
    }
}

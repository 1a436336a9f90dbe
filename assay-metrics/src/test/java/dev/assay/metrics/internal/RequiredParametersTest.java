package dev.assay.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RequiredParametersTest {

    private static final MetricResult SCORED = new MetricResult.Scored(0.5, "scored");

    @Nested
    class ScoreOutputs {

        @Test
        void scoreOutputs_bothPresent_passesActualThenExpectedToScorer() {
            MetricResult result = RequiredParameters.scoreOutputs(MetricInput.ofOutputs("actual", "expected"), "Metric",
                    (actual, expected) -> new MetricResult.Scored(1.0, actual + "|" + expected));

            assertThat(result).isEqualTo(new MetricResult.Scored(1.0, "actual|expected"));
        }

        @Test
        void scoreOutputs_nullAndEmpty_skipsNamingBothInOrder() {
            MetricResult result = RequiredParameters.scoreOutputs(MetricInput.ofOutputs(null, ""), "Metric", (a, e) -> SCORED);

            assertThat(result).isEqualTo(MetricResult.Skipped.missing(List.of("actual_output", "expected_output")));
        }

        @Test
        void scoreOutputs_onlyExpectedMissing_skipsNamingExpected() {
            MetricResult result = RequiredParameters.scoreOutputs(MetricInput.ofOutputs("a", null), "Metric", (a, e) -> SCORED);

            assertThat(((MetricResult.Skipped) result).missingParameters()).containsExactly("expected_output");
        }

        @Test
        void scoreOutputs_whitespaceOnly_isPresentAndScored() {
            MetricResult result = RequiredParameters.scoreOutputs(MetricInput.ofOutputs(" ", "\u3000"), "Metric", (a, e) -> SCORED);

            assertThat(result).isSameAs(SCORED);
        }

        @Test
        void scoreOutputs_scorerThrows_failsNamingMetricAndException() {
            MetricResult result = RequiredParameters.scoreOutputs(MetricInput.ofOutputs("a", "b"), "BLEU", (a, e) -> {
                throw new IllegalStateException("boom");
            });

            assertThat(result).isEqualTo(new MetricResult.Failed("BLEU could not be computed: java.lang.IllegalStateException: boom"));
        }
    }

    @Nested
    class ScoreActualOutput {

        @Test
        void scoreActualOutput_expectedMissing_stillScores() {
            MetricResult result = RequiredParameters.scoreActualOutput(MetricInput.ofOutputs("text", null), "Metric",
                    actual -> new MetricResult.Scored(1.0, actual));

            assertThat(result).isEqualTo(new MetricResult.Scored(1.0, "text"));
        }

        @Test
        void scoreActualOutput_empty_skipsNamingActualOnly() {
            MetricResult result = RequiredParameters.scoreActualOutput(MetricInput.ofOutputs("", null), "Metric", actual -> SCORED);

            assertThat(result).isEqualTo(MetricResult.Skipped.missing(List.of("actual_output")));
        }

        @Test
        void scoreActualOutput_scorerThrows_failsNamingMetric() {
            MetricResult result = RequiredParameters.scoreActualOutput(MetricInput.ofOutputs("text", null), "URL Validation",
                    actual -> {
                        throw new IllegalArgumentException("bad");
                    });

            assertThat(result.reason()).isEqualTo("URL Validation could not be computed: java.lang.IllegalArgumentException: bad");
        }
    }

    @Nested
    class ScoreTools {

        private final BiFunction<List<String>, List<String>, MetricResult> countingScorer = (used, expected) -> new MetricResult.Scored(1.0,
                used.size() + "/" + expected.size());

        @Test
        void scoreTools_emptyLists_areRealValues() {
            MetricResult result = RequiredParameters.scoreTools(MetricInput.ofTools(List.of(), List.of()), "Metric", countingScorer);

            assertThat(result).isEqualTo(new MetricResult.Scored(1.0, "0/0"));
        }

        @Test
        void scoreTools_bothNull_skipsNamingBothInOrder() {
            MetricResult result = RequiredParameters.scoreTools(MetricInput.ofTools(null, null), "Metric", countingScorer);

            assertThat(result).isEqualTo(MetricResult.Skipped.missing(List.of("tools_used", "expected_tools")));
        }

        @Test
        void scoreTools_outputsPresentButToolsNull_skips() {
            MetricInput input = new MetricInput(null, "a", "b", null, List.of("search"), null);

            MetricResult result = RequiredParameters.scoreTools(input, "Metric", countingScorer);

            assertThat(((MetricResult.Skipped) result).missingParameters()).containsExactly("expected_tools");
        }

        @Test
        void scoreTools_scorerThrows_failsNamingMetric() {
            MetricResult result = RequiredParameters.scoreTools(MetricInput.ofTools(List.of(), List.of()), "Tool Correctness",
                    (used, expected) -> {
                        throw new UnsupportedOperationException();
                    });

            assertThat(result.reason()).isEqualTo("Tool Correctness could not be computed: java.lang.UnsupportedOperationException");
        }
    }
}

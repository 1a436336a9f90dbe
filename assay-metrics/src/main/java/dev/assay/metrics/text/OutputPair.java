package dev.assay.metrics.text;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The flow shared by every metric of this package, which all compare {@code actual_output} with
 * {@code expected_output}: skip when either is missing ({@code null} or empty; whitespace-only is
 * present), otherwise score, and turn any unexpected exception into a failure so that none escapes
 * {@link dev.assay.metrics.Metric#score}.
 */
final class OutputPair {

    static final String ACTUAL_OUTPUT = "actual_output";
    static final String EXPECTED_OUTPUT = "expected_output";

    private OutputPair() {}

    /**
     * Scores both outputs with {@code scorer}, or explains why not.
     *
     * @param input the evaluation parameters
     * @param metricName the display name used in a failure reason
     * @param scorer receives {@code (actual_output, expected_output)}, both non-empty
     * @return the scorer's result, a skip naming every missing output, or a failure
     */
    static MetricResult score(
            MetricInput input, String metricName, BiFunction<String, String, MetricResult> scorer) {
        String actual = input.actualOutput();
        String expected = input.expectedOutput();
        if (isMissing(actual) || isMissing(expected)) {
            List<String> missing = new ArrayList<>(2);
            if (isMissing(actual)) {
                missing.add(ACTUAL_OUTPUT);
            }
            if (isMissing(expected)) {
                missing.add(EXPECTED_OUTPUT);
            }
            return MetricResult.Skipped.missing(missing);
        }
        try {
            return scorer.apply(actual, expected);
        } catch (RuntimeException exception) {
            return new MetricResult.Failed(metricName + " could not be computed: " + exception);
        }
    }

    private static boolean isMissing(@Nullable String value) {
        return value == null || value.isEmpty();
    }
}

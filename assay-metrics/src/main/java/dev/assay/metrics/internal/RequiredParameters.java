package dev.assay.metrics.internal;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The evaluation-status flow of metrics spec §0.2, shared by every deterministic metric: skip when
 * a required parameter is missing, otherwise score, and turn any unexpected exception into a
 * failure so that none escapes {@link dev.assay.metrics.Metric#score}. Not API: see {@link
 * dev.assay.metrics.internal}.
 *
 * <p>A string parameter is missing when it is {@code null} or empty (whitespace-only is present
 * and scored); a list parameter is missing only when it is {@code null} (an empty list is a real
 * value). A skip names every missing parameter, in the order of the method's parameters. A scorer
 * reports unusable input itself as {@link MetricResult.Failed}; any {@link RuntimeException} it
 * throws becomes {@code Failed("<metric name> could not be computed: <exception>")}. All methods
 * are pure apart from what the scorer does, and thread-safe.
 */
public final class RequiredParameters {

    /** Galtea's name of {@link MetricInput#actualOutput()}. */
    public static final String ACTUAL_OUTPUT = "actual_output";

    /** Galtea's name of {@link MetricInput#expectedOutput()}. */
    public static final String EXPECTED_OUTPUT = "expected_output";

    /** Galtea's name of {@link MetricInput#toolsUsed()}. */
    public static final String TOOLS_USED = "tools_used";

    /** Galtea's name of {@link MetricInput#expectedTools()}. */
    public static final String EXPECTED_TOOLS = "expected_tools";

    private RequiredParameters() {}

    /**
     * Scores {@code actual_output} against {@code expected_output}, or explains why not.
     *
     * @param input the evaluation parameters
     * @param metricName the display name used in a failure reason
     * @param scorer receives {@code (actual_output, expected_output)}, both non-empty
     * @return the scorer's result, a skip naming every missing output, or a failure
     */
    public static MetricResult scoreOutputs(
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
            return failed(metricName, exception);
        }
    }

    /**
     * Scores {@code actual_output} alone, or explains why not.
     *
     * @param input the evaluation parameters
     * @param metricName the display name used in a failure reason
     * @param scorer receives {@code actual_output}, non-empty
     * @return the scorer's result, a skip naming {@code actual_output}, or a failure
     */
    public static MetricResult scoreActualOutput(
            MetricInput input, String metricName, Function<String, MetricResult> scorer) {
        String actual = input.actualOutput();
        if (actual == null || isMissing(actual)) {
            return MetricResult.Skipped.missing(List.of(ACTUAL_OUTPUT));
        }
        try {
            return scorer.apply(actual);
        } catch (RuntimeException exception) {
            return failed(metricName, exception);
        }
    }

    /**
     * Scores {@code tools_used} against {@code expected_tools}, or explains why not.
     *
     * @param input the evaluation parameters
     * @param metricName the display name used in a failure reason
     * @param scorer receives {@code (tools_used, expected_tools)}, both non-null, possibly empty
     * @return the scorer's result, a skip naming every {@code null} list, or a failure
     */
    public static MetricResult scoreTools(
            MetricInput input, String metricName, BiFunction<List<String>, List<String>, MetricResult> scorer) {
        List<String> used = input.toolsUsed();
        List<String> expected = input.expectedTools();
        if (used == null || expected == null) {
            List<String> missing = new ArrayList<>(2);
            if (used == null) {
                missing.add(TOOLS_USED);
            }
            if (expected == null) {
                missing.add(EXPECTED_TOOLS);
            }
            return MetricResult.Skipped.missing(missing);
        }
        try {
            return scorer.apply(used, expected);
        } catch (RuntimeException exception) {
            return failed(metricName, exception);
        }
    }

    private static boolean isMissing(@Nullable String value) {
        return value == null || value.isEmpty();
    }

    private static MetricResult failed(String metricName, RuntimeException exception) {
        return new MetricResult.Failed(metricName + " could not be computed: " + exception);
    }
}

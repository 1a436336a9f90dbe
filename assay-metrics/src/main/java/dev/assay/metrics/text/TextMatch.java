package dev.assay.metrics.text;

import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.metrics.internal.RequiredParameters;
import java.util.Locale;

/**
 * Galtea's deprecated "Text Match": 1.0 when rapidfuzz {@code fuzz.ratio(actual_output,
 * expected_output)} is strictly greater than 85, else 0.0 (metrics spec §5). A ratio of exactly 85
 * is not a match.
 *
 * <p>Deterministic; the score is 0.0 or 1.0. Uses the same code-point Indel ratio as
 * {@link TextSimilarity}. Skips when {@code actual_output} or {@code expected_output} is null or
 * empty. Instances are stateless and thread-safe.
 */
public final class TextMatch implements Metric {

    /** The Galtea display name, {@value}. */
    public static final String NAME = "Text Match";

    private static final int THRESHOLD_PERCENT = 85;

    /** Creates the metric; it holds no state. */
    public TextMatch() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MetricResult score(MetricInput input) {
        return RequiredParameters.scoreOutputs(input, NAME, TextMatch::compare);
    }

    private static MetricResult compare(String actual, String expected) {
        IndelRatio ratio = IndelRatio.of(actual, expected);
        boolean match = ratio.exceedsPercent(THRESHOLD_PERCENT);
        String reason = String.format(
                Locale.ROOT,
                "Text Match %s: similarity ratio %.2f %s %d",
                match ? "1.0" : "0.0",
                100 * ratio.similarity(),
                match ? ">" : "<=",
                THRESHOLD_PERCENT);
        return new MetricResult.Scored(match ? 1.0 : 0.0, reason);
    }
}

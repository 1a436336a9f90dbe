package dev.assay.metrics.text;

import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.metrics.internal.RequiredParameters;
import java.util.Locale;

/**
 * Galtea's "Text Similarity": rapidfuzz {@code fuzz.ratio(actual_output, expected_output) / 100},
 * the normalised Indel similarity over Unicode code points (metrics spec §4).
 *
 * <p>Deterministic; the score is continuous in [0, 1]. Case-sensitive, no trimming, no Unicode
 * normalisation. Skips when {@code actual_output} or {@code expected_output} is null or empty.
 * Runs in {@code O(n * m / 64)} time and linear memory, so 100,000-character inputs are fine.
 * Instances are stateless and thread-safe.
 */
public final class TextSimilarity implements Metric {

    /** The Galtea display name, {@value}. */
    public static final String NAME = "Text Similarity";

    /** Creates the metric; it holds no state. */
    public TextSimilarity() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MetricResult score(MetricInput input) {
        return RequiredParameters.scoreOutputs(input, NAME, TextSimilarity::compare);
    }

    private static MetricResult compare(String actual, String expected) {
        IndelRatio ratio = IndelRatio.of(actual, expected);
        double score = ratio.similarity();
        String reason = String.format(
                Locale.ROOT,
                "Text Similarity %.4f: Indel distance %d over %d characters (longest common subsequence %d)",
                score,
                ratio.distance(),
                ratio.lengthSum(),
                ratio.longestCommonSubsequence());
        return new MetricResult.Scored(score, reason);
    }
}

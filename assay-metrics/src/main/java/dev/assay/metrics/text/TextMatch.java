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
 * {@link TextSimilarity}, stopped as soon as the ratio can no longer exceed 85 (the score is then
 * 0.0 without the exact ratio, as rapidfuzz's {@code score_cutoff} does). Skips when {@code actual_output} or {@code expected_output} is null or
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
        int[] actualCodePoints = actual.codePoints().toArray();
        int[] expectedCodePoints = expected.codePoints().toArray();
        long lengthSum = (long) actualCodePoints.length + expectedCodePoints.length;
        // The ratio is 100 * 2 * LCS / lengthSum, and the LCS is at most the shorter length. Below
        // 85 even at that bound, or once the LCS can no longer reach 85, the score is 0.0 whatever
        // the exact ratio; the bound is strict, so a ratio of exactly 85 is computed and shown exactly.
        long shorter = Math.min(actualCodePoints.length, expectedCodePoints.length);
        if (200 * shorter < THRESHOLD_PERCENT * lengthSum) {
            return belowThreshold(100.0 * 2 * shorter / lengthSum, "the lengths differ too much");
        }
        int needed = (int) ((THRESHOLD_PERCENT * lengthSum + 199) / 200);
        int common = LongestCommonSubsequence.lengthIfAtLeast(actualCodePoints, expectedCodePoints, needed);
        if (common < 0) {
            return belowThreshold(-1, "stopped once the threshold could no longer be met");
        }
        IndelRatio ratio = new IndelRatio(common, (int) lengthSum);
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

    /** A 0.0 decided without the exact ratio; {@code atMost} is an upper bound of it, or negative if unknown. */
    private static MetricResult belowThreshold(double atMost, String why) {
        String bound = atMost < 0 ? "" : String.format(Locale.ROOT, " (at most %.2f)", atMost);
        return new MetricResult.Scored(0.0, String.format(Locale.ROOT, "Text Match 0.0: similarity ratio < %d%s: %s",
                THRESHOLD_PERCENT, bound, why));
    }
}

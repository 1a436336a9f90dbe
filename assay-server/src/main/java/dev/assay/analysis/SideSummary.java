package dev.assay.analysis;

import org.jspecify.annotations.Nullable;

/** One version's scores of one metric: count, mean, pass rate and the mean's interval. */
public record SideSummary(long n, @Nullable Double mean, @Nullable Double passRate, @Nullable Interval meanInterval) {

    static SideSummary of(double[] scores, double passThreshold) {
        if (scores.length == 0) {
            return new SideSummary(0, null, null, null);
        }
        return new SideSummary(scores.length, Descriptive.mean(scores), Descriptive.shareAtLeast(scores, passThreshold),
                Intervals.mean(scores));
    }
}

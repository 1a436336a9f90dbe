package dev.assay.analysis;

import org.jspecify.annotations.Nullable;

/** One version's scores of one metric: count, mean, pass rate and the mean's interval. */
public record SideSummary(long n, @Nullable Double mean, @Nullable Double passRate, @Nullable Interval meanInterval) {

    static final SideSummary EMPTY = new SideSummary(0, null, null, null);

    /** From aggregates: the count, the mean, the sample standard deviation (null below 2) and the passing count. */
    static SideSummary of(long n, double mean, @Nullable Double standardDeviation, long passing) {
        if (n == 0) {
            return EMPTY;
        }
        return new SideSummary(n, mean, (double) passing / n,
                standardDeviation == null ? null : Intervals.mean(n, mean, standardDeviation));
    }
}

package dev.assay.analysis;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The comparison of one metric between two versions. {@code delta}, its interval, the test and the
 * p-values are null exactly when the verdict is {@link Verdict#INSUFFICIENT_DATA}.
 */
public record MetricComparison(
        UUID metricId,
        String metricName,
        double passThreshold,
        Pairing pairing,
        SideSummary base,
        SideSummary candidate,
        int pairs,
        @Nullable Double delta,
        @Nullable Interval deltaInterval,
        @Nullable Test test,
        @Nullable Double pValue,
        @Nullable Double adjustedPValue,
        Verdict verdict) {

    public MetricComparison {
        requireNonNull(metricId, "metricId");
        requireNonNull(metricName, "metricName");
        requireNonNull(verdict, "verdict");
    }

    /** Whether a test was run, so the p-value takes part in the adjustment. */
    boolean isTested() {
        return pValue != null;
    }

    /** The test a comparison ran, and how it built the delta's interval. */
    public enum Test {
        WILCOXON_SIGNED_RANK("PAIRED_BOOTSTRAP"), MANN_WHITNEY_U("BOOTSTRAP");

        private final String intervalMethod;

        Test(String intervalMethod) {
            this.intervalMethod = intervalMethod;
        }

        public String intervalMethod() {
            return intervalMethod;
        }
    }
}

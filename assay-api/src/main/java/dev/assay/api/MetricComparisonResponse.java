package dev.assay.api;

import org.jspecify.annotations.Nullable;

/**
 * One metric of a version comparison.
 *
 * <p>{@code pairing} is {@code PAIRED} when both versions were scored on the same set of test
 * cases (the unit is then the test case, its scores averaged per version), else {@code UNPAIRED}
 * (the unit is the evaluation). {@code delta} is candidate minus base: the mean of the per-test-case
 * differences when paired, the difference of the means when not. {@code test} is
 * {@code WILCOXON_SIGNED_RANK} or {@code MANN_WHITNEY_U}, and {@code intervalMethod}
 * {@code PAIRED_BOOTSTRAP} or {@code BOOTSTRAP}; both, with the p-values and the delta's interval,
 * are null when the verdict is {@code INSUFFICIENT_DATA}. {@code verdict} is {@code IMPROVED},
 * {@code REGRESSED}, {@code NO_CHANGE} or {@code INSUFFICIENT_DATA}.
 *
 * @param passThreshold the score at or above which an evaluation passes
 * @param pairs the number of test cases both versions were scored on (0 when unpaired)
 * @param pValue the two-sided p-value of the test, in [0, 1]
 * @param adjustedPValue the p-value after the Holm adjustment across the metrics of the answer
 */
public record MetricComparisonResponse(
        String metricId,
        String metricName,
        double passThreshold,
        String pairing,
        ComparisonSideResponse base,
        ComparisonSideResponse candidate,
        int pairs,
        @Nullable Double delta,
        @Nullable ConfidenceIntervalResponse deltaInterval,
        @Nullable String intervalMethod,
        @Nullable String test,
        @Nullable Double pValue,
        @Nullable Double adjustedPValue,
        String verdict) {}

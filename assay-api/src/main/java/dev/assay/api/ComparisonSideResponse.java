package dev.assay.api;

import org.jspecify.annotations.Nullable;

/**
 * The scores of one version for one metric: every scored evaluation counts once.
 *
 * @param n the number of scored evaluations
 * @param mean the mean score; null when {@code n} is 0
 * @param passRate the share of evaluations whose score reaches the pass threshold; null when {@code n} is 0
 * @param meanInterval the Student-t confidence interval of the mean; null when {@code n} is below 2
 */
public record ComparisonSideResponse(
        long n,
        @Nullable Double mean,
        @Nullable Double passRate,
        @Nullable ConfidenceIntervalResponse meanInterval) {}

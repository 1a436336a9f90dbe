package dev.assay.api;

import java.util.List;

/**
 * The answer of {@code GET /comparisons}: how a candidate version scores against a base version,
 * one entry per metric that either version was evaluated with.
 *
 * @param baseVersionId the version compared against
 * @param candidateVersionId the version under test
 * @param confidenceLevel the level of every interval, {@code 0.95}
 * @param significanceLevel the level the adjusted p-values are held to for a verdict, {@code 0.05}
 * @param pValueAdjustment how p-values are adjusted across the metrics of one answer: {@code HOLM}
 * @param bootstrapSeed the seed of the bootstrap resampling; the same data always gives the same intervals
 * @param metrics one comparison per metric, ordered by metric name then id
 */
public record ComparisonResponse(
        String baseVersionId,
        String candidateVersionId,
        double confidenceLevel,
        double significanceLevel,
        String pValueAdjustment,
        long bootstrapSeed,
        List<MetricComparisonResponse> metrics) {}

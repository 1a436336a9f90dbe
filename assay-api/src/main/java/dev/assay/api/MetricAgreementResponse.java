package dev.assay.api;

import org.jspecify.annotations.Nullable;

/**
 * Agreement between a metric's machine scores and the human scores of the same evaluations.
 * A statistic is null when it is undefined: no pairs, or (κ, the correlations) a constant side.
 *
 * @param n the number of evaluations with both a machine score and a human score
 * @param cohenKappa Cohen's κ on pass/fail, in [-1, 1]
 * @param pearson Pearson's correlation of the scores, in [-1, 1]
 * @param spearman Spearman's rank correlation (average ranks for ties), in [-1, 1]
 * @param meanAbsoluteError the mean of |machine − human|, in [0, 1]
 */
public record MetricAgreementResponse(
        String metricId,
        String metricName,
        long n,
        @Nullable Double cohenKappa,
        @Nullable Double pearson,
        @Nullable Double spearman,
        @Nullable Double meanAbsoluteError,
        ConfusionMatrixResponse confusionMatrix) {}

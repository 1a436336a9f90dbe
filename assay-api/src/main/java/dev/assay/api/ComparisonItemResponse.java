package dev.assay.api;

import org.jspecify.annotations.Nullable;

/**
 * One test case that both versions were scored on, for one metric ({@code GET /comparisons/items}).
 * Scores are the mean of the version's scored evaluations of the test case; the evaluation id and
 * reason are those of the version's most recent one.
 *
 * @param delta candidate score minus base score, in [-1, 1]
 * @param baseCount how many scored evaluations of the base version the base score averages
 * @param candidateCount how many scored evaluations of the candidate version the candidate score averages
 */
public record ComparisonItemResponse(
        String metricId,
        String testCaseId,
        double baseScore,
        double candidateScore,
        double delta,
        int baseCount,
        int candidateCount,
        String baseEvaluationId,
        @Nullable String baseReason,
        String candidateEvaluationId,
        @Nullable String candidateReason) {}

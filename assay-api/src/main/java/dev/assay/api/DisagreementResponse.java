package dev.assay.api;

import org.jspecify.annotations.Nullable;

/**
 * One evaluation whose machine score and human score differ ({@code GET /agreement/items}).
 *
 * @param absoluteError |machineScore − humanScore|, greater than 0
 * @param passFailDiffers whether one score passes and the other fails
 */
public record DisagreementResponse(
        String evaluationId,
        String metricId,
        String sessionId,
        @Nullable String inferenceResultId,
        @Nullable String testCaseId,
        double machineScore,
        double humanScore,
        double absoluteError,
        boolean passFailDiffers,
        @Nullable String machineReason,
        @Nullable String humanReason,
        @Nullable String humanEvaluatorId) {}

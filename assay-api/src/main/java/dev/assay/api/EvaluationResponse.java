package dev.assay.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation with every field of the Galtea contract. {@code status} is {@code PENDING},
 * {@code PENDING_HUMAN}, {@code SUCCESS}, {@code FAILED} or {@code SKIPPED}; {@code score} is in
 * [0, 1] when present. Timestamps are ISO 8601 UTC with milliseconds.
 *
 * <p>Assay adds what an LLM judge cost: {@code judgeModel} (the model that answered),
 * {@code inputTokens} and {@code outputTokens} (summed over every judge call made for this
 * evaluation, retries included). All three are null when no judge was called; {@code creditsUsed}
 * then counts the judge calls that returned an answer.
 */
public record EvaluationResponse(
        String id,
        String metricId,
        String sessionId,
        @Nullable String userId,
        String status,
        @Nullable String testCaseId,
        @Nullable String inferenceResultId,
        @Nullable Double score,
        @Nullable String reason,
        @Nullable String error,
        @Nullable Boolean canRetry,
        @Nullable Integer creditsUsed,
        @Nullable String judgeModel,
        @Nullable Long inputTokens,
        @Nullable Long outputTokens,
        @Nullable String conversationSimulatorVersion,
        @Nullable String humanEvaluatorId,
        @Nullable String humanEvaluatorStartedAt,
        @Nullable String humanEvaluatorFinishedAt,
        @Nullable Double humanScore,
        @Nullable String humanReason,
        List<String> failedTurns,
        int retriesAttempted,
        String createdAt,
        @Nullable String deletedAt,
        @Nullable String evaluatedAt,
        @Nullable String metricLegacyAt,
        @Nullable String metricDisabledAt) {}

package dev.assay.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One metric applied to one turn (turn-level) or one session (conversation-level). The row is
 * also the unit of work of the evaluation queue. {@code judgeModel}, {@code inputTokens} and
 * {@code outputTokens} add up every LLM-judge call made for it, retries included; they are null
 * when no judge was called.
 */
public record Evaluation(
        UUID id,
        UUID organizationId,
        UUID metricId,
        UUID sessionId,
        @Nullable UUID inferenceResultId,
        @Nullable String testCaseId,
        EvaluationStatus status,
        @Nullable Double score,
        @Nullable String reason,
        @Nullable String error,
        boolean canRetry,
        @Nullable Integer creditsUsed,
        @Nullable String judgeModel,
        @Nullable Long inputTokens,
        @Nullable Long outputTokens,
        @Nullable String conversationSimulatorVersion,
        @Nullable String humanEvaluatorId,
        @Nullable Instant humanEvaluatorStartedAt,
        @Nullable Instant humanEvaluatorFinishedAt,
        @Nullable Double humanScore,
        @Nullable String humanReason,
        List<String> failedTurns,
        int attempts,
        int retriesAttempted,
        Instant createdAt,
        @Nullable Instant evaluatedAt,
        @Nullable Instant deletedAt,
        @Nullable Instant metricLegacyAt,
        @Nullable Instant metricDisabledAt) {

    public Evaluation {
        failedTurns = List.copyOf(failedTurns);
    }
}

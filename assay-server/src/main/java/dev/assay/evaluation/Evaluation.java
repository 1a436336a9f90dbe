package dev.assay.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One metric applied to one turn (turn-level) or one session (conversation-level). The row is
 * also the unit of work of the evaluation queue. What it is about is here; how it went is in
 * named details: its {@link Outcome}, the {@link JudgeUsage} of the LLM judge, the
 * {@link HumanReview}, the {@link QueueState} of the worker and the {@link MetricLifecycle} of its
 * metric. A new field goes in one of them: its column is derived from the component
 * ({@code humanReason} is {@code evaluations.human_reason}, see {@code RecordColumns}), and its wire
 * name is the component's name.
 */
public record Evaluation(
        UUID id,
        UUID organizationId,
        UUID metricId,
        UUID sessionId,
        @Nullable UUID inferenceResultId,
        @Nullable String testCaseId,
        @Nullable String conversationSimulatorVersion,
        Outcome outcome,
        JudgeUsage judgeUsage,
        HumanReview humanReview,
        QueueState queue,
        MetricLifecycle metricLifecycle,
        Instant createdAt,
        @Nullable Instant deletedAt) {

    /**
     * How the evaluation went, or that it has not yet.
     *
     * @param failedTurns the turns that were not ready when a session evaluation was SKIPPED
     * @param evaluatedAt when the status became final
     */
    public record Outcome(
            EvaluationStatus status,
            @Nullable Double score,
            @Nullable String reason,
            @Nullable String error,
            boolean canRetry,
            List<String> failedTurns,
            @Nullable Instant evaluatedAt) {

        public Outcome {
            failedTurns = List.copyOf(failedTurns);
        }
    }

    /**
     * What scoring cost. {@code judgeModel}, {@code inputTokens} and {@code outputTokens} add up every
     * LLM-judge call made for the evaluation, retries included; they are null when no judge was called.
     *
     * @param creditsUsed the judge calls that returned an answer; 0 for a score that cost nothing
     */
    public record JudgeUsage(
            @Nullable String judgeModel,
            @Nullable Long inputTokens,
            @Nullable Long outputTokens,
            @Nullable Integer creditsUsed) {

        /** No judge called, and {@code creditsUsed} credits counted. */
        public static JudgeUsage credits(@Nullable Integer creditsUsed) {
            return new JudgeUsage(null, null, null, creditsUsed);
        }
    }

    /** The annotation of a human evaluator, for a metric of source HUMAN_EVALUATION. */
    public record HumanReview(
            @Nullable String humanEvaluatorId,
            @Nullable Instant humanEvaluatorStartedAt,
            @Nullable Instant humanEvaluatorFinishedAt,
            @Nullable Double humanScore,
            @Nullable String humanReason) {

        public static final HumanReview NONE = new HumanReview(null, null, null, null, null);
    }

    /**
     * The worker's bookkeeping.
     *
     * @param attempts the attempts made to score the evaluation
     * @param retriesAttempted the retries a client asked for
     */
    public record QueueState(int attempts, int retriesAttempted) {
        public static final QueueState NEW = new QueueState(0, 0);
    }

    /** When the evaluation's metric became legacy or was disabled, read from the metric. */
    public record MetricLifecycle(@Nullable Instant metricLegacyAt, @Nullable Instant metricDisabledAt) {}
}

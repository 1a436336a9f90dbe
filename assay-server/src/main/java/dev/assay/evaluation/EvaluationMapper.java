package dev.assay.evaluation;

import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.Timestamps;
import java.util.List;
import org.jspecify.annotations.Nullable;

final class EvaluationMapper {

    private EvaluationMapper() {}

    static @Nullable List<MetricReference> toMetricReferences(@Nullable List<EvaluationMetric> metrics) {
        if (metrics == null) {
            return null;
        }
        return metrics.stream()
                .map(metric -> metric == null ? null : new MetricReference(metric.id(), metric.name(), metric.score()))
                .toList();
    }

    static EvaluationResponse toResponse(Evaluation evaluation) {
        Evaluation.Outcome outcome = evaluation.outcome();
        Evaluation.JudgeUsage judge = evaluation.judgeUsage();
        Evaluation.HumanReview human = evaluation.humanReview();
        return new EvaluationResponse(
                Ids.format(IdKind.EVALUATION, evaluation.id()),
                Ids.format(IdKind.METRIC, evaluation.metricId()),
                Ids.format(IdKind.SESSION, evaluation.sessionId()),
                null, // userId: always null, no user is stored for an evaluation (docs/api.md, Evaluations)
                outcome.status().name(),
                evaluation.testCaseId(),
                evaluation.inferenceResultId() == null ? null : Ids.format(IdKind.INFERENCE_RESULT, evaluation.inferenceResultId()),
                outcome.score(),
                outcome.reason(),
                outcome.error(),
                outcome.canRetry(),
                judge.creditsUsed(),
                judge.judgeModel(),
                judge.inputTokens(),
                judge.outputTokens(),
                evaluation.conversationSimulatorVersion(),
                human.humanEvaluatorId(),
                Timestamps.formatNullable(human.humanEvaluatorStartedAt()),
                Timestamps.formatNullable(human.humanEvaluatorFinishedAt()),
                human.humanScore(),
                human.humanReason(),
                outcome.failedTurns(),
                evaluation.queue().retriesAttempted(),
                Timestamps.format(evaluation.createdAt()),
                Timestamps.formatNullable(evaluation.deletedAt()),
                Timestamps.formatNullable(outcome.evaluatedAt()),
                Timestamps.formatNullable(evaluation.metricLifecycle().metricLegacyAt()),
                Timestamps.formatNullable(evaluation.metricLifecycle().metricDisabledAt()));
    }
}

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
        return new EvaluationResponse(
                Ids.format(IdKind.EVALUATION, evaluation.id()),
                Ids.format(IdKind.METRIC, evaluation.metricId()),
                Ids.format(IdKind.SESSION, evaluation.sessionId()),
                null, // userId: always null, no user is stored for an evaluation (docs/api.md, Evaluations)
                evaluation.status().name(),
                evaluation.testCaseId(),
                evaluation.inferenceResultId() == null ? null : Ids.format(IdKind.INFERENCE_RESULT, evaluation.inferenceResultId()),
                evaluation.score(),
                evaluation.reason(),
                evaluation.error(),
                evaluation.canRetry(),
                evaluation.creditsUsed(),
                evaluation.judgeModel(),
                evaluation.inputTokens(),
                evaluation.outputTokens(),
                evaluation.conversationSimulatorVersion(),
                evaluation.humanEvaluatorId(),
                Timestamps.formatNullable(evaluation.humanEvaluatorStartedAt()),
                Timestamps.formatNullable(evaluation.humanEvaluatorFinishedAt()),
                evaluation.humanScore(),
                evaluation.humanReason(),
                evaluation.failedTurns(),
                evaluation.retriesAttempted(),
                Timestamps.format(evaluation.createdAt()),
                Timestamps.formatNullable(evaluation.deletedAt()),
                Timestamps.formatNullable(evaluation.evaluatedAt()),
                Timestamps.formatNullable(evaluation.metricLegacyAt()),
                Timestamps.formatNullable(evaluation.metricDisabledAt()));
    }
}

package dev.assay.analysis;

import dev.assay.api.ComparisonItemResponse;
import dev.assay.api.ComparisonResponse;
import dev.assay.api.ComparisonSideResponse;
import dev.assay.api.ConfidenceIntervalResponse;
import dev.assay.api.MetricComparisonResponse;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import org.jspecify.annotations.Nullable;

final class ComparisonMapper {

    private ComparisonMapper() {}

    static ComparisonResponse toResponse(Comparison comparison) {
        return new ComparisonResponse(
                Ids.format(IdKind.VERSION, comparison.baseVersionId()),
                Ids.format(IdKind.VERSION, comparison.candidateVersionId()),
                Intervals.CONFIDENCE,
                Comparison.SIGNIFICANCE,
                "HOLM",
                Intervals.BOOTSTRAP_SEED,
                comparison.metrics().stream().map(ComparisonMapper::toResponse).toList());
    }

    static ComparisonItemResponse toResponse(ComparisonItem item) {
        return new ComparisonItemResponse(
                Ids.format(IdKind.METRIC, item.metricId()),
                item.testCaseId(),
                item.baseScore(),
                item.candidateScore(),
                item.delta(),
                item.baseCount(),
                item.candidateCount(),
                Ids.format(IdKind.EVALUATION, item.baseEvaluationId()),
                item.baseReason(),
                Ids.format(IdKind.EVALUATION, item.candidateEvaluationId()),
                item.candidateReason());
    }

    private static MetricComparisonResponse toResponse(MetricComparison metric) {
        MetricComparison.Test test = metric.test();
        return new MetricComparisonResponse(
                Ids.format(IdKind.METRIC, metric.metricId()),
                metric.metricName(),
                metric.passThreshold(),
                metric.pairing().name(),
                toResponse(metric.base()),
                toResponse(metric.candidate()),
                metric.pairs(),
                metric.delta(),
                toResponse(metric.deltaInterval()),
                test == null ? null : test.intervalMethod(),
                test == null ? null : test.name(),
                metric.pValue(),
                metric.adjustedPValue(),
                metric.verdict().name());
    }

    private static ComparisonSideResponse toResponse(SideSummary side) {
        return new ComparisonSideResponse(side.n(), side.mean(), side.passRate(), toResponse(side.meanInterval()));
    }

    static @Nullable ConfidenceIntervalResponse toResponse(@Nullable Interval interval) {
        return interval == null ? null : new ConfidenceIntervalResponse(interval.low(), interval.high());
    }
}

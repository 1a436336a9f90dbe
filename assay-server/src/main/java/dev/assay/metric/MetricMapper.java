package dev.assay.metric;

import dev.assay.api.CreateMetricRequest;
import dev.assay.api.MetricResponse;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.Timestamps;
import java.util.Objects;

/** Maps metric wire records to domain records and back. */
public final class MetricMapper {

    private MetricMapper() {}

    static NewMetric toNew(CreateMetricRequest request) {
        return new NewMetric(Objects.requireNonNull(request.name()), request.source(), request.evaluationParams(),
                request.judgePrompt(), request.evaluatorModelName(), request.description(), request.documentationUrl(),
                request.tags(), request.userGroupIds());
    }

    public static MetricResponse toResponse(MetricDefinition metric) {
        return new MetricResponse(
                Ids.format(IdKind.METRIC, metric.id()),
                metric.name(),
                metric.source().name(),
                metric.evaluationParams(),
                metric.judgePrompt(),
                metric.evaluatorModelName(),
                metric.description(),
                metric.documentationUrl(),
                metric.tags(),
                metric.userGroupIds(),
                Timestamps.formatNullable(metric.legacyAt()),
                metric.organizationId() == null ? null : Ids.format(IdKind.ORGANIZATION, metric.organizationId()),
                null,
                Timestamps.format(metric.createdAt()),
                Timestamps.formatNullable(metric.deletedAt()));
    }
}

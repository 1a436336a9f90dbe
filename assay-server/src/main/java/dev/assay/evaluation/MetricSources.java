package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricService;
import dev.assay.metric.MetricSource;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** How an evaluation's metric is scored, which decides whether and where it can be retried. */
@Component
class MetricSources {
    private final MetricService metrics;

    MetricSources(MetricService metrics) {
        this.metrics = metrics;
    }

    /** The metric's source; a metric deleted since is treated as self-hosted (never retried). */
    MetricSource sourceOf(Caller caller, UUID metricId) {
        List<MetricDefinition> found = metrics.findAll(caller, List.of(metricId));
        return found.isEmpty() ? MetricSource.SELF_HOSTED : found.getFirst().source();
    }
}

package dev.assay.evaluation;

import dev.assay.metric.MetricDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The Prometheus view of the evaluation queue: its depth, the evaluations that reached a final
 * state by metric and state, and the time from creation to final state.
 */
@Component
class EvaluationMeters {
    private final MeterRegistry registry;

    EvaluationMeters(MeterRegistry registry, EvaluationRepository evaluations) {
        this.registry = registry;
        // Counted when scraped, so every instance reports it, also one that runs no workers.
        Gauge.builder("assay.evaluations.queue.depth", evaluations, EvaluationRepository::queueDepth)
                .description("Evaluations waiting for a worker (status PENDING)")
                .register(registry);
    }

    /**
     * The {@code metric} label of a metric: a built-in's Galtea name, but an organization's own
     * metric only as {@code custom:<source>}. The scrape endpoint is public and shared by every
     * organization, and organization-chosen names would also make the label set unbounded.
     */
    static String label(MetricDefinition metric) {
        return metric.isBuiltIn() ? metric.name() : "custom:" + metric.source().name();
    }

    void recordFinal(String metricLabel, EvaluationStatus status, Duration sinceCreation) {
        Counter.builder("assay.evaluations.completed")
                .description("Evaluations that reached a final state")
                .tag("metric", metricLabel)
                .tag("status", status.name())
                .register(registry)
                .increment();
        Timer.builder("assay.evaluations.time.to.final")
                .description("Time from an evaluation's creation to its final state")
                .tag("status", status.name())
                .register(registry)
                .record(sinceCreation);
    }
}

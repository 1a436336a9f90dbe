package dev.assay.evaluation;

import dev.assay.metric.MetricDefinition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The Prometheus view of the evaluation queue: its depth, the evaluations that reached a final
 * state by metric and state, and the time from creation to final state.
 */
@Component
class EvaluationMetrics {
    private final MeterRegistry registry;
    private final AtomicLong queueDepth = new AtomicLong();

    EvaluationMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("assay.evaluations.queue.depth", queueDepth, AtomicLong::get)
                .description("Evaluations waiting for a worker (status PENDING)")
                .register(registry);
    }

    void recordQueueDepth(long depth) {
        queueDepth.set(depth);
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

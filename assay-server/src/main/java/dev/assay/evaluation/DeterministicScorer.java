package dev.assay.evaluation;

import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricSource;
import dev.assay.metrics.DeterministicMetrics;
import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Scores Galtea's deterministic built-ins (BLEU, ROUGE, METEOR, ...) with the assay-metrics
 * library, in the JVM. A missing parameter is SKIPPED naming it, and may be retried once the
 * data is there; unusable data is FAILED.
 */
@Component
class DeterministicScorer implements Scorer {

    @Override
    public boolean supports(MetricDefinition metric) {
        return metric.source() == MetricSource.DETERMINISTIC && DeterministicMetrics.find(metric.name()).isPresent();
    }

    @Override
    public ScoreOutcome score(MetricDefinition definition, EvaluationInput input) {
        Optional<Metric> metric = DeterministicMetrics.find(definition.name());
        if (metric.isEmpty()) {
            return new ScoreOutcome.Failed("No deterministic implementation of " + definition.name(), false);
        }
        MetricInput parameters = new MetricInput(input.input(), input.actualOutput(), input.expectedOutput(),
                input.retrievalContext(), input.toolsUsed(), input.expectedTools());
        return switch (metric.get().score(parameters)) {
            case MetricResult.Scored scored -> new ScoreOutcome.Scored(scored.score(), scored.reason(), 0);
            case MetricResult.Skipped skipped -> new ScoreOutcome.Skipped(skipped.reason(), true,
                    skipped.missingParameters());
            case MetricResult.Failed failed -> new ScoreOutcome.Failed(failed.reason(), true);
        };
    }
}

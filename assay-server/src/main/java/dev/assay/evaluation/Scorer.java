package dev.assay.evaluation;

import dev.assay.metric.MetricDefinition;

/**
 * Turns a metric and its evaluation parameters into a score: the one interface the deterministic
 * metric library and the LLM judge plug into. Implementations are thread-safe; they may block
 * (a judge call) but never touch the database.
 */
public interface Scorer {

    /** Whether this scorer knows how to score the metric. */
    boolean supports(MetricDefinition metric);

    /** Scores one evaluation; may throw, which the runner treats as a passing failure. */
    ScoreOutcome score(MetricDefinition metric, EvaluationInput input);
}

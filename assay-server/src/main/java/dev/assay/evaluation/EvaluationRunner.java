package dev.assay.evaluation;

import dev.assay.metric.MetricDefinition;
import java.util.List;

/**
 * Picks the scorer for a metric and runs it, turning every way a scorer can end into a
 * {@link ScoreOutcome}. Plain Java: no Spring, no SQL, no polling.
 */
public final class EvaluationRunner {
    static final String NO_JUDGE_MESSAGE = "No LLM judge is configured: set ASSAY_JUDGE_BASE_URL, ASSAY_JUDGE_API_KEY and "
            + "ASSAY_JUDGE_MODEL, restart Assay, then retry this evaluation";

    private final List<Scorer> scorers;

    public EvaluationRunner(List<Scorer> scorers) {
        this.scorers = List.copyOf(scorers);
    }

    public ScoreOutcome run(MetricDefinition metric, EvaluationInput input) {
        for (Scorer scorer : scorers) {
            if (scorer.supports(metric)) {
                try {
                    return scorer.score(metric, input);
                } catch (RuntimeException e) {
                    return new ScoreOutcome.Retryable(metric.name() + " failed: " + e);
                }
            }
        }
        if (metric.source().isJudged()) {
            return new ScoreOutcome.Skipped(NO_JUDGE_MESSAGE, true);
        }
        return new ScoreOutcome.Failed("Assay cannot score metrics of source " + metric.source() + " (" + metric.name() + ")", false);
    }
}

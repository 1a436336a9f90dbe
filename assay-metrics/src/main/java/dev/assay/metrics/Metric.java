package dev.assay.metrics;

/**
 * A metric that scores one evaluation input.
 *
 * <p>Implementations are stateless and thread-safe: one instance may score any number of inputs
 * concurrently. {@link #score} never throws for bad input; it answers {@link MetricResult.Skipped}
 * when a required parameter is missing and {@link MetricResult.Failed} when a parameter is present
 * but unusable (for example malformed JSON).
 */
public interface Metric {

    /** The metric's exact Galtea display name, for example {@code "BLEU"} or {@code "Text Similarity"}. */
    String name();

    /**
     * Scores one input.
     *
     * @param input the evaluation parameters; never {@code null}
     * @return a score in the metric's documented range with a reason, or why no score was produced
     */
    MetricResult score(MetricInput input);
}

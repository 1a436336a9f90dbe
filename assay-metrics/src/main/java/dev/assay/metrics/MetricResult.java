package dev.assay.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of scoring one input: a score, a skip for missing parameters, or a failure for
 * parameters that are present but unusable.
 */
public sealed interface MetricResult {

    /** A short human-readable explanation of the outcome. */
    String reason();

    /**
     * A score in the metric's documented range (within [0, 1] for every metric of this library).
     *
     * @param score the score, finite and within [0, 1]
     * @param reason how the score was reached, for example {@code "BLEU 0.4312: ..."}
     */
    record Scored(double score, String reason) implements MetricResult {
        public Scored {
            if (!(score >= 0.0 && score <= 1.0)) {
                throw new IllegalArgumentException("score must be within [0, 1]: " + score);
            }
            requireNonNull(reason, "reason");
        }
    }

    /**
     * No score because required parameters are missing.
     *
     * @param missingParameters the missing parameters by their Galtea names, for example
     *     {@code expected_output}; never empty
     * @param reason a sentence naming the missing parameters
     */
    record Skipped(List<String> missingParameters, String reason) implements MetricResult {
        public Skipped {
            missingParameters = List.copyOf(missingParameters);
            if (missingParameters.isEmpty()) {
                throw new IllegalArgumentException("missingParameters must not be empty");
            }
            requireNonNull(reason, "reason");
        }

        /** A skip whose reason names the missing parameters. */
        public static Skipped missing(List<String> missingParameters) {
            return new Skipped(missingParameters, "Missing required parameter(s): " + String.join(", ", missingParameters));
        }
    }

    /**
     * No score because a parameter could not be used.
     *
     * @param reason what was wrong, for example the JSON parse error
     */
    record Failed(String reason) implements MetricResult {
        public Failed {
            requireNonNull(reason, "reason");
        }
    }
}

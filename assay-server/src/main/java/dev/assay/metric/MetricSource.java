package dev.assay.metric;

import dev.assay.common.AssayException;
import java.util.Locale;

/** How a metric is scored (Galtea's {@code source}, the evaluation type). */
public enum MetricSource {
    /** The client computes the score and sends it with the evaluation. */
    SELF_HOSTED,
    /** An LLM judge with a full prompt written by the user (readable, no longer creatable). */
    FULL_PROMPT,
    /** An LLM judge: the selected evaluation parameters followed by the user's rubric. */
    PARTIAL_PROMPT,
    /** A person scores it through the annotation queue. */
    HUMAN_EVALUATION,
    /** A Galtea built-in LLM judge (G-Eval style). */
    GEVAL,
    /** A Galtea built-in LLM judge (DeepEval style). */
    DEEPEVAL,
    /** A Galtea built-in computed in the server (BLEU, ROUGE, ...). */
    DETERMINISTIC,
    /** A classifier model (not available in Assay). */
    CLASSIFIER;

    static MetricSource fromWire(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AssayException.invalidField("source", "unknown source '" + value
                    + "' (SELF_HOSTED, PARTIAL_PROMPT or HUMAN_EVALUATION)");
        }
    }

    /** Whether an LLM judge scores metrics of this source. */
    public boolean isJudged() {
        return switch (this) {
            case FULL_PROMPT, PARTIAL_PROMPT, GEVAL, DEEPEVAL -> true;
            case SELF_HOSTED, HUMAN_EVALUATION, DETERMINISTIC, CLASSIFIER -> false;
        };
    }
}

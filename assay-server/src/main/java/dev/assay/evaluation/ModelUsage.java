package dev.assay.evaluation;

import static java.util.Objects.requireNonNull;

/**
 * What scoring one evaluation cost at an LLM provider: the model that answered, how many calls
 * returned an answer, and the tokens those calls consumed as the provider reported them.
 */
public record ModelUsage(String model, int calls, long inputTokens, long outputTokens) {

    public ModelUsage {
        requireNonNull(model, "model");
        if (calls < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("calls and token counts must not be negative");
        }
    }

    /** This usage followed by {@code other}, reported under the later call's model. */
    public ModelUsage plus(ModelUsage other) {
        return new ModelUsage(other.model, Math.addExact(calls, other.calls), Math.addExact(inputTokens, other.inputTokens),
                Math.addExact(outputTokens, other.outputTokens));
    }
}

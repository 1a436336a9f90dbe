package dev.assay.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One metric to evaluate with: by {@code id} (wins) or {@code name}, and for self-hosted metrics
 * the {@code score} the client computed, within [0, 1]. A bare JSON string is read as a name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationMetric(@Nullable String id, @Nullable String name, @Nullable Double score) {

    /** A bare string item: the metric's name. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static EvaluationMetric named(String name) {
        return new EvaluationMetric(null, name, null);
    }

    /** A metric by id. */
    public static EvaluationMetric withId(String id) {
        return new EvaluationMetric(id, null, null);
    }

    /** A self-hosted metric by name with the score the client computed. */
    public static EvaluationMetric scored(String name, double score) {
        return new EvaluationMetric(null, name, score);
    }
}

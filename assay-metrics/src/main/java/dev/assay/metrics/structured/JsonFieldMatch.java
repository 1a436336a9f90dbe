package dev.assay.metrics.structured;

import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.function.UnaryOperator;

/**
 * Galtea's "JSON Field Match" metric: the fraction of the expected object's top-level fields that
 * the model's JSON reproduces exactly (spec §10).
 *
 * <p>{@code expected_output} must be a strict JSON object. {@code actual_output} is read leniently:
 * the whole text, else the first Markdown code fence, else the span from the first {@code {} to
 * the last {@code }}, whichever first parses to an object. A field matches when the actual object
 * has the key and an equal value under strict JSON equality: same type (a number never equals a
 * string, {@code true} never equals {@code 1}), numbers by value ({@code 30 == 30.0}), strings
 * exactly, arrays in order, objects regardless of key order. Extra actual keys are ignored; an empty
 * expected object scores 1.0. The score is matching / expected fields, in [0, 1].
 *
 * <p>Deterministic, stateless and thread-safe. Skipped when either output is missing ({@code null}
 * or empty); failed when {@code expected_output} is not a JSON object or {@code actual_output}
 * contains none. JSON must be RFC 8259: {@code NaN}, {@code Infinity}, comments, single quotes and
 * trailing commas are rejected; a duplicate key keeps its last value.
 */
public final class JsonFieldMatch implements Metric {

    /** The exact Galtea display name. */
    public static final String NAME = "JSON Field Match";

    private static final JsonFieldComparison COMPARISON = new JsonFieldComparison(NAME, UnaryOperator.identity());

    /** Creates the metric; it has no configuration. */
    public JsonFieldMatch() {}

    /** Returns {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Scores the model's JSON object against the expected one.
     *
     * @param input the evaluation parameters; only {@code actualOutput} and {@code expectedOutput}
     *     are read
     * @return the fraction of matching fields with the differing and missing keys in the reason, a
     *     skip naming the missing outputs, or a failure carrying the parse error; never throws
     */
    @Override
    public MetricResult score(MetricInput input) {
        return COMPARISON.score(input);
    }
}

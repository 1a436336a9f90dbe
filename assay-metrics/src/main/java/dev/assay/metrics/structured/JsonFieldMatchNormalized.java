package dev.assay.metrics.structured;

import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;

/**
 * Galtea's "JSON Field Match (Normalized)" metric: {@link JsonFieldMatch} with accent- and
 * case-insensitive string values (spec §11).
 *
 * <p>Before comparing, every string value inside both objects, recursively through arrays and
 * objects, is decomposed (Unicode NFD), stripped of non-spacing marks and fully case-folded as by
 * Python's {@code str.casefold()}: {@code "Sí"}, {@code "SI"} and {@code "si"} are equal, and so are
 * {@code "Straße"} and {@code "STRASSE"}. Keys, numbers, booleans and null are compared strictly,
 * surrounding spaces are kept, array order still matters and a string never equals a number.
 * Parsing, skips, failures and scoring are those of {@link JsonFieldMatch}.
 *
 * <p>Deterministic, stateless and thread-safe.
 */
public final class JsonFieldMatchNormalized implements Metric {

    /** The exact Galtea display name. */
    public static final String NAME = "JSON Field Match (Normalized)";

    private static final JsonFieldComparison COMPARISON = new JsonFieldComparison(NAME, StringFolding::normalize);

    /** Creates the metric; it has no configuration. */
    public JsonFieldMatchNormalized() {}

    /** Returns {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Scores the model's JSON object against the expected one, ignoring accents and case in strings.
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

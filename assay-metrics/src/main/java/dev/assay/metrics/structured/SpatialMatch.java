package dev.assay.metrics.structured;

import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.metrics.internal.RequiredParameters;
import dev.assay.metrics.structured.BoundingBoxes.BestOverlap;
import java.util.Locale;

/**
 * Galtea's "Spatial Match" metric: 1.0 when some predicted box overlaps a ground-truth box with an
 * intersection over union of at least 0.5, else 0.0 (spec §7).
 *
 * <p>Inputs, accepted JSON shapes, skips and failures are those of {@link Iou}; an IoU of exactly
 * 0.5 passes. Deterministic, stateless and thread-safe.
 */
public final class SpatialMatch implements Metric {

    /** The exact Galtea display name. */
    public static final String NAME = "Spatial Match";

    /** The smallest best IoU that counts as a match (inclusive). */
    public static final double THRESHOLD = 0.5;

    /** Creates the metric; it has no configuration. */
    public SpatialMatch() {}

    /** Returns {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Decides whether the best predicted box matches the ground truth.
     *
     * @param input the evaluation parameters; only {@code actualOutput} and {@code expectedOutput}
     *     are read
     * @return 1.0 or 0.0 with the best IoU in the reason, a skip naming the missing outputs, or a
     *     failure carrying the parse error; never throws
     */
    @Override
    public MetricResult score(MetricInput input) {
        return RequiredParameters.scoreOutputs(input, NAME,
                (actual, expected) -> BoundingBoxes.score(actual, expected, SpatialMatch::verdict));
    }

    private static MetricResult verdict(BestOverlap best) {
        boolean match = best.iou() >= THRESHOLD;
        String verdict = match ? "Match" : "No match";
        return new MetricResult.Scored(match ? 1.0 : 0.0, String.format(Locale.ROOT, "%s (IoU threshold %.1f): best %s.",
                verdict, THRESHOLD, best.describe()));
    }
}

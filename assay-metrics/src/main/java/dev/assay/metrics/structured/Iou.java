package dev.assay.metrics.structured;

import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.metrics.internal.RequiredParameters;
import dev.assay.metrics.structured.BoundingBoxes.BestOverlap;

/**
 * Galtea's "IOU" metric: the best intersection over union between predicted and ground-truth
 * bounding boxes (spec §6).
 *
 * <p>{@code actual_output} holds the predicted boxes as JSON: an array of boxes {@code [[x1, y1,
 * x2, y2], ...]}, an object {@code {"bboxes": [...]}}, or a single flat box. {@code
 * expected_output} holds the ground truth: a flat box, an object {@code {"bbox": [...]}}, or an
 * array of boxes. Corners are top-left and bottom-right in continuous coordinates. The score is the
 * maximum IoU over all (predicted, ground truth) pairs, in [0, 1]; no predicted box scores 0.
 *
 * <p>Deterministic, stateless and thread-safe. Skipped when either output is missing ({@code null}
 * or empty); failed when either is not valid box JSON (wrong shape or key, a box that is not four
 * finite numbers).
 */
public final class Iou implements Metric {

    /** The exact Galtea display name. */
    public static final String NAME = "IOU";

    /** Creates the metric; it has no configuration. */
    public Iou() {}

    /** Returns {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Scores the predicted boxes against the ground truth.
     *
     * @param input the evaluation parameters; only {@code actualOutput} and {@code expectedOutput}
     *     are read
     * @return the best IoU in [0, 1], a skip naming the missing outputs, or a failure carrying the
     *     parse error; never throws
     */
    @Override
    public MetricResult score(MetricInput input) {
        return RequiredParameters.scoreOutputs(input, NAME,
                (actual, expected) -> BoundingBoxes.score(actual, expected, Iou::verdict));
    }

    private static MetricResult verdict(BestOverlap best) {
        return new MetricResult.Scored(best.iou(), "Best " + best.describe() + ".");
    }
}

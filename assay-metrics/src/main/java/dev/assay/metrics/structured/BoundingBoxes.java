package dev.assay.metrics.structured;

import dev.assay.metrics.MetricResult;
import dev.assay.metrics.structured.StrictJson.InvalidJsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Parses the JSON box formats of IOU and Spatial Match (spec §6.1) and finds the best
 * intersection over union between predicted and ground-truth boxes (§6.2).
 */
final class BoundingBoxes {

    private static final String PREDICTED_KEY = "bboxes";
    private static final String GROUND_TRUTH_KEY = "bbox";

    private BoundingBoxes() {}

    /**
     * Scores the predicted boxes against the ground truth, the part IOU and Spatial Match share.
     *
     * @param actualOutput predicted boxes, as for {@link #bestOverlap}
     * @param expectedOutput ground truth, as for {@link #bestOverlap}
     * @param verdict turns the best overlap into the metric's score and reason
     * @return the verdict's result, or a failure carrying the parse error when either text is not
     *     one of the accepted shapes
     */
    static MetricResult score(String actualOutput, String expectedOutput, Function<BestOverlap, MetricResult> verdict) {
        BestOverlap best;
        try {
            best = bestOverlap(actualOutput, expectedOutput);
        } catch (InvalidBoxesException e) {
            return new MetricResult.Failed(e.getMessage());
        }
        return verdict.apply(best);
    }

    /**
     * The best IoU over all (predicted, ground truth) pairs.
     *
     * @param actualOutput predicted boxes: {@code [[x1,y1,x2,y2], ...]}, {@code {"bboxes": [...]}}
     *     or one flat box
     * @param expectedOutput ground truth: one flat box, {@code {"bbox": [...]}} or a list of boxes
     * @throws InvalidBoxesException if either text is not one of the accepted shapes
     */
    static BestOverlap bestOverlap(String actualOutput, String expectedOutput) throws InvalidBoxesException {
        List<Box> predicted = parse(actualOutput, PREDICTED_KEY, "actual_output");
        List<Box> groundTruth = parse(expectedOutput, GROUND_TRUTH_KEY, "expected_output");
        if (groundTruth.isEmpty()) {
            throw new InvalidBoxesException("expected_output contains no ground-truth box");
        }
        BestOverlap best = new BestOverlap(0.0, null, null);
        for (Box prediction : predicted) {
            for (Box truth : groundTruth) {
                double iou = prediction.intersectionOverUnion(truth);
                if (best.predicted() == null || iou > best.iou()) {
                    best = new BestOverlap(iou, prediction, truth);
                }
            }
        }
        return best;
    }

    private static List<Box> parse(String text, String objectKey, String parameter) throws InvalidBoxesException {
        JsonNode root;
        try {
            root = StrictJson.parse(text);
        } catch (InvalidJsonException e) {
            throw new InvalidBoxesException(parameter + " is not valid JSON: " + e.getMessage());
        }
        if (root.isArray()) {
            boolean flatBox = !root.isEmpty() && !root.get(0).isArray();
            return flatBox ? List.of(toBox(root, parameter)) : toBoxes(root, parameter);
        }
        JsonNode wrapped = root.isObject() ? root.get(objectKey) : null;
        if (wrapped == null) {
            throw new InvalidBoxesException(parameter + " must be a JSON array of boxes, a box [x1, y1, x2, y2] or an"
                    + " object with the key \"" + objectKey + "\"");
        }
        // {"bboxes": [[...], ...]} holds a list of boxes, {"bbox": [...]} exactly one box.
        if (objectKey.equals(PREDICTED_KEY)) {
            if (!wrapped.isArray()) {
                throw new InvalidBoxesException(parameter + ": \"" + objectKey + "\" must be an array of boxes");
            }
            return toBoxes(wrapped, parameter);
        }
        return List.of(toBox(wrapped, parameter));
    }

    private static List<Box> toBoxes(JsonNode array, String parameter) throws InvalidBoxesException {
        List<Box> boxes = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            boxes.add(toBox(element, parameter));
        }
        return boxes;
    }

    private static Box toBox(JsonNode node, String parameter) throws InvalidBoxesException {
        if (!node.isArray() || node.size() != 4) {
            throw new InvalidBoxesException(parameter + " contains a box that is not four numbers: " + abbreviate(node));
        }
        double[] coordinates = new double[4];
        for (int index = 0; index < 4; index++) {
            JsonNode coordinate = node.get(index);
            if (!coordinate.isNumber()) {
                throw new InvalidBoxesException(parameter + " contains a non-numeric coordinate: " + abbreviate(node));
            }
            coordinates[index] = coordinate.doubleValue();
            if (!Double.isFinite(coordinates[index])) {
                throw new InvalidBoxesException(parameter + " contains a coordinate too large for a double: "
                        + abbreviate(node));
            }
        }
        return new Box(coordinates[0], coordinates[1], coordinates[2], coordinates[3]);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** An axis-aligned box given by its top-left (x1, y1) and bottom-right (x2, y2) corners. */
    record Box(double x1, double y1, double x2, double y2) {

        double area() {
            return Math.max(0.0, x2 - x1) * Math.max(0.0, y2 - y1);
        }

        /**
         * IoU with continuous coordinates; touching boxes score 0 and corners are not reordered.
         *
         * @throws InvalidBoxesException if the coordinates are so large that the areas overflow
         */
        double intersectionOverUnion(Box other) throws InvalidBoxesException {
            double intersectionWidth = Math.min(x2, other.x2) - Math.max(x1, other.x1);
            double intersectionHeight = Math.min(y2, other.y2) - Math.max(y1, other.y1);
            double intersection = Math.max(0.0, intersectionWidth) * Math.max(0.0, intersectionHeight);
            double union = area() + other.area() - intersection;
            double iou = union > 0.0 ? intersection / union : 0.0;
            if (!Double.isFinite(iou) || !Double.isFinite(union)) {
                throw new InvalidBoxesException("box coordinates are too large to compute the IoU of " + this + " and "
                        + other);
            }
            return Math.min(1.0, iou);
        }

        @Override
        public String toString() {
            return "[" + format(x1) + ", " + format(y1) + ", " + format(x2) + ", " + format(y2) + "]";
        }

        private static String format(double value) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return String.format(Locale.ROOT, "%s", value);
        }
    }

    /**
     * The best pair found; {@code predicted} and {@code groundTruth} are {@code null} only when
     * there was no predicted box (IoU 0).
     */
    record BestOverlap(double iou, @Nullable Box predicted, @Nullable Box groundTruth) {

        /** For example {@code "IoU 0.1429 between predicted box [0, 0, 10, 10] and ground-truth box [5, 5, 15, 15]"}. */
        String describe() {
            if (predicted == null || groundTruth == null) {
                return "IoU 0.0000: there is no predicted box";
            }
            return String.format(Locale.ROOT, "IoU %.4f between predicted box %s and ground-truth box %s", iou, predicted,
                    groundTruth);
        }
    }

    /** Box JSON that is not one of the accepted shapes. */
    static final class InvalidBoxesException extends Exception {
        private static final long serialVersionUID = 1L;

        private final String reason;

        InvalidBoxesException(String message) {
            super(message);
            this.reason = message;
        }

        /** The message, never null, unlike {@link Throwable#getMessage()} in general. */
        @Override
        public String getMessage() {
            return reason;
        }
    }
}

package dev.assay.analysis;

/** Means and shares over score arrays. */
final class Descriptive {

    private Descriptive() {}

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** The share of values at or above the threshold. */
    static double shareAtLeast(double[] values, double threshold) {
        long passing = 0;
        for (double value : values) {
            if (value >= threshold) {
                passing++;
            }
        }
        return (double) passing / values.length;
    }
}

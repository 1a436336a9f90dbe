package dev.assay.analysis;

/** The mean of a score array. */
final class Descriptive {

    private Descriptive() {}

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}

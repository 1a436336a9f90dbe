package dev.assay.analysis;

/**
 * The inputs of src/test/python/analysis_reference_values.py, which computed the expected values
 * of the statistics tests with SciPy 1.10.1 and scikit-learn 1.2.1 (Debian's python3-scipy and
 * python3-sklearn). Keep both files in step.
 */
final class ReferenceSamples {
    static final double[] MIXED_BASE = {0.2, 0.4, 0.5, 0.6, 0.1, 0.9, 0.3, 0.7, 0.8, 0.5};
    static final double[] MIXED_CANDIDATE = {0.5, 0.6, 0.5, 0.9, 0.4, 0.95, 0.35, 0.9, 0.85, 0.7};
    static final double[] BINARY_BASE = {1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0};
    static final double[] BINARY_CANDIDATE = {1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1};
    static final double[] REGRESSION_BASE = {0.91, 0.87, 0.78, 0.95, 0.66, 0.72, 0.81, 0.99, 0.58, 0.84, 0.77, 0.69, 0.93,
            0.88, 0.74, 0.62, 0.97, 0.83, 0.71, 0.9, 0.79, 0.68, 0.86, 0.75, 0.94};
    static final double[] REGRESSION_CANDIDATE = {0.85, 0.88, 0.61, 0.9, 0.52, 0.7, 0.63, 0.96, 0.57, 0.73, 0.79, 0.55,
            0.91, 0.8, 0.6, 0.64, 0.89, 0.74, 0.56, 0.92, 0.65, 0.59, 0.76, 0.67, 0.82};

    static final double[] UNPAIRED_MIXED_BASE = {0.2, 0.4, 0.5, 0.6, 0.1, 0.9, 0.3, 0.7, 0.8, 0.5, 0.45, 0.55};
    static final double[] UNPAIRED_MIXED_CANDIDATE = {0.5, 0.6, 0.5, 0.9, 0.4, 0.95, 0.35, 0.9, 0.85, 0.7, 0.65, 0.75, 0.8,
            0.6, 0.99};
    static final double[] UNPAIRED_BINARY_BASE = {1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1};
    static final double[] UNPAIRED_BINARY_CANDIDATE = {1, 1, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1};

    static final double[] JUDGE_MACHINE = {0.9, 0.2, 0.7, 0.4, 0.8, 0.1, 0.6, 0.3, 0.95, 0.55, 0.45, 0.65};
    static final double[] JUDGE_HUMAN = {1.0, 0.0, 0.8, 0.6, 0.7, 0.2, 0.4, 0.3, 0.9, 0.5, 0.5, 0.9};

    private ReferenceSamples() {}

    static double[] differences(double[] base, double[] candidate) {
        double[] differences = new double[base.length];
        for (int i = 0; i < base.length; i++) {
            differences[i] = candidate[i] - base[i];
        }
        return differences;
    }
}

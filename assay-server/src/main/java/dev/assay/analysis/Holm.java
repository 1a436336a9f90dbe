package dev.assay.analysis;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment of p-values for testing several metrics at once: the i-th smallest
 * p-value of m is multiplied by m − i + 1, capped at 1 and made non-decreasing, as statsmodels'
 * {@code multipletests(p, method="holm")}.
 */
final class Holm {

    private Holm() {}

    /** The adjusted p-values, in the order of the input. */
    static double[] adjust(double[] pValues) {
        int m = pValues.length;
        Integer[] order = new Integer[m];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }
}

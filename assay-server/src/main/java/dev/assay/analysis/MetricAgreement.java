package dev.assay.analysis;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A metric's machine scores against the human scores of the same evaluations. Statistics are null
 * where undefined (no pairs, or a constant side).
 */
public record MetricAgreement(
        UUID metricId,
        String metricName,
        long n,
        @Nullable Double cohenKappa,
        @Nullable Double pearson,
        @Nullable Double spearman,
        @Nullable Double meanAbsoluteError,
        ConfusionMatrix confusionMatrix) {

    public MetricAgreement {
        requireNonNull(metricId, "metricId");
        requireNonNull(metricName, "metricName");
        requireNonNull(confusionMatrix, "confusionMatrix");
    }

    /** Pass/fail counts of machine (rows) against human (columns). */
    public record ConfusionMatrix(long bothPass, long machinePassHumanFail, long machineFailHumanPass, long bothFail) {
        long total() {
            return bothPass + machinePassHumanFail + machineFailHumanPass + bothFail;
        }

        /**
         * Cohen's κ = (p_o − p_e) / (1 − p_e) from the table, as scikit-learn's
         * {@code cohen_kappa_score}; null when it is undefined (no pairs, or p_e = 1: both raters
         * gave one and the same label throughout).
         */
        @Nullable
        Double cohenKappa() {
            double n = total();
            if (n == 0) {
                return null;
            }
            double observed = (bothPass + bothFail) / n;
            double machinePass = (bothPass + machinePassHumanFail) / n;
            double humanPass = (bothPass + machineFailHumanPass) / n;
            double expected = machinePass * humanPass + (1 - machinePass) * (1 - humanPass);
            if (expected >= 1) {
                return null;
            }
            return (observed - expected) / (1 - expected);
        }
    }
}

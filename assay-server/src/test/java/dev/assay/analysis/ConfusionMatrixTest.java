package dev.assay.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void cohenKappa_matchesScikitLearn() {
        // ReferenceSamples.JUDGE_* at 0.5: scikit-learn 1.2.1 cohen_kappa_score(machine >= 0.5, human >= 0.5)
        // (src/test/python/analysis_reference_values.py).
        MetricAgreement.ConfusionMatrix matrix = new MetricAgreement.ConfusionMatrix(6, 1, 2, 3);
        assertThat(matrix.cohenKappa()).isCloseTo(0.47058823529411764, within(1e-15));
    }

    @Test
    void cohenKappa_perfectAgreement_isOne() {
        assertThat(new MetricAgreement.ConfusionMatrix(3, 0, 0, 2).cohenKappa()).isEqualTo(1.0);
    }

    @Test
    void cohenKappa_perfectDisagreement_isMinusOne() {
        assertThat(new MetricAgreement.ConfusionMatrix(0, 2, 2, 0).cohenKappa()).isEqualTo(-1.0);
    }

    @Test
    void cohenKappa_withoutPairs_isNull() {
        assertThat(new MetricAgreement.ConfusionMatrix(0, 0, 0, 0).cohenKappa()).isNull();
    }

    @Test
    void cohenKappa_whenBothRatersGiveOneLabelThroughout_isNull() {
        assertThat(new MetricAgreement.ConfusionMatrix(5, 0, 0, 0).cohenKappa()).isNull();
        assertThat(new MetricAgreement.ConfusionMatrix(0, 0, 0, 1).cohenKappa()).isNull();
    }

    @Test
    void cohenKappa_whenOneRaterIsConstant_isZero() {
        // The machine passes everything, the human does not: agreement is exactly what chance gives.
        assertThat(new MetricAgreement.ConfusionMatrix(3, 2, 0, 0).cohenKappa()).isCloseTo(0.0, within(1e-15));
    }
}

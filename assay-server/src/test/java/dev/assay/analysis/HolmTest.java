package dev.assay.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void adjust_multipliesByTheRemainingCountAndKeepsTheOrderMonotone() {
        // By hand: sorted 0.01, 0.02, 0.04, 0.5 -> 4*0.01, 3*0.02, max(0.06, 2*0.04), max(0.08, 1*0.5).
        double[] adjusted = Holm.adjust(new double[]{0.04, 0.5, 0.01, 0.02});
        assertThat(adjusted[0]).isCloseTo(0.08, within(1e-15));
        assertThat(adjusted[1]).isCloseTo(0.5, within(1e-15));
        assertThat(adjusted[2]).isCloseTo(0.04, within(1e-15));
        assertThat(adjusted[3]).isCloseTo(0.06, within(1e-15));
    }

    @Test
    void adjust_capsAtOne() {
        assertThat(Holm.adjust(new double[]{0.6, 0.7})).containsExactly(1.0, 1.0);
    }

    @Test
    void adjust_ofOneValue_isTheValue() {
        assertThat(Holm.adjust(new double[]{0.03})).containsExactly(0.03);
    }

    @Test
    void adjust_ofNone_isEmpty() {
        assertThat(Holm.adjust(new double[0])).isEmpty();
    }
}

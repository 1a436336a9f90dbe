package dev.assay.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IntervalsTest {

    /** The interval from the count, mean and sample standard deviation of the values, as SQL hands them over. */
    static Interval meanOf(double[] values) {
        double mean = Descriptive.mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Intervals.mean(values.length, mean, Math.sqrt(squares / (values.length - 1)));
    }

    /**
     * Expected values from src/test/python/analysis_reference_values.py (SciPy 1.10.1):
     * {@code t.interval(0.95, n - 1, loc=mean, scale=sem(values))}. Hipparchus inverts the t
     * distribution numerically, so the bounds agree to about 1e-11.
     */
    @Nested
    class Mean {
        @Test
        void mean_matchesScipy() {
            Interval interval = meanOf(ReferenceSamples.MIXED_BASE);
            assertThat(interval).isNotNull();
            assertThat(interval.low()).isCloseTo(0.31529564111008146, within(1e-9));
            assertThat(interval.high()).isCloseTo(0.6847043588899185, within(1e-9));
        }

        @Test
        void mean_ofPassFailScores_matchesScipy() {
            Interval interval = meanOf(ReferenceSamples.BINARY_CANDIDATE);
            assertThat(interval).isNotNull();
            assertThat(interval.low()).isCloseTo(0.5860160179647399, within(1e-9));
            assertThat(interval.high()).isCloseTo(1.0806506487019267, within(1e-9));
        }

        @Test
        void mean_ofTwoValues_matchesScipy() {
            Interval interval = meanOf(new double[]{0.25, 0.75});
            assertThat(interval).isNotNull();
            assertThat(interval.low()).isCloseTo(-2.676551184108024, within(1e-9));
            assertThat(interval.high()).isCloseTo(3.676551184108024, within(1e-9));
        }

        @Test
        void mean_ofOneValue_isNull() {
            assertThat(Intervals.mean(1, 0.4, 0)).isNull();
            assertThat(Intervals.mean(0, 0, 0)).isNull();
        }

        @Test
        void mean_whenAllValuesTie_isThePoint() {
            Interval interval = meanOf(new double[]{0.7, 0.7, 0.7});
            assertThat(interval).isNotNull();
            assertThat(interval.low()).isCloseTo(0.7, within(1e-12));
            assertThat(interval.high()).isCloseTo(0.7, within(1e-12));
        }
    }

    @Nested
    class Bootstrap {
        @Test
        void pairedBootstrap_isReproducible() {
            double[] differences = ReferenceSamples.differences(ReferenceSamples.REGRESSION_BASE, ReferenceSamples.REGRESSION_CANDIDATE);
            assertThat(Intervals.pairedBootstrap(differences)).isEqualTo(Intervals.pairedBootstrap(differences.clone()));
        }

        @Test
        void pairedBootstrap_coversTheMeanDifferenceAndStaysWithinTheData() {
            double[] differences = ReferenceSamples.differences(ReferenceSamples.REGRESSION_BASE, ReferenceSamples.REGRESSION_CANDIDATE);
            Interval interval = Intervals.pairedBootstrap(differences);
            double mean = Descriptive.mean(differences);
            assertThat(interval.low()).isLessThan(mean).isGreaterThanOrEqualTo(Arrays.stream(differences).min().orElseThrow());
            assertThat(interval.high()).isGreaterThan(mean).isLessThanOrEqualTo(Arrays.stream(differences).max().orElseThrow());
            // The regression is clear: the whole interval lies below zero.
            assertThat(interval.high()).isNegative();
        }

        @Test
        void pairedBootstrap_ofConstantDifferences_isThePoint() {
            assertThat(Intervals.pairedBootstrap(new double[]{0.1, 0.1, 0.1, 0.1})).isEqualTo(new Interval(0.1, 0.1));
        }

        @Test
        void bootstrap_ofIdenticalSamples_isCentredOnZero() {
            double[] sample = ReferenceSamples.UNPAIRED_MIXED_BASE;
            Interval interval = Intervals.bootstrap(sample, sample.clone());
            assertThat(interval.low()).isNegative();
            assertThat(interval.high()).isPositive();
            assertThat(interval.low() + interval.high()).isCloseTo(0, within(0.05));
        }

        @Test
        void resamples_shrinkWithTheSampleWithinTheirBounds() {
            assertThat(Intervals.resamples(10)).isEqualTo(Intervals.MAX_RESAMPLES);
            assertThat(Intervals.resamples(100_000)).isEqualTo(Intervals.MIN_RESAMPLES);
            assertThat(Intervals.resamples(50_000)).isEqualTo(400);
        }
    }
}

package dev.assay.analysis;

import static dev.assay.analysis.ReferenceSamples.differences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected p-values from src/test/python/analysis_reference_values.py (SciPy 1.10.1):
 * {@code wilcoxon(candidate, base, zero_method="wilcox", correction=True, method="approx")} and
 * {@code mannwhitneyu(base, candidate, use_continuity=True, alternative="two-sided", method="asymptotic")}.
 */
class RankTestsTest {

    @Nested
    class SignedRank {
        static Stream<Arguments> scipyValues() {
            return Stream.of(
                    Arguments.of("mixed", ReferenceSamples.MIXED_BASE, ReferenceSamples.MIXED_CANDIDATE, 0.008969327408959313),
                    Arguments.of("binary", ReferenceSamples.BINARY_BASE, ReferenceSamples.BINARY_CANDIDATE, 0.07186063822585158),
                    Arguments.of("regression", ReferenceSamples.REGRESSION_BASE, ReferenceSamples.REGRESSION_CANDIDATE,
                            8.851110681359759e-05),
                    Arguments.of("one", new double[]{0.5, 0.5, 0.5}, new double[]{0.5, 0.7, 0.5}, 1.0));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("scipyValues")
        void signedRank_matchesScipy(String name, double[] base, double[] candidate, double expected) {
            assertThat(RankTests.signedRank(differences(base, candidate))).isCloseTo(expected, within(1e-12));
        }

        @Test
        void signedRank_isSymmetricInTheDirection() {
            double forward = RankTests.signedRank(differences(ReferenceSamples.REGRESSION_BASE, ReferenceSamples.REGRESSION_CANDIDATE));
            double backward = RankTests.signedRank(differences(ReferenceSamples.REGRESSION_CANDIDATE, ReferenceSamples.REGRESSION_BASE));
            assertThat(backward).isCloseTo(forward, within(1e-15));
        }

        @Test
        void signedRank_whenEveryDifferenceIsZero_isOne() {
            assertThat(RankTests.signedRank(new double[]{0, 0, 0})).isEqualTo(1.0);
        }

        @Test
        void signedRank_whenEmpty_isOne() {
            assertThat(RankTests.signedRank(new double[0])).isEqualTo(1.0);
        }
    }

    @Nested
    class RankSum {
        static Stream<Arguments> scipyValues() {
            return Stream.of(
                    Arguments.of("mixed", ReferenceSamples.UNPAIRED_MIXED_BASE, ReferenceSamples.UNPAIRED_MIXED_CANDIDATE,
                            0.03978343570505461),
                    Arguments.of("binary", ReferenceSamples.UNPAIRED_BINARY_BASE, ReferenceSamples.UNPAIRED_BINARY_CANDIDATE,
                            0.08629584784167642),
                    Arguments.of("singletons", new double[]{0.3}, new double[]{0.8}, 1.0));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("scipyValues")
        void rankSum_matchesScipy(String name, double[] base, double[] candidate, double expected) {
            assertThat(RankTests.rankSum(base, candidate)).isCloseTo(expected, within(1e-12));
        }

        @Test
        void rankSum_whenAllValuesTie_isOne() {
            assertThat(RankTests.rankSum(new double[]{1, 1, 1}, new double[]{1, 1})).isEqualTo(1.0);
        }

        @Test
        void rankSum_whenASideIsEmpty_refuses() {
            assertThatThrownBy(() -> RankTests.rankSum(new double[0], new double[]{1}))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}

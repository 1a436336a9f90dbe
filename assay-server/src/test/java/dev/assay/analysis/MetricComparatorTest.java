package dev.assay.analysis;

import static dev.assay.analysis.ReferenceSamples.differences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MetricComparatorTest {
    private static final UUID METRIC = UUID.fromString("0190c0de-0000-7000-8000-000000000001");
    private static final SideSummary SOME = new SideSummary(3, 0.5, 0.5, null);

    private static MetricComparison compare(Units units) {
        return MetricComparator.adjust(List.of(MetricComparator.compare(METRIC, "m", 0.5, SOME, SOME, units))).getFirst();
    }

    @Nested
    class Paired {
        @Test
        void compare_paired_runsTheSignedRankTestOnTheDifferences() {
            MetricComparison result = compare(new Units.Paired(
                    differences(ReferenceSamples.REGRESSION_BASE, ReferenceSamples.REGRESSION_CANDIDATE)));

            assertThat(result.pairing()).isEqualTo(Pairing.PAIRED);
            assertThat(result.pairs()).isEqualTo(25);
            assertThat(result.test()).isEqualTo(MetricComparison.Test.WILCOXON_SIGNED_RANK);
            // SciPy's wilcoxon p-value of these inputs (RankTestsTest); one metric, so Holm leaves it as is.
            assertThat(result.pValue()).isCloseTo(8.851110681359759e-05, within(1e-12));
            assertThat(result.adjustedPValue()).isEqualTo(result.pValue());
            assertThat(result.verdict()).isEqualTo(Verdict.REGRESSED);
            assertThat(result.delta()).isNegative();
            assertThat(result.deltaInterval()).isNotNull();
            assertThat(result.deltaInterval().high()).isNegative();
        }

        @Test
        void compare_paired_doesNotDependOnTheOrderOfTheDifferences() {
            double[] differences = differences(ReferenceSamples.REGRESSION_BASE, ReferenceSamples.REGRESSION_CANDIDATE);
            double[] reversed = new double[differences.length];
            for (int i = 0; i < differences.length; i++) {
                reversed[i] = differences[differences.length - 1 - i];
            }
            assertThat(compare(new Units.Paired(reversed))).isEqualTo(compare(new Units.Paired(differences)));
        }

        @Test
        void compare_withOnePair_isInsufficient() {
            MetricComparison result = compare(new Units.Paired(new double[]{0.7}));
            assertThat(result.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
            assertThat(result.pairing()).isEqualTo(Pairing.PAIRED);
            assertThat(result.pairs()).isEqualTo(1);
            assertThat(result.pValue()).isNull();
        }

        @Test
        void compare_identicalVersions_isNoChangeWithAZeroDelta() {
            MetricComparison result = compare(new Units.Paired(new double[10]));
            assertThat(result.verdict()).isEqualTo(Verdict.NO_CHANGE);
            assertThat(result.delta()).isZero();
            assertThat(result.pValue()).isEqualTo(1.0);
            assertThat(result.deltaInterval()).isEqualTo(new Interval(0, 0));
        }
    }

    @Nested
    class Unpaired {
        @Test
        void compare_unpaired_runsTheRankSumTest() {
            MetricComparison result = compare(new Units.Unpaired(ReferenceSamples.UNPAIRED_MIXED_BASE,
                    ReferenceSamples.UNPAIRED_MIXED_CANDIDATE));
            assertThat(result.pairing()).isEqualTo(Pairing.UNPAIRED);
            assertThat(result.pairs()).isZero();
            assertThat(result.test()).isEqualTo(MetricComparison.Test.MANN_WHITNEY_U);
            assertThat(result.pValue()).isCloseTo(0.03978343570505461, within(1e-12));
            assertThat(result.delta()).isCloseTo(Descriptive.mean(ReferenceSamples.UNPAIRED_MIXED_CANDIDATE)
                    - Descriptive.mean(ReferenceSamples.UNPAIRED_MIXED_BASE), within(1e-12));
            assertThat(result.verdict()).isEqualTo(Verdict.IMPROVED);
        }

        @Test
        void compare_whenNeitherSideHasScores_isInsufficient() {
            MetricComparison result = MetricComparator.compare(METRIC, "m", 0.5, SideSummary.EMPTY, SideSummary.EMPTY,
                    new Units.Unpaired(new double[0], new double[0]));
            assertThat(result.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
            assertThat(result.base().n()).isZero();
            assertThat(result.pValue()).isNull();
            assertThat(result.delta()).isNull();
            assertThat(result.deltaInterval()).isNull();
            assertThat(result.test()).isNull();
        }

        @Test
        void compare_whenOneSideIsEmpty_isInsufficient() {
            MetricComparison result = compare(new Units.Unpaired(new double[]{0.4, 0.6, 0.8}, new double[0]));
            assertThat(result.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        }

        @Test
        void compare_withOneEvaluationOnASide_isInsufficient() {
            MetricComparison result = compare(new Units.Unpaired(new double[]{0.2}, new double[]{0.9, 0.8, 0.7}));
            assertThat(result.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        }

        @Test
        void compare_whenAllScoresTie_isNoChange() {
            MetricComparison result = compare(new Units.Unpaired(new double[]{1, 1, 1, 1}, new double[]{1, 1, 1}));
            assertThat(result.verdict()).isEqualTo(Verdict.NO_CHANGE);
            assertThat(result.pValue()).isEqualTo(1.0);
            assertThat(result.delta()).isZero();
        }
    }

    @Nested
    class Summaries {
        @Test
        void sideSummary_fromAggregates_hasThePassRateAndTheMeanInterval() {
            SideSummary summary = SideSummary.of(10, 0.5, 0.25819888974716115, 6);
            assertThat(summary.passRate()).isCloseTo(0.6, within(1e-15));
            // SciPy 1.10.1 t.interval for ReferenceSamples.MIXED_BASE; its sd is NumPy's std(ddof=1).
            assertThat(summary.meanInterval()).isNotNull();
            assertThat(summary.meanInterval().low()).isCloseTo(0.31529564111008146, within(1e-9));
        }

        @Test
        void sideSummary_ofOneScore_hasNoInterval() {
            assertThat(SideSummary.of(1, 0.4, null, 0)).isEqualTo(new SideSummary(1, 0.4, 0.0, null));
            assertThat(SideSummary.of(0, 0, null, 0)).isEqualTo(SideSummary.EMPTY);
        }
    }

    @Nested
    class Adjustment {
        @Test
        void adjust_holdsSeveralMetricsToHolmAdjustedPValues() {
            // Alone, the mixed unpaired comparison (p = 0.0398) is an improvement; beside a second
            // tested metric its adjusted p-value doubles past 0.05.
            MetricComparison improved = MetricComparator.compare(METRIC, "a", 0.5, SOME, SOME,
                    new Units.Unpaired(ReferenceSamples.UNPAIRED_MIXED_BASE, ReferenceSamples.UNPAIRED_MIXED_CANDIDATE));
            MetricComparison unchanged = MetricComparator.compare(UUID.randomUUID(), "b", 0.5, SOME, SOME,
                    new Units.Unpaired(new double[]{0.5, 0.6, 0.7}, new double[]{0.5, 0.6, 0.7}));
            MetricComparison insufficient = MetricComparator.compare(UUID.randomUUID(), "c", 0.5, SideSummary.EMPTY,
                    SideSummary.EMPTY, new Units.Unpaired(new double[0], new double[0]));

            List<MetricComparison> adjusted = MetricComparator.adjust(List.of(improved, unchanged, insufficient));

            assertThat(adjusted.get(0).adjustedPValue()).isCloseTo(2 * 0.03978343570505461, within(1e-12));
            assertThat(adjusted.get(0).verdict()).isEqualTo(Verdict.NO_CHANGE);
            assertThat(adjusted.get(1).adjustedPValue()).isEqualTo(1.0);
            assertThat(adjusted.get(2).adjustedPValue()).isNull();
            assertThat(adjusted.get(2).verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        }
    }
}

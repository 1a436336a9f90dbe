package dev.assay.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MetricComparatorTest {
    private static final UUID METRIC = UUID.fromString("0190c0de-0000-7000-8000-000000000001");

    private static Sample onTestCases(double... scores) {
        String[] testCases = new String[scores.length];
        for (int i = 0; i < scores.length; i++) {
            testCases[i] = "testCase_" + (char) ('a' + i);
        }
        return new Sample(scores, testCases);
    }

    private static Sample withoutTestCases(double... scores) {
        return new Sample(scores, new String[scores.length]);
    }

    private static MetricComparison compare(Sample base, Sample candidate) {
        return MetricComparator.adjust(List.of(MetricComparator.compare(METRIC, "m", 0.5, base, candidate))).getFirst();
    }

    @Nested
    class Pairing {
        @Test
        void compare_whenBothRanTheSameTestCases_pairsThemWithTheSignedRankTest() {
            MetricComparison result = compare(onTestCases(ReferenceSamples.REGRESSION_BASE),
                    onTestCases(ReferenceSamples.REGRESSION_CANDIDATE));
            assertThat(result.pairing()).isEqualTo(dev.assay.analysis.Pairing.PAIRED);
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
        void compare_whenTestCaseSetsDiffer_usesTheRankSumTestOnEvaluations() {
            MetricComparison result = compare(onTestCases(ReferenceSamples.UNPAIRED_MIXED_BASE),
                    onTestCases(ReferenceSamples.UNPAIRED_MIXED_CANDIDATE));
            assertThat(result.pairing()).isEqualTo(dev.assay.analysis.Pairing.UNPAIRED);
            assertThat(result.pairs()).isZero();
            assertThat(result.test()).isEqualTo(MetricComparison.Test.MANN_WHITNEY_U);
            assertThat(result.pValue()).isCloseTo(0.03978343570505461, within(1e-12));
            assertThat(result.verdict()).isEqualTo(Verdict.IMPROVED);
        }

        @Test
        void compare_whenEvaluationsHaveNoTestCase_isUnpaired() {
            MetricComparison result = compare(withoutTestCases(0.1, 0.2, 0.3), withoutTestCases(0.1, 0.2, 0.3));
            assertThat(result.pairing()).isEqualTo(dev.assay.analysis.Pairing.UNPAIRED);
        }

        @Test
        void compare_averagesRepeatedEvaluationsOfATestCase() {
            Sample base = new Sample(new double[] {0.2, 0.4, 0.5, 0.5}, new String[] {"t1", "t1", "t2", "t2"});
            Sample candidate = new Sample(new double[] {0.6, 0.9}, new String[] {"t1", "t2"});
            MetricComparison result = compare(base, candidate);
            assertThat(result.pairs()).isEqualTo(2);
            // t1: 0.6 - 0.3, t2: 0.9 - 0.5
            assertThat(result.delta()).isCloseTo(0.35, within(1e-12));
            assertThat(result.base().n()).isEqualTo(4);
            assertThat(result.candidate().n()).isEqualTo(2);
        }
    }

    @Nested
    class Summaries {
        @Test
        void compare_summarisesEachSide() {
            MetricComparison result = compare(onTestCases(ReferenceSamples.MIXED_BASE), onTestCases(ReferenceSamples.MIXED_CANDIDATE));
            assertThat(result.base().n()).isEqualTo(10);
            assertThat(result.base().mean()).isCloseTo(0.5, within(1e-12));
            // 0.5, 0.6, 0.9, 0.7, 0.8, 0.5 reach 0.5
            assertThat(result.base().passRate()).isCloseTo(0.6, within(1e-12));
            assertThat(result.base().meanInterval()).isEqualTo(Intervals.mean(ReferenceSamples.MIXED_BASE));
            assertThat(result.candidate().passRate()).isCloseTo(0.8, within(1e-12));
        }
    }

    @Nested
    class EdgeCases {
        @Test
        void compare_whenNeitherSideHasScores_isInsufficient() {
            MetricComparison result = compare(Sample.empty(), Sample.empty());
            assertThat(result.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
            assertThat(result.base().n()).isZero();
            assertThat(result.base().mean()).isNull();
            assertThat(result.base().passRate()).isNull();
            assertThat(result.pValue()).isNull();
            assertThat(result.delta()).isNull();
            assertThat(result.test()).isNull();
        }

        @Test
        void compare_whenOneSideIsEmpty_isInsufficientButSummarisesTheOther() {
            MetricComparison result = compare(onTestCases(0.4, 0.6, 0.8), Sample.empty());
            assertThat(result.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
            assertThat(result.base().n()).isEqualTo(3);
            assertThat(result.base().mean()).isCloseTo(0.6, within(1e-12));
            assertThat(result.candidate().n()).isZero();
        }

        @Test
        void compare_withOnePair_isInsufficient() {
            MetricComparison result = compare(onTestCases(0.2), onTestCases(0.9));
            assertThat(result.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
            assertThat(result.pairing()).isEqualTo(dev.assay.analysis.Pairing.PAIRED);
            assertThat(result.pairs()).isEqualTo(1);
            assertThat(result.base().meanInterval()).isNull();
        }

        @Test
        void compare_withOneEvaluationOnASide_isInsufficient() {
            MetricComparison result = compare(withoutTestCases(0.2), withoutTestCases(0.9, 0.8, 0.7));
            assertThat(result.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        }

        @Test
        void compare_identicalVersions_isNoChangeWithAZeroDelta() {
            Sample scores = onTestCases(ReferenceSamples.MIXED_BASE);
            MetricComparison result = compare(scores, scores);
            assertThat(result.verdict()).isEqualTo(Verdict.NO_CHANGE);
            assertThat(result.delta()).isZero();
            assertThat(result.pValue()).isEqualTo(1.0);
            assertThat(result.deltaInterval()).isEqualTo(new Interval(0, 0));
        }

        @Test
        void compare_whenAllScoresTie_isNoChange() {
            MetricComparison result = compare(withoutTestCases(1, 1, 1, 1), withoutTestCases(1, 1, 1));
            assertThat(result.verdict()).isEqualTo(Verdict.NO_CHANGE);
            assertThat(result.pValue()).isEqualTo(1.0);
            assertThat(result.delta()).isZero();
        }
    }

    @Nested
    class Adjustment {
        @Test
        void adjust_holdsSeveralMetricsToHolmAdjustedPValues() {
            // Alone, the mixed unpaired comparison (p = 0.0398) is an improvement; beside a second
            // tested metric its adjusted p-value doubles past 0.05.
            MetricComparison improved = MetricComparator.compare(METRIC, "a", 0.5,
                    onTestCases(ReferenceSamples.UNPAIRED_MIXED_BASE), onTestCases(ReferenceSamples.UNPAIRED_MIXED_CANDIDATE));
            MetricComparison unchanged = MetricComparator.compare(UUID.randomUUID(), "b", 0.5,
                    withoutTestCases(0.5, 0.6, 0.7), withoutTestCases(0.5, 0.6, 0.7));
            MetricComparison insufficient = MetricComparator.compare(UUID.randomUUID(), "c", 0.5, Sample.empty(), Sample.empty());

            List<MetricComparison> adjusted = MetricComparator.adjust(List.of(improved, unchanged, insufficient));

            assertThat(adjusted.get(0).adjustedPValue()).isCloseTo(2 * 0.03978343570505461, within(1e-12));
            assertThat(adjusted.get(0).verdict()).isEqualTo(Verdict.NO_CHANGE);
            assertThat(adjusted.get(1).adjustedPValue()).isEqualTo(1.0);
            assertThat(adjusted.get(2).adjustedPValue()).isNull();
            assertThat(adjusted.get(2).verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
        }
    }
}

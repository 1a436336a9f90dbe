package dev.assay.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns two versions' scores of a metric into a {@link MetricComparison}, and a set of them into
 * verdicts after the Holm adjustment. Plain Java: the rules are in docs/api.md, "Comparing versions".
 */
final class MetricComparator {
    /** Fewer units than this on a side (pairs when paired) leave nothing to test. */
    static final int MIN_UNITS = 2;

    private MetricComparator() {}

    /** The comparison before adjustment: its verdict is provisional until {@link #adjust(List)}. */
    static MetricComparison compare(UUID metricId, String metricName, double passThreshold, Sample base, Sample candidate) {
        SideSummary baseSummary = SideSummary.of(base.scores(), passThreshold);
        SideSummary candidateSummary = SideSummary.of(candidate.scores(), passThreshold);
        if (isPaired(base, candidate)) {
            TreeMap<String, double[]> byTestCase = meansByTestCase(base, candidate);
            int pairs = byTestCase.size();
            if (pairs < MIN_UNITS) {
                return insufficient(metricId, metricName, passThreshold, Pairing.PAIRED, baseSummary, candidateSummary, pairs);
            }
            double[] differences = byTestCase.values().stream().mapToDouble(means -> means[1] - means[0]).toArray();
            return new MetricComparison(metricId, metricName, passThreshold, Pairing.PAIRED, baseSummary, candidateSummary,
                    pairs, Descriptive.mean(differences), Intervals.pairedBootstrap(differences),
                    MetricComparison.Test.WILCOXON_SIGNED_RANK, RankTests.signedRank(differences), null, Verdict.NO_CHANGE);
        }
        if (base.size() < MIN_UNITS || candidate.size() < MIN_UNITS) {
            return insufficient(metricId, metricName, passThreshold, Pairing.UNPAIRED, baseSummary, candidateSummary, 0);
        }
        // Sorted, so the seeded bootstrap sees the same order however the rows were read.
        double[] baseScores = sorted(base.scores());
        double[] candidateScores = sorted(candidate.scores());
        double delta = Descriptive.mean(candidateScores) - Descriptive.mean(baseScores);
        return new MetricComparison(metricId, metricName, passThreshold, Pairing.UNPAIRED, baseSummary, candidateSummary,
                0, delta, Intervals.bootstrap(baseScores, candidateScores), MetricComparison.Test.MANN_WHITNEY_U,
                RankTests.rankSum(baseScores, candidateScores), null, Verdict.NO_CHANGE);
    }

    /** Adjusts the p-values of the tested comparisons together (Holm) and gives each its verdict. */
    static List<MetricComparison> adjust(List<MetricComparison> comparisons) {
        double[] pValues = comparisons.stream().filter(MetricComparison::isTested)
                .mapToDouble(comparison -> nonNull(comparison.pValue())).toArray();
        double[] adjusted = Holm.adjust(pValues);
        List<MetricComparison> result = new ArrayList<>(comparisons.size());
        int next = 0;
        for (MetricComparison comparison : comparisons) {
            if (!comparison.isTested()) {
                result.add(comparison);
                continue;
            }
            double adjustedPValue = adjusted[next++];
            result.add(new MetricComparison(comparison.metricId(), comparison.metricName(), comparison.passThreshold(),
                    comparison.pairing(), comparison.base(), comparison.candidate(), comparison.pairs(), comparison.delta(),
                    comparison.deltaInterval(), comparison.test(), comparison.pValue(), adjustedPValue,
                    verdict(nonNull(comparison.delta()), adjustedPValue)));
        }
        return result;
    }

    static Verdict verdict(double delta, double adjustedPValue) {
        if (!(adjustedPValue < Comparison.SIGNIFICANCE) || delta == 0) {
            return Verdict.NO_CHANGE;
        }
        return delta > 0 ? Verdict.IMPROVED : Verdict.REGRESSED;
    }

    /** Paired when every evaluation of both versions has a test case and both ran the same set. */
    static boolean isPaired(Sample base, Sample candidate) {
        if (base.size() == 0 || candidate.size() == 0) {
            return false;
        }
        Set<String> baseCases = testCases(base);
        Set<String> candidateCases = testCases(candidate);
        return baseCases != null && baseCases.equals(candidateCases);
    }

    private static @Nullable Set<String> testCases(Sample sample) {
        Set<String> cases = new HashSet<>();
        for (String testCaseId : sample.testCaseIds()) {
            if (testCaseId == null) {
                return null;
            }
            cases.add(testCaseId);
        }
        return cases;
    }

    /** Per test case, in test case id order: {base mean, candidate mean}. */
    private static TreeMap<String, double[]> meansByTestCase(Sample base, Sample candidate) {
        TreeMap<String, double[]> sums = new TreeMap<>();
        accumulate(sums, base, 0);
        accumulate(sums, candidate, 2);
        TreeMap<String, double[]> means = new TreeMap<>();
        sums.forEach((testCase, sum) -> means.put(testCase, new double[] {sum[0] / sum[1], sum[2] / sum[3]}));
        return means;
    }

    private static void accumulate(TreeMap<String, double[]> sums, Sample sample, int offset) {
        String[] testCaseIds = sample.testCaseIds();
        double[] scores = sample.scores();
        for (int i = 0; i < scores.length; i++) {
            double[] sum = sums.computeIfAbsent(nonNull(testCaseIds[i]), key -> new double[4]);
            sum[offset] += scores[i];
            sum[offset + 1]++;
        }
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static MetricComparison insufficient(UUID metricId, String metricName, double passThreshold, Pairing pairing,
            SideSummary base, SideSummary candidate, int pairs) {
        return new MetricComparison(metricId, metricName, passThreshold, pairing, base, candidate, pairs, null, null, null,
                null, null, Verdict.INSUFFICIENT_DATA);
    }

    private static <T> T nonNull(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("a tested comparison has a delta and a p-value");
        }
        return value;
    }
}

package dev.assay.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    static MetricComparison compare(UUID metricId, String metricName, double passThreshold, SideSummary base,
            SideSummary candidate, Units units) {
        return switch (units) {
            case Units.Paired paired -> {
                int pairs = paired.differences().length;
                if (pairs < MIN_UNITS) {
                    yield insufficient(metricId, metricName, passThreshold, Pairing.PAIRED, base, candidate, pairs);
                }
                // Sorted, so the seeded bootstrap sees the same order however the rows were read.
                double[] differences = sorted(paired.differences());
                yield new MetricComparison(metricId, metricName, passThreshold, Pairing.PAIRED, base, candidate, pairs,
                        Descriptive.mean(differences), Intervals.pairedBootstrap(differences),
                        MetricComparison.Test.WILCOXON_SIGNED_RANK, RankTests.signedRank(differences), null, Verdict.NO_CHANGE);
            }
            case Units.Unpaired unpaired -> {
                if (unpaired.base().length < MIN_UNITS || unpaired.candidate().length < MIN_UNITS) {
                    yield insufficient(metricId, metricName, passThreshold, Pairing.UNPAIRED, base, candidate, 0);
                }
                double[] baseScores = sorted(unpaired.base());
                double[] candidateScores = sorted(unpaired.candidate());
                double delta = Descriptive.mean(candidateScores) - Descriptive.mean(baseScores);
                yield new MetricComparison(metricId, metricName, passThreshold, Pairing.UNPAIRED, base, candidate, 0, delta,
                        Intervals.bootstrap(baseScores, candidateScores), MetricComparison.Test.MANN_WHITNEY_U,
                        RankTests.rankSum(baseScores, candidateScores), null, Verdict.NO_CHANGE);
            }
        };
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

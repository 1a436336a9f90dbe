package dev.assay.analysis;

import java.util.Arrays;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.inference.MannWhitneyUTest;
import org.hipparchus.stat.ranking.NaNStrategy;
import org.hipparchus.stat.ranking.NaturalRanking;
import org.hipparchus.stat.ranking.TiesStrategy;

/**
 * The two-sided rank tests of a comparison, both by the normal approximation with tie and
 * continuity corrections (docs/api.md, "Comparing versions"): the Wilcoxon signed-rank test with
 * zero differences dropped, as SciPy's {@code wilcoxon(x, y, zero_method="wilcox", correction=True,
 * method="approx")}, and the Mann–Whitney U test, as {@code mannwhitneyu(x, y, use_continuity=True,
 * method="asymptotic")}. Ranks, the U test and the normal distribution come from Hipparchus; the
 * signed-rank statistic is computed here because Hipparchus's version has no tie correction, which
 * scores (often 0 or 1) need.
 */
final class RankTests {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private RankTests() {}

    /** The p-value of the signed-rank test on paired differences; 1 when every difference is zero. */
    static double signedRank(double[] differences) {
        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
        int n = nonZero.length;
        if (n == 0) {
            return 1;
        }
        double[] absolute = Arrays.stream(nonZero).map(Math::abs).toArray();
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(absolute);
        double positiveRankSum = 0;
        for (int i = 0; i < n; i++) {
            if (nonZero[i] > 0) {
                positiveRankSum += ranks[i];
            }
        }
        double size = n;
        double mean = size * (size + 1) / 4;
        double variance = (size * (size + 1) * (2 * size + 1) - 0.5 * tieTerm(absolute)) / 24;
        if (variance <= 0) {
            return 1;
        }
        double deviation = positiveRankSum - mean;
        double z = (deviation - 0.5 * Math.signum(deviation)) / Math.sqrt(variance);
        return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /** The p-value of the rank-sum test of two independent samples, each of at least one value. */
    static double rankSum(double[] base, double[] candidate) {
        if (base.length == 0 || candidate.length == 0) {
            throw new IllegalArgumentException("both samples need a value");
        }
        double p = new MannWhitneyUTest(NaNStrategy.FAILED, TiesStrategy.AVERAGE).mannWhitneyUTest(base, candidate, false);
        return Math.min(1, p);
    }

    /** The sum of t³ − t over the groups of t equal values, for the variance's tie correction. */
    private static double tieTerm(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double sum = 0;
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[start]) {
                double t = i - start;
                sum += t * t * t - t;
                start = i;
            }
        }
        return sum;
    }
}

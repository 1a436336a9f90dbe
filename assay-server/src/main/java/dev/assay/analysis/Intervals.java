package dev.assay.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.TDistribution;
import org.jspecify.annotations.Nullable;

/**
 * The 95 % intervals of a comparison: Student's t for a mean, and percentile bootstraps for the
 * delta. The bootstrap draws from a seeded generator over data in a fixed order, so the same
 * evaluations always give the same interval.
 */
final class Intervals {
    static final double CONFIDENCE = 0.95;
    static final long BOOTSTRAP_SEED = 20_240_601L;
    /** Resamples when the sample is small; fewer for large samples, whose intervals are tight anyway. */
    static final int MAX_RESAMPLES = 2000;
    static final int MIN_RESAMPLES = 200;
    /** The budget of single draws per interval, which bounds the time of one comparison. */
    static final long MAX_DRAWS = 40_000_000L;

    private Intervals() {}

    /**
     * mean ± t(0.975, n−1)·s/√n, as SciPy's {@code t.interval(0.95, n-1, loc=mean, scale=sem)}, from
     * the sample standard deviation s; null below 2 values.
     */
    static @Nullable Interval mean(long n, double mean, double standardDeviation) {
        if (n < 2) {
            return null;
        }
        double standardError = standardDeviation / Math.sqrt(n);
        double quantile = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return new Interval(Math.min(mean, mean - quantile * standardError), Math.max(mean, mean + quantile * standardError));
    }

    /** The paired bootstrap of the mean difference: pairs are resampled with replacement. */
    static Interval pairedBootstrap(double[] differences) {
        int n = differences.length;
        int resamples = resamples(n);
        SplittableRandom random = new SplittableRandom(BOOTSTRAP_SEED);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            means[b] = resampledMean(differences, random);
        }
        return percentiles(means);
    }

    /** The two-sample bootstrap of the difference of means: each side is resampled on its own. */
    static Interval bootstrap(double[] base, double[] candidate) {
        int resamples = resamples(Math.max(base.length, candidate.length));
        SplittableRandom random = new SplittableRandom(BOOTSTRAP_SEED);
        double[] deltas = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            deltas[b] = resampledMean(candidate, random) - resampledMean(base, random);
        }
        return percentiles(deltas);
    }

    static int resamples(int n) {
        long affordable = MAX_DRAWS / Math.max(1, 2L * n);
        return (int) Math.max(MIN_RESAMPLES, Math.min(MAX_RESAMPLES, affordable));
    }

    /**
     * The mean of n values drawn with replacement. Each 64-bit random number gives two indices by
     * multiply-shift (index = r·n / 2³²), which is biased by at most n / 2³² per value and several
     * times faster than rejection sampling; at the 100 000 units of a large comparison that bias is
     * below 3·10⁻⁵.
     */
    private static double resampledMean(double[] values, SplittableRandom random) {
        int n = values.length;
        long size = n;
        double sum = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            long bits = random.nextLong();
            sum += values[(int) (((bits >>> 32) * size) >>> 32)];
            sum += values[(int) (((bits & 0xFFFF_FFFFL) * size) >>> 32)];
        }
        if (i < n) {
            sum += values[(int) (((random.nextLong() >>> 32) * size) >>> 32)];
        }
        return sum / n;
    }

    /** The 2.5th and 97.5th percentiles, interpolated linearly between order statistics (NumPy's default). */
    private static Interval percentiles(double[] estimates) {
        Arrays.sort(estimates);
        double tail = (1 - CONFIDENCE) / 2;
        return new Interval(quantile(estimates, tail), quantile(estimates, 1 - tail));
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}

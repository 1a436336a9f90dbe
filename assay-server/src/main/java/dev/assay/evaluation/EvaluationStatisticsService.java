package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.ListQuery;
import dev.assay.common.PageCursor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only figures over an organization's evaluations for the dashboard: mean scores per
 * version and metric, daily score trends, a score histogram and a keyset-paged explorer list.
 * Every figure over an unbounded set says how many rows it read.
 */
@Service
public class EvaluationStatisticsService {
    /** A histogram reads at most this many of the newest matching evaluations... */
    public static final int HISTOGRAM_SAMPLE = 10_000;
    /** ...among this many of the organization's newest evaluations, so a selective filter cannot make it scan them all. */
    public static final int HISTOGRAM_WINDOW = 20_000;
    public static final int HISTOGRAM_BINS = 10;

    private final EvaluationRepository evaluations;
    private final EvaluationStatisticsRepository statistics;
    private final EvaluationFilters filters;
    private final Clock clock;

    EvaluationStatisticsService(EvaluationRepository evaluations, EvaluationStatisticsRepository statistics,
            EvaluationFilters filters, Clock clock) {
        this.evaluations = evaluations;
        this.statistics = statistics;
        this.filters = filters;
        this.clock = clock;
    }

    /** The mean score of every (version, metric) pair with at least one scored evaluation. */
    @Transactional(readOnly = true)
    public List<MeanScore> meanScores(Caller caller) {
        return statistics.meanScores(caller.organizationId());
    }

    /** The daily mean score per version and metric over the last {@code days} days. */
    @Transactional(readOnly = true)
    public List<DailyScore> dailyScores(Caller caller, int days) {
        if (days < 1 || days > 366) {
            throw AssayException.invalidField("days", "must be between 1 and 366");
        }
        return statistics.dailyScores(caller.organizationId(), clock.instant().minus(Duration.ofDays(days)));
    }

    /**
     * One page of the evaluations matching the list filters of {@code GET /evaluations} and a score
     * range, newest first, strictly before {@code before} when given.
     */
    @Transactional(readOnly = true)
    public List<Evaluation> explore(Caller caller, ListQuery query, ScoreRange range, @Nullable PageCursor before, int limit) {
        if (limit < 1 || limit > 1000) {
            throw AssayException.invalidField("limit", "must be between 1 and 1000");
        }
        return evaluations.listNewestFirst(caller.organizationId(), filters.filter(caller, query), range, before, limit);
    }

    /**
     * The score histogram over [0, 1] of the newest {@link #HISTOGRAM_SAMPLE} matching scored
     * evaluations among the organization's newest {@link #HISTOGRAM_WINDOW}.
     */
    @Transactional(readOnly = true)
    public Histogram histogram(Caller caller, ListQuery query, ScoreRange range) {
        EvaluationFilter filter = filters.filter(caller, query);
        long[] counts = statistics.histogram(caller.organizationId(), filter, range, HISTOGRAM_WINDOW, HISTOGRAM_SAMPLE,
                HISTOGRAM_BINS);
        return new Histogram(counts, HISTOGRAM_SAMPLE);
    }

    /** An inclusive score range; either end may be open. */
    public record ScoreRange(@Nullable Double min, @Nullable Double max) {
        public static final ScoreRange ANY = new ScoreRange(null, null);

        public ScoreRange {
            if (min != null && !Double.isFinite(min) || max != null && !Double.isFinite(max)) {
                throw AssayException.invalidField("score", "must be a finite number");
            }
            if (min != null && max != null && min > max) {
                throw AssayException.invalidField("minScore", "must not exceed maxScore");
            }
        }
    }

    /** The mean of one metric's scores in one version, over {@code count} scored evaluations. */
    public record MeanScore(UUID versionId, UUID metricId, long count, double mean) {}

    /** The mean of one metric's scores in one version on one UTC day. */
    public record DailyScore(Instant day, UUID versionId, UUID metricId, long count, double mean) {}

    /**
     * Counts per bin of width 1 / bins over [0, 1] (scores outside fall in the first or last bin),
     * from at most {@code sampleLimit} evaluations.
     */
    public record Histogram(long[] counts, int sampleLimit) {
        public Histogram {
            counts = counts.clone();
        }

        @Override
        public long[] counts() {
            return counts.clone();
        }

        public long total() {
            long total = 0;
            for (long count : counts) {
                total += count;
            }
            return total;
        }
    }
}

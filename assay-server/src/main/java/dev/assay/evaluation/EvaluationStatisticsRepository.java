package dev.assay.evaluation;

import dev.assay.common.Sql;
import dev.assay.common.Where;
import dev.assay.evaluation.EvaluationStatisticsService.ScoreRange;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The aggregate queries behind {@link EvaluationStatisticsService}. */
@Repository
class EvaluationStatisticsRepository {
    private final JdbcClient jdbc;

    EvaluationStatisticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EvaluationStatisticsService.MeanScore> meanScores(UUID organizationId) {
        return jdbc.sql("""
                SELECT e.version_id, e.metric_id, count(*) AS n, avg(e.score) AS mean
                FROM evaluations e
                WHERE e.organization_id = :organizationId AND e.deleted_at IS NULL AND e.score IS NOT NULL
                GROUP BY e.version_id, e.metric_id
                """)
                .param("organizationId", organizationId)
                .query((rs, row) -> new EvaluationStatisticsService.MeanScore(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3), rs.getDouble(4)))
                .list();
    }

    List<EvaluationStatisticsService.DailyScore> dailyScores(UUID organizationId, Instant since) {
        return jdbc.sql("""
                SELECT date_trunc('day', e.created_at, 'UTC') AS day, e.version_id, e.metric_id,
                       count(*) AS n, avg(e.score) AS mean
                FROM evaluations e
                WHERE e.organization_id = :organizationId AND e.deleted_at IS NULL AND e.score IS NOT NULL
                  AND e.created_at >= :since
                GROUP BY 1, 2, 3
                ORDER BY 1
                """)
                .param("organizationId", organizationId)
                .param("since", Sql.timestamp(since))
                .query((rs, row) -> new EvaluationStatisticsService.DailyScore(
                        rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getLong(4), rs.getDouble(5)))
                .list();
    }

    /**
     * Bins the scores of the newest {@code sampleLimit} scored evaluations matching the filter and the
     * score range among the newest {@code window} evaluations of the organization: the window bounds
     * the rows read whatever the filters.
     */
    long[] histogram(UUID organizationId, EvaluationFilter filter, ScoreRange range, int window, int sampleLimit, int bins) {
        Where where = EvaluationRepository.where(organizationId, filter);
        EvaluationRepository.addScoreRange(where, range);
        where.add("e.score IS NOT NULL");
        long[] counts = new long[bins];
        where.param("window", window).param("sampleLimit", sampleLimit).param("bins", bins)
                .bind(jdbc.sql("""
                        SELECT LEAST(GREATEST(width_bucket(x.score, 0, 1, :bins), 1), :bins) AS bin, count(*) AS n
                        FROM (SELECT e.score
                              FROM (SELECT * FROM evaluations w WHERE w.organization_id = :organizationId
                                    ORDER BY w.created_at DESC, w.id DESC LIMIT :window) e
                        """ + where.sql() + """
                         ORDER BY e.created_at DESC, e.id DESC LIMIT :sampleLimit) x
                        GROUP BY 1
                        """))
                .query((rs, row) -> new long[]{rs.getInt(1), rs.getLong(2)})
                .list()
                .forEach(bin -> counts[(int) bin[0] - 1] = bin[1]);
        return counts;
    }
}

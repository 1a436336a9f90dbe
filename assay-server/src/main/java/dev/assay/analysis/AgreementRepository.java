package dev.assay.analysis;

import dev.assay.common.Sql;
import dev.assay.common.Where;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Machine scores against human scores, aggregated in SQL: counts, the confusion matrix, mean
 * absolute error, and Pearson's and Spearman's correlations ({@code corr} over the scores and over
 * their average ranks).
 */
@Repository
class AgreementRepository {
    /** Evaluations of metrics that machines score, with a human review beside the score. */
    private static final String FROM = " FROM evaluations e JOIN metrics m ON m.id = e.metric_id ";
    private static final String REVIEWED = " AND e.human_score IS NOT NULL AND m.source <> 'HUMAN_EVALUATION'";

    private final JdbcClient jdbc;

    AgreementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> aggregate(ScoredEvaluations evaluations, double passThreshold) {
        Where where = ComparisonRepository.where(evaluations);
        String sql = """
                WITH pairs AS (
                    SELECT e.metric_id, e.score AS machine, e.human_score AS human
                """ + FROM + where.sql() + REVIEWED + """
                ), ranked AS (
                    SELECT metric_id, machine, human,
                           rank() OVER (PARTITION BY metric_id ORDER BY machine)
                               + (count(*) OVER (PARTITION BY metric_id, machine) - 1) / 2.0 AS machine_rank,
                           rank() OVER (PARTITION BY metric_id ORDER BY human)
                               + (count(*) OVER (PARTITION BY metric_id, human) - 1) / 2.0 AS human_rank
                    FROM pairs
                )
                SELECT metric_id, count(*) AS n,
                       avg(abs(machine - human)) AS mean_absolute_error,
                       corr(machine, human) AS pearson,
                       corr(machine_rank, human_rank) AS spearman,
                       count(*) FILTER (WHERE machine >= :passThreshold AND human >= :passThreshold) AS both_pass,
                       count(*) FILTER (WHERE machine >= :passThreshold AND human < :passThreshold) AS machine_pass_human_fail,
                       count(*) FILTER (WHERE machine < :passThreshold AND human >= :passThreshold) AS machine_fail_human_pass,
                       count(*) FILTER (WHERE machine < :passThreshold AND human < :passThreshold) AS both_fail
                FROM ranked
                GROUP BY metric_id
                """;
        return where.param("passThreshold", passThreshold)
                .bind(jdbc.sql(sql))
                .query((rs, row) -> new Row(rs.getObject("metric_id", UUID.class), rs.getLong("n"),
                        Sql.nullableDouble(rs, "mean_absolute_error"), Sql.nullableDouble(rs, "pearson"),
                        Sql.nullableDouble(rs, "spearman"),
                        new MetricAgreement.ConfusionMatrix(rs.getLong("both_pass"), rs.getLong("machine_pass_human_fail"),
                                rs.getLong("machine_fail_human_pass"), rs.getLong("both_fail"))))
                .list();
    }

    /** Reviewed evaluations whose scores differ, largest difference first. */
    List<Disagreement> disagreements(ScoredEvaluations evaluations, int limit, int offset) {
        Where where = ComparisonRepository.where(evaluations);
        String sql = """
                SELECT e.id, e.metric_id, e.session_id, e.inference_result_id, e.test_case_id, e.score, e.human_score,
                       e.reason, e.human_reason, e.human_evaluator_id
                """ + FROM + where.sql() + REVIEWED + """
                  AND e.score <> e.human_score
                ORDER BY abs(e.score - e.human_score) DESC, e.id
                LIMIT :limit OFFSET :offset
                """;
        return where.param("limit", limit).param("offset", offset)
                .bind(jdbc.sql(sql))
                .query((rs, row) -> new Disagreement(rs.getObject("id", UUID.class), rs.getObject("metric_id", UUID.class),
                        rs.getObject("session_id", UUID.class), Sql.uuid(rs, "inference_result_id"), rs.getString("test_case_id"),
                        rs.getDouble("score"), rs.getDouble("human_score"), rs.getString("reason"), rs.getString("human_reason"),
                        rs.getString("human_evaluator_id")))
                .list();
    }

    /** One metric's aggregates. */
    record Row(UUID metricId, long n, @Nullable Double meanAbsoluteError, @Nullable Double pearson, @Nullable Double spearman,
            MetricAgreement.ConfusionMatrix confusionMatrix) {}
}

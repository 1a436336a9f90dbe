package dev.assay.analysis;

import dev.assay.common.Sql;
import dev.assay.common.Where;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads two versions' scores, aggregated in SQL where the statistics allow: per-side counts, means,
 * standard deviations and pass counts, and per-test-case means for pairing; raw scores only for an
 * unpaired rank test.
 */
@Repository
class ComparisonRepository {
    private static final String FROM = " FROM evaluations e JOIN sessions s ON s.id = e.session_id ";
    private static final String BOTH_VERSIONS =
            " AND s.deleted_at IS NULL AND s.version_id IN (:baseVersionId, :candidateVersionId)";

    private final JdbcClient jdbc;

    ComparisonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per metric, each side's aggregates (index 0 the base, 1 the candidate), in one pass. When the
     * two versions are the same, both sides are the same rows.
     */
    Map<UUID, SideRow[]> summaries(Where where, UUID baseVersionId, UUID candidateVersionId, double passThreshold) {
        Map<UUID, SideRow[]> summaries = new LinkedHashMap<>();
        where.param("baseVersionId", baseVersionId).param("candidateVersionId", candidateVersionId)
                .param("passThreshold", passThreshold)
                .bind(jdbc.sql("""
                        SELECT e.metric_id, CASE WHEN s.version_id = :baseVersionId THEN 0 ELSE 1 END AS side,
                               count(*) AS n, avg(e.score) AS mean, stddev_samp(e.score) AS standard_deviation,
                               count(*) FILTER (WHERE e.score >= :passThreshold) AS passing,
                               count(*) FILTER (WHERE e.test_case_id IS NULL) AS without_test_case
                        """ + FROM + where.sql() + BOTH_VERSIONS + " GROUP BY 1, 2"))
                .query(rs -> {
                    SideRow[] sides = summaries.computeIfAbsent(rs.getObject("metric_id", UUID.class), key -> new SideRow[2]);
                    sides[rs.getInt("side")] = new SideRow(rs.getLong("n"), rs.getDouble("mean"),
                            Sql.nullableDouble(rs, "standard_deviation"), rs.getLong("passing"), rs.getLong("without_test_case"));
                });
        summaries.values().forEach(sides -> {
            if (baseVersionId.equals(candidateVersionId)) {
                sides[1] = sides[0];
            }
        });
        return summaries;
    }

    /**
     * For each metric, one row per test case: the mean score of each version, null on a side
     * without an evaluation of that test case. Only evaluations with a test case count.
     */
    Map<UUID, List<double @Nullable []>> testCaseMeans(Where where, UUID baseVersionId, UUID candidateVersionId,
            Collection<UUID> metricIds) {
        Map<UUID, List<double @Nullable []>> means = new LinkedHashMap<>();
        where.param("baseVersionId", baseVersionId).param("candidateVersionId", candidateVersionId)
                .param("selectedMetricIds", List.copyOf(metricIds))
                .bind(jdbc.sql("""
                        SELECT e.metric_id,
                               avg(e.score) FILTER (WHERE s.version_id = :baseVersionId) AS base_mean,
                               avg(e.score) FILTER (WHERE s.version_id = :candidateVersionId) AS candidate_mean
                        """ + FROM + where.sql() + BOTH_VERSIONS + """
                          AND e.test_case_id IS NOT NULL AND e.metric_id IN (:selectedMetricIds)
                        GROUP BY e.metric_id, e.test_case_id
                        """))
                .query(rs -> {
                    Double base = Sql.nullableDouble(rs, "base_mean");
                    Double candidate = Sql.nullableDouble(rs, "candidate_mean");
                    means.computeIfAbsent(rs.getObject("metric_id", UUID.class), key -> new ArrayList<>())
                            .add(base == null || candidate == null ? null : new double[] {base, candidate});
                });
        return means;
    }

    /** Every score of each side for these metrics (index 0 the base, 1 the candidate), in no fixed order. */
    Map<UUID, double[][]> scores(Where where, UUID baseVersionId, UUID candidateVersionId, Collection<UUID> metricIds) {
        Map<UUID, ScoreBuilder[]> builders = new LinkedHashMap<>();
        where.param("baseVersionId", baseVersionId).param("candidateVersionId", candidateVersionId)
                .param("selectedMetricIds", List.copyOf(metricIds))
                .bind(jdbc.sql("SELECT e.metric_id, CASE WHEN s.version_id = :baseVersionId THEN 0 ELSE 1 END AS side, e.score"
                        + FROM + where.sql() + BOTH_VERSIONS + " AND e.metric_id IN (:selectedMetricIds)"))
                .query(rs -> {
                    ScoreBuilder[] sides = builders.computeIfAbsent(rs.getObject("metric_id", UUID.class),
                            key -> new ScoreBuilder[] {new ScoreBuilder(), new ScoreBuilder()});
                    sides[rs.getInt("side")].add(rs.getDouble("score"));
                });
        Map<UUID, double[][]> scores = new LinkedHashMap<>();
        builders.forEach((metricId, sides) -> {
            double[] base = sides[0].build();
            scores.put(metricId, new double[][] {base, baseVersionId.equals(candidateVersionId) ? base : sides[1].build()});
        });
        return scores;
    }

    /** The test cases both versions were scored on, lowest delta first. */
    List<ComparisonItem> items(Where where, UUID baseVersionId, UUID candidateVersionId, int limit, int offset) {
        String sql = """
                WITH scored AS (
                    SELECT s.version_id, e.metric_id, e.test_case_id, e.score, e.reason, e.id, e.created_at
                """ + FROM + where.sql() + """
                      AND e.test_case_id IS NOT NULL AND s.deleted_at IS NULL
                      AND s.version_id IN (:baseVersionId, :candidateVersionId)
                ), per_test_case AS (
                    SELECT version_id, metric_id, test_case_id, avg(score) AS score, count(*) AS n,
                           (array_agg(id ORDER BY created_at DESC, id DESC))[1] AS latest_id,
                           (array_agg(reason ORDER BY created_at DESC, id DESC))[1] AS latest_reason
                    FROM scored
                    GROUP BY version_id, metric_id, test_case_id
                )
                SELECT b.metric_id, b.test_case_id, b.score AS base_score, c.score AS candidate_score,
                       b.n AS base_count, c.n AS candidate_count, b.latest_id AS base_id, b.latest_reason AS base_reason,
                       c.latest_id AS candidate_id, c.latest_reason AS candidate_reason
                FROM per_test_case b
                JOIN per_test_case c ON c.metric_id = b.metric_id AND c.test_case_id = b.test_case_id
                                    AND c.version_id = :candidateVersionId
                WHERE b.version_id = :baseVersionId
                ORDER BY c.score - b.score, b.metric_id, b.test_case_id
                LIMIT :limit OFFSET :offset
                """;
        return where.param("baseVersionId", baseVersionId).param("candidateVersionId", candidateVersionId)
                .param("limit", limit).param("offset", offset)
                .bind(jdbc.sql(sql))
                .query((rs, row) -> new ComparisonItem(rs.getObject("metric_id", UUID.class), rs.getString("test_case_id"),
                        rs.getDouble("base_score"), rs.getDouble("candidate_score"), rs.getInt("base_count"),
                        rs.getInt("candidate_count"), rs.getObject("base_id", UUID.class), rs.getString("base_reason"),
                        rs.getObject("candidate_id", UUID.class), rs.getString("candidate_reason")))
                .list();
    }

    /** One side's aggregates. */
    record SideRow(long n, double mean, @Nullable Double standardDeviation, long passing, long withoutTestCase) {}

    /** Grows an array of scores without boxing a value per row. */
    private static final class ScoreBuilder {
        private double[] scores = new double[64];
        private int size;

        void add(double score) {
            if (size == scores.length) {
                scores = Arrays.copyOf(scores, size * 2);
            }
            scores[size++] = score;
        }

        double[] build() {
            return Arrays.copyOf(scores, size);
        }
    }
}

package dev.assay.analysis;

import dev.assay.common.Where;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads two versions' scores, aggregated in SQL where the statistics allow: per test case and
 * version the count, sum, sum of squares and passing count, from which the side summaries and the
 * paired differences follow; raw scores only for an unpaired rank test.
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
     * Per metric, one row per test case (and one for the evaluations without a test case) with
     * each version's count, sum, sum of squares and passing count, in one pass over the rows. When
     * the two versions are the same, both sides are the same rows.
     */
    Map<UUID, List<TestCaseRow>> testCases(Where where, UUID baseVersionId, UUID candidateVersionId, double passThreshold) {
        // The per-test-case groups of a large comparison fit in memory; the default work_mem would spill them to disk.
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        Map<UUID, List<TestCaseRow>> rows = new LinkedHashMap<>();
        where.param("baseVersionId", baseVersionId).param("candidateVersionId", candidateVersionId)
                .param("passThreshold", passThreshold)
                .bind(jdbc.sql("""
                        SELECT e.metric_id, bool_and(e.test_case_id IS NULL) AS without_test_case,
                               count(*) FILTER (WHERE s.version_id = :baseVersionId) AS base_n,
                               coalesce(sum(e.score) FILTER (WHERE s.version_id = :baseVersionId), 0) AS base_sum,
                               coalesce(sum(e.score * e.score) FILTER (WHERE s.version_id = :baseVersionId), 0) AS base_squares,
                               count(*) FILTER (WHERE s.version_id = :baseVersionId AND e.score >= :passThreshold) AS base_passing,
                               count(*) FILTER (WHERE s.version_id = :candidateVersionId) AS candidate_n,
                               coalesce(sum(e.score) FILTER (WHERE s.version_id = :candidateVersionId), 0) AS candidate_sum,
                               coalesce(sum(e.score * e.score) FILTER (WHERE s.version_id = :candidateVersionId), 0)
                                   AS candidate_squares,
                               count(*) FILTER (WHERE s.version_id = :candidateVersionId AND e.score >= :passThreshold)
                                   AS candidate_passing
                        """ + FROM + where.sql() + BOTH_VERSIONS + " GROUP BY e.metric_id, e.test_case_id"))
                .query((RowCallbackHandler) rs -> rows.computeIfAbsent(rs.getObject("metric_id", UUID.class), key -> new ArrayList<>())
                        .add(new TestCaseRow(rs.getBoolean("without_test_case"),
                                new Totals(rs.getLong("base_n"), rs.getDouble("base_sum"), rs.getDouble("base_squares"),
                                        rs.getLong("base_passing")),
                                new Totals(rs.getLong("candidate_n"), rs.getDouble("candidate_sum"),
                                        rs.getDouble("candidate_squares"), rs.getLong("candidate_passing")))));
        return rows;
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

    /** One test case of a metric (or all its evaluations without a test case), both versions' totals. */
    record TestCaseRow(boolean withoutTestCase, Totals base, Totals candidate) {}

    /** Count, sum, sum of squares and passing count of some scores. */
    record Totals(long n, double sum, double squares, long passing) {
        static final Totals NONE = new Totals(0, 0, 0, 0);

        Totals plus(Totals other) {
            return new Totals(n + other.n, sum + other.sum, squares + other.squares, passing + other.passing);
        }

        double mean() {
            return sum / n;
        }
    }

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

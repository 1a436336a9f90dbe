package dev.assay.analysis;

import dev.assay.common.Where;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads two versions' scores, aggregated in SQL where the statistics allow
 * (docs/decisions/0012-comparison-read-path.md). Each side is one range of
 * {@code evaluations_version_scores_idx} (V70), grouped per metric and test case in index order;
 * the two sides meet in a merge join. Per metric the database returns each side's count, sum, sum
 * of squares and passing count, and, for a paired metric, the per-test-case differences as one
 * binary array; raw scores travel only for an unpaired rank test, as one binary array per side.
 */
@Repository
class ComparisonRepository {
    /** One side's groups: count, sum, sum of squares and passing count per metric and test case. */
    private static final String SIDE = """
            SELECT e.metric_id, e.test_case_id, count(*) AS n, sum(e.score) AS total,
                   sum(e.score * e.score) AS squares, count(*) FILTER (WHERE e.score >= :passThreshold) AS passing
            FROM evaluations e
            """;

    private final JdbcClient jdbc;

    ComparisonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per metric either version was scored with, each side's totals and, when the metric pairs (every
     * evaluation of both versions on a test case, every test case scored on both), the differences of
     * the per-test-case means, candidate minus base, in no fixed order. When the two versions are the
     * same, both sides are the same rows.
     */
    Map<UUID, MetricRows> metrics(ScoredEvaluations evaluations, UUID baseVersionId, UUID candidateVersionId, double passThreshold) {
        Map<UUID, MetricRows> rows = new LinkedHashMap<>();
        Where where = where(evaluations);
        where.param("baseVersionId", baseVersionId).param("candidateVersionId", candidateVersionId)
                .param("passThreshold", passThreshold)
                .bind(jdbc.sql(metricsSql(where)))
                .query((RowCallbackHandler) rs -> {
                    boolean paired = rs.getBoolean("paired");
                    byte[] differences = rs.getBytes("differences");
                    rows.put(rs.getObject("metric_id", UUID.class), new MetricRows(
                            new Totals(rs.getLong("base_n"), rs.getDouble("base_sum"), rs.getDouble("base_squares"),
                                    rs.getLong("base_passing")),
                            new Totals(rs.getLong("candidate_n"), rs.getDouble("candidate_sum"),
                                    rs.getDouble("candidate_squares"), rs.getLong("candidate_passing")),
                            paired ? doubles(differences) : null));
                });
        return rows;
    }

    /**
     * Every score of each side for these metrics (index 0 the base, 1 the candidate), in no fixed
     * order; both sides are the same rows when the versions are the same.
     */
    Map<UUID, double[][]> scores(ScoredEvaluations evaluations, UUID baseVersionId, UUID candidateVersionId, Collection<UUID> metricIds) {
        Map<UUID, double[][]> scores = new LinkedHashMap<>();
        Where where = where(evaluations);
        where.param("baseVersionId", baseVersionId).param("candidateVersionId", candidateVersionId)
                .param("selectedMetricIds", List.copyOf(metricIds))
                .bind(jdbc.sql(scoresSql(where)))
                .query((RowCallbackHandler) rs -> {
                    double[][] sides = scores.computeIfAbsent(rs.getObject("metric_id", UUID.class),
                            key -> new double[][]{new double[0], new double[0]});
                    sides[rs.getInt("side")] = doubles(rs.getBytes("scores"));
                });
        return scores;
    }

    /**
     * The test cases both versions were scored on, lowest delta first. Each side is grouped from the
     * index alone; only the page's latest evaluations are read from the table, for their reasons.
     */
    List<ComparisonItem> items(ScoredEvaluations evaluations, UUID baseVersionId, UUID candidateVersionId, int limit, int offset) {
        Where where = where(evaluations);
        return where.param("baseVersionId", baseVersionId).param("candidateVersionId", candidateVersionId)
                .param("limit", limit).param("offset", offset)
                .bind(jdbc.sql(itemsSql(where)))
                .query((rs, row) -> new ComparisonItem(rs.getObject("metric_id", UUID.class), rs.getString("test_case_id"),
                        rs.getDouble("base_score"), rs.getDouble("candidate_score"), rs.getInt("base_count"),
                        rs.getInt("candidate_count"), rs.getObject("base_id", UUID.class), rs.getString("base_reason"),
                        rs.getObject("candidate_id", UUID.class), rs.getString("candidate_reason")))
                .list();
    }

    /** The conditions of the evaluations read, on {@code evaluations e}; agreement reads the same rows. */
    static Where where(ScoredEvaluations evaluations) {
        Where where = scored(evaluations.organizationId());
        where.in("e.metric_id", "metricIds", List.copyOf(evaluations.metricIds()));
        evaluations.tests().addTo(where, "e.test_case_id");
        where.createdBetween("e", evaluations.created());
        where.in("e.version_id", "versionIds", evaluations.versionIds());
        return where;
    }

    /**
     * Live, scored evaluations of an organization: the predicate of
     * {@code evaluations_version_scores_idx} (V70), so comparisons read that index.
     */
    static Where scored(UUID organizationId) {
        return Where.tenant("e", organizationId)
                .add("e.deleted_at IS NULL")
                .add("e.status = 'SUCCESS'")
                .add("e.score IS NOT NULL");
    }

    /** The statement of {@link #metrics}; package-private so a test can check its plan. */
    static String metricsSql(Where where) {
        return "WITH base AS (" + SIDE + where.sql() + """
                 AND e.version_id = :baseVersionId
                    GROUP BY e.metric_id, e.test_case_id
                ), candidate AS (
                """ + SIDE + where.sql() + """
                 AND e.version_id = :candidateVersionId
                    GROUP BY e.metric_id, e.test_case_id
                )
                SELECT coalesce(b.metric_id, c.metric_id) AS metric_id,
                       bool_and(b.n IS NOT NULL AND c.n IS NOT NULL AND b.test_case_id IS NOT NULL) AS paired,
                       coalesce(sum(b.n), 0)::bigint AS base_n, coalesce(sum(b.total), 0) AS base_sum,
                       coalesce(sum(b.squares), 0) AS base_squares, coalesce(sum(b.passing), 0)::bigint AS base_passing,
                       coalesce(sum(c.n), 0)::bigint AS candidate_n, coalesce(sum(c.total), 0) AS candidate_sum,
                       coalesce(sum(c.squares), 0) AS candidate_squares,
                       coalesce(sum(c.passing), 0)::bigint AS candidate_passing,
                       string_agg(float8send(c.total / c.n - b.total / b.n), ''::bytea) AS differences
                FROM base b FULL JOIN candidate c ON c.metric_id = b.metric_id AND c.test_case_id = b.test_case_id
                GROUP BY coalesce(b.metric_id, c.metric_id)
                """;
    }

    /** The statement of {@link #scores}; package-private so a test can check its plan. */
    static String scoresSql(Where where) {
        String side = " e.metric_id, string_agg(float8send(e.score), ''::bytea) AS scores FROM evaluations e " + where.sql()
                + " AND e.metric_id IN (:selectedMetricIds) AND e.version_id = ";
        return "SELECT 0 AS side," + side + ":baseVersionId GROUP BY e.metric_id"
                + " UNION ALL SELECT 1 AS side," + side + ":candidateVersionId GROUP BY e.metric_id";
    }

    /** The statement of {@link #items}; package-private so a test can check its plan. */
    static String itemsSql(Where where) {
        String side = """
                SELECT e.metric_id, e.test_case_id, avg(e.score) AS score, count(*) AS n,
                       (array_agg(e.id ORDER BY e.created_at DESC, e.id DESC))[1] AS latest_id
                FROM evaluations e
                """ + where.sql() + " AND e.test_case_id IS NOT NULL AND e.version_id = ";
        return "WITH base AS (" + side + ":baseVersionId GROUP BY e.metric_id, e.test_case_id), candidate AS ("
                + side + ":candidateVersionId GROUP BY e.metric_id, e.test_case_id), page AS (" + """
                            SELECT b.metric_id, b.test_case_id, b.score AS base_score, c.score AS candidate_score,
                                   b.n AS base_count, c.n AS candidate_count, b.latest_id AS base_id, c.latest_id AS candidate_id
                            FROM base b JOIN candidate c ON c.metric_id = b.metric_id AND c.test_case_id = b.test_case_id
                            ORDER BY c.score - b.score, b.metric_id, b.test_case_id
                            LIMIT :limit OFFSET :offset
                        )
                        SELECT p.*, be.reason AS base_reason, ce.reason AS candidate_reason
                        FROM page p JOIN evaluations be ON be.id = p.base_id JOIN evaluations ce ON ce.id = p.candidate_id
                        ORDER BY p.candidate_score - p.base_score, p.metric_id, p.test_case_id
                        """;
    }

    /** The doubles of {@code float8send} values concatenated (big-endian IEEE 754); none for SQL NULL. */
    private static double[] doubles(byte @Nullable [] bytes) {
        if (bytes == null) {
            return new double[0];
        }
        double[] values = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
        return values;
    }

    /** One metric's totals per side, and the per-test-case differences when it pairs. */
    record MetricRows(Totals base, Totals candidate, double @Nullable [] differences) {}

    /** Count, sum, sum of squares and passing count of some scores. */
    record Totals(long n, double sum, double squares, long passing) {
        static final Totals NONE = new Totals(0, 0, 0, 0);

        double mean() {
            return sum / n;
        }
    }
}

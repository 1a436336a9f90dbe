package dev.assay.analysis;

import dev.assay.common.Where;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the scores of two versions: every scored evaluation, or one row per test case both ran. */
@Repository
class ComparisonRepository {
    private static final String FROM = " FROM evaluations e JOIN sessions s ON s.id = e.session_id ";

    private final JdbcClient jdbc;

    ComparisonRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The scores of each metric, per version: index 0 the base, 1 the candidate. Within a side the
     * scores come in no fixed order; callers that need one sort them.
     */
    Map<UUID, Sample[]> scores(Where where, UUID baseVersionId, UUID candidateVersionId) {
        Map<UUID, SampleBuilder[]> builders = new LinkedHashMap<>();
        String side = " AND s.deleted_at IS NULL AND s.version_id = ";
        where.param("baseVersionId", baseVersionId).param("candidateVersionId", candidateVersionId)
                .bind(jdbc.sql("SELECT 0 AS side, e.metric_id, e.test_case_id, e.score" + FROM + where.sql()
                        + side + ":baseVersionId"
                        + " UNION ALL SELECT 1 AS side, e.metric_id, e.test_case_id, e.score" + FROM + where.sql()
                        + side + ":candidateVersionId"))
                .query(rs -> {
                    UUID metricId = rs.getObject("metric_id", UUID.class);
                    SampleBuilder[] sides = builders.computeIfAbsent(metricId,
                            key -> new SampleBuilder[] {new SampleBuilder(), new SampleBuilder()});
                    sides[rs.getInt("side")].add(rs.getDouble("score"), rs.getString("test_case_id"));
                });
        Map<UUID, Sample[]> samples = new LinkedHashMap<>();
        builders.forEach((metricId, sides) -> samples.put(metricId, new Sample[] {sides[0].build(), sides[1].build()}));
        return samples;
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

    /** Grows the arrays of one side without boxing a value per row. */
    private static final class SampleBuilder {
        private double[] scores = new double[64];
        private final List<@Nullable String> testCaseIds = new ArrayList<>();

        void add(double score, @Nullable String testCaseId) {
            int size = testCaseIds.size();
            if (size == scores.length) {
                scores = Arrays.copyOf(scores, size * 2);
            }
            scores[size] = score;
            testCaseIds.add(testCaseId);
        }

        Sample build() {
            return new Sample(Arrays.copyOf(scores, testCaseIds.size()), testCaseIds.toArray(new String[0]));
        }
    }
}

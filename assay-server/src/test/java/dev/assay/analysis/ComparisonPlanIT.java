package dev.assay.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.MetricResponse;
import dev.assay.common.Where;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.EvaluationFixtures;
import dev.assay.testing.Fixtures;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The comparison statements read each version's scores from {@code evaluations_version_scores_idx}
 * and never join sessions (docs/decisions/0012-comparison-read-path.md). Every way to read the
 * table but an index-only scan is switched off for the planner (sorts too): the test database's
 * few rows give every index of the organization the same cost, so the check is that the version
 * index alone can answer the read, whatever the row counts.
 */
class ComparisonPlanIT extends ApiIntegrationTest {
    private static final UUID METRIC = UUID.randomUUID();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void comparison_readsEachVersionFromTheVersionIndex_withoutSortingOrSessions() {
        String plan = explain(ComparisonRepository.metricsSql(where()), where());

        assertThat(plan).contains("evaluations_version_scores_idx").doesNotContain("sessions").doesNotContain("Sort");
    }

    @Test
    void unpairedScores_readTheVersionIndex() {
        Where where = where().param("selectedMetricIds", List.of(METRIC));

        assertThat(explain(ComparisonRepository.scoresSql(where), where))
                .contains("evaluations_version_scores_idx").doesNotContain("sessions");
    }

    @Test
    void items_readTheVersionIndex_andTheTableOnlyForThePage() {
        Where where = where().param("limit", 100).param("offset", 0);

        assertThat(explain(ComparisonRepository.itemsSql(where), where))
                .contains("evaluations_version_scores_idx").doesNotContain("sessions");
        assertThat(explain(ComparisonRepository.itemsSql(where), where, false)).contains("evaluations_pkey");
    }

    @Test
    void everyNewEvaluation_carriesItsSessionsVersion() {
        String productId = Fixtures.aProduct(client).id();
        String versionId = client.versions().create(CreateVersionRequest.named(productId, "v")).id();
        MetricResponse metric = EvaluationFixtures.aSelfHostedMetric(client);
        String sessionId = client.sessions()
                .create(new CreateSessionRequest(versionId, null, null, null, null, null, null, null)).id();
        EvaluationFixtures.aTurn(client, sessionId);
        client.evaluations().createFromSession(sessionId, List.of(EvaluationMetric.scored(metric.name(), 0.5)), null);

        Long mismatched = jdbc.sql("""
                SELECT count(*) FROM evaluations e JOIN sessions s ON s.id = e.session_id
                WHERE e.version_id <> s.version_id
                """).query(Long.class).single();
        Long total = jdbc.sql("SELECT count(*) FROM evaluations").query(Long.class).single();

        assertThat(total).isPositive();
        assertThat(mismatched).isZero();
    }

    private static Where where() {
        return ComparisonRepository.scored(UUID.randomUUID())
                .add("e.metric_id IN (:metricIds)", "metricIds", List.of(METRIC))
                .param("baseVersionId", UUID.randomUUID())
                .param("candidateVersionId", UUID.randomUUID())
                .param("passThreshold", 0.5);
    }

    private String explain(String sql, Where where) {
        return explain(sql, where, true);
    }

    /** The plan with sequential scans and sorts off, and with only index-only scans left when {@code indexOnly}. */
    private String explain(String sql, Where where, boolean indexOnly) {
        return transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            if (indexOnly) {
                jdbc.sql("SET LOCAL enable_indexscan = off").update();
                jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
            }
            jdbc.sql("SET LOCAL enable_sort = off").update();
            return String.join("\n", where.bind(jdbc.sql("EXPLAIN " + sql)).query(String.class).list());
        });
    }
}

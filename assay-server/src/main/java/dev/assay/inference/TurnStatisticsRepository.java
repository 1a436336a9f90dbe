package dev.assay.inference;

import dev.assay.common.Sql;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The aggregate query behind {@link TurnStatisticsService}. */
@Repository
class TurnStatisticsRepository {
    private final JdbcClient jdbc;

    TurnStatisticsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TurnStatisticsService.DailyTurns> dailyTurns(UUID organizationId, Instant since) {
        return jdbc.sql("""
                SELECT date_trunc('day', r.created_at, 'UTC') AS day, s.version_id, count(*) AS turns,
                       avg(r.latency) AS mean_latency,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY r.latency) AS p95_latency,
                       sum(r.cost) AS cost, sum(r.tokens)::bigint AS tokens
                FROM inference_results r JOIN sessions s ON s.id = r.session_id
                WHERE r.organization_id = :organizationId AND r.deleted_at IS NULL AND r.created_at >= :since
                  AND s.organization_id = :organizationId AND s.deleted_at IS NULL
                GROUP BY 1, 2
                ORDER BY 1
                """)
                .param("organizationId", organizationId)
                .param("since", Sql.timestamp(since))
                .query((rs, row) -> new TurnStatisticsService.DailyTurns(
                        rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class), rs.getLong(3),
                        rs.getObject(4, Double.class), rs.getObject(5, Double.class), rs.getObject(6, Double.class),
                        rs.getObject(7, Long.class)))
                .list();
    }
}

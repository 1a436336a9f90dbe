package dev.assay.metric;

import dev.assay.common.AssayException;
import dev.assay.common.ErrorCode;
import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.OrderBy;
import dev.assay.common.Sql;
import dev.assay.common.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class MetricRepository {
    private static final String COLUMNS = """
            m.id, m.organization_id, m.name, m.source, m.evaluation_params, m.judge_prompt, m.evaluator_model_name,
            m.description, m.documentation_url, m.tags, m.user_group_ids, m.legacy_at, m.disabled_at, m.created_at,
            m.deleted_at""";
    /** Rows an organization sees: its own and the built-ins. */
    private static final String VISIBLE = "(m.organization_id = :organizationId OR m.organization_id IS NULL) AND m.deleted_at IS NULL";

    private final JdbcClient jdbc;

    MetricRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(MetricDefinition metric) {
        try {
            jdbc.sql("""
                    INSERT INTO metrics (id, organization_id, name, source, evaluation_params, judge_prompt,
                        evaluator_model_name, description, documentation_url, tags, user_group_ids, created_at)
                    VALUES (:id, :organizationId, :name, :source, :evaluationParams, :judgePrompt,
                        :evaluatorModelName, :description, :documentationUrl, :tags, :userGroupIds, :createdAt)
                    """)
                    .param("id", metric.id())
                    .param("organizationId", metric.organizationId())
                    .param("name", metric.name())
                    .param("source", metric.source().name())
                    .param("evaluationParams", new SqlArrayValue("text", metric.evaluationParams().toArray()))
                    .param("judgePrompt", metric.judgePrompt())
                    .param("evaluatorModelName", metric.evaluatorModelName())
                    .param("description", metric.description())
                    .param("documentationUrl", metric.documentationUrl())
                    .param("tags", new SqlArrayValue("text", metric.tags().toArray()))
                    .param("userGroupIds", new SqlArrayValue("text", metric.userGroupIds().toArray()))
                    .param("createdAt", Sql.timestamp(metric.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateName();
        }
    }

    /** Inserts or refreshes a built-in metric (organization null) under its stable id. */
    void upsertBuiltIn(BuiltInMetrics.BuiltIn builtIn, Instant now) {
        jdbc.sql("""
                INSERT INTO metrics (id, organization_id, name, source, evaluation_params, description, created_at)
                VALUES (:id, NULL, :name, :source, :evaluationParams, :description, :createdAt)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, source = EXCLUDED.source,
                    evaluation_params = EXCLUDED.evaluation_params, description = EXCLUDED.description,
                    deleted_at = NULL
                """)
                .param("id", builtIn.id())
                .param("name", builtIn.name())
                .param("source", builtIn.source().name())
                .param("evaluationParams", new SqlArrayValue("text", builtIn.evaluationParams().toArray()))
                .param("description", builtIn.description())
                .param("createdAt", Sql.timestamp(now))
                .update();
    }

    /**
     * Holds, until the transaction ends, a lock on this name in any letter case within the
     * organization. The unique index compares names exactly, so without it two creations of
     * "Tone" and "tone" at the same moment would both pass the case-insensitive check.
     */
    void lockName(UUID organizationId, String name) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "metric-name:" + organizationId + ":" + name.toLowerCase(Locale.ROOT))
                .query((rs, row) -> row)
                .single();
    }

    boolean nameTaken(UUID organizationId, String name) {
        return jdbc.sql("SELECT count(*) FROM metrics m WHERE " + VISIBLE + " AND lower(m.name) = lower(:name)")
                .param("organizationId", organizationId)
                .param("name", name)
                .query(Long.class)
                .single() > 0;
    }

    Optional<MetricDefinition> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM metrics m WHERE " + VISIBLE + " AND m.id = :id")
                .param("organizationId", organizationId)
                .param("id", id)
                .query(MetricRepository::map)
                .optional();
    }

    /** A visible metric by exact name; the organization's own wins over a built-in. */
    Optional<MetricDefinition> findByName(UUID organizationId, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM metrics m WHERE " + VISIBLE
                + " AND m.name = :name ORDER BY m.organization_id NULLS LAST LIMIT 1")
                .param("organizationId", organizationId)
                .param("name", name)
                .query(MetricRepository::map)
                .optional();
    }

    List<MetricDefinition> findAll(UUID organizationId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM metrics m WHERE " + VISIBLE + " AND m.id IN (:ids)")
                .param("organizationId", organizationId)
                .param("ids", ids)
                .query(MetricRepository::map)
                .list();
    }

    List<MetricDefinition> findAllForOrganizations(Collection<UUID> organizationIds, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM metrics m
                WHERE (m.organization_id IN (:organizationIds) OR m.organization_id IS NULL) AND m.deleted_at IS NULL
                  AND m.id IN (:ids)
                """)
                .param("organizationIds", organizationIds)
                .param("ids", ids)
                .query(MetricRepository::map)
                .list();
    }

    Set<UUID> matchingIds(UUID organizationId, MetricFilter filter) {
        Where where = where(organizationId, filter);
        return new HashSet<>(where.bind(jdbc.sql("SELECT m.id FROM metrics m " + where.sql())).query(UUID.class).list());
    }

    List<MetricDefinition> list(UUID organizationId, MetricFilter filter, List<SortKey<MetricSort>> sort, int limit, int offset) {
        Where where = where(organizationId, filter);
        String order = OrderBy.of(sort, "m.created_at", "m.id");
        return where.param("limit", limit).param("offset", offset)
                .bind(jdbc.sql("SELECT " + COLUMNS + " FROM metrics m " + where.sql() + order))
                .query(MetricRepository::map)
                .list();
    }

    /** The metrics the organization sees (its own and the built-ins) that match the filter. */
    static Where where(UUID organizationId, MetricFilter filter) {
        Where where = new Where().add(VISIBLE, "organizationId", organizationId);
        where.in("m.name", "names", filter.names());
        if (!filter.tags().isEmpty()) {
            where.add("m.tags && CAST(:tags AS text[])", "tags", filter.tags().toArray(String[]::new));
        }
        if (!filter.includeLegacy()) {
            where.add("m.legacy_at IS NULL");
        }
        where.createdBetween("m", filter.created());
        filter.ids().addTo(where, "m");
        return where;
    }

    boolean softDelete(UUID organizationId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE metrics SET deleted_at = :now
                WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .update() == 1;
    }

    static AssayException duplicateName() {
        return new AssayException(ErrorCode.DUPLICATE_NAME, "A Metric with the same name already exists.");
    }

    private static MetricDefinition map(ResultSet rs, int row) throws SQLException {
        return new MetricDefinition(
                rs.getObject("id", UUID.class),
                Sql.uuid(rs, "organization_id"),
                rs.getString("name"),
                MetricSource.valueOf(rs.getString("source")),
                Sql.textArray(rs, "evaluation_params"),
                rs.getString("judge_prompt"),
                rs.getString("evaluator_model_name"),
                rs.getString("description"),
                rs.getString("documentation_url"),
                Sql.textArray(rs, "tags"),
                Sql.textArray(rs, "user_group_ids"),
                Sql.instant(rs, "legacy_at"),
                Sql.instant(rs, "disabled_at"),
                Sql.requiredInstant(rs, "created_at"),
                Sql.instant(rs, "deleted_at"));
    }
}

package dev.assay.trace;

import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.OrderBy;
import dev.assay.common.Sql;
import dev.assay.common.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class TraceRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            s.id, s.organization_id, s.inference_result_id, s.session_id, s.parent_id, s.name, s.type,
            s.description, s.input_data::text AS input_data, s.output_data::text AS output_data, s.error,
            s.latency_ms, s.metadata::text AS metadata, s.start_time, s.end_time, s.created_at, s.deleted_at""";
    /** A span is visible while it and its turn are live (deleting a turn or session hides its spans). */
    static final String LIVE = """
            s.deleted_at IS NULL AND EXISTS (SELECT 1 FROM inference_results r
                WHERE r.id = s.inference_result_id AND r.deleted_at IS NULL)""";

    private final JdbcClient jdbc;

    TraceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts spans in one statement (every column one array, {@code unnest} makes the rows). A span
     * whose id is already stored is left as it is, which makes re-sends idempotent; answers the ids
     * this call inserted.
     */
    Set<UUID> insertAll(List<Span> spans) {
        if (spans.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                INSERT INTO spans (id, organization_id, inference_result_id, session_id, parent_id, name, type,
                    description, input_data, output_data, error, latency_ms, metadata, start_time, end_time,
                    created_at)
                SELECT t.id, t.organization_id, t.inference_result_id, t.session_id, t.parent_id, t.name, t.type,
                    t.description, t.input_data::jsonb, t.output_data::jsonb, t.error, t.latency_ms,
                    t.metadata::jsonb, t.start_time::timestamptz, t.end_time::timestamptz,
                    t.created_at::timestamptz
                FROM unnest(:ids, :organizationIds, :turnIds, :sessionIds, :parentIds, :names, :types,
                    :descriptions, :inputs, :outputs, :errors, :latencies, :metadata, :starts, :ends, :createdAts)
                AS t(id, organization_id, inference_result_id, session_id, parent_id, name, type, description,
                    input_data, output_data, error, latency_ms, metadata, start_time, end_time, created_at)
                ON CONFLICT (id) DO NOTHING
                RETURNING id
                """)
                .param("ids", array("uuid", spans, Span::id))
                .param("organizationIds", array("uuid", spans, Span::organizationId))
                .param("turnIds", array("uuid", spans, Span::inferenceResultId))
                .param("sessionIds", array("uuid", spans, Span::sessionId))
                .param("parentIds", array("uuid", spans, Span::parentId))
                .param("names", array("text", spans, Span::name))
                .param("types", array("text", spans, span -> span.type().name()))
                .param("descriptions", array("text", spans, Span::description))
                .param("inputs", array("text", spans, span -> json(span.inputData())))
                .param("outputs", array("text", spans, span -> json(span.outputData())))
                .param("errors", array("text", spans, Span::error))
                .param("latencies", array("float8", spans, Span::latencyMs))
                .param("metadata", array("text", spans, span -> json(span.metadata())))
                .param("starts", array("text", spans, span -> text(span.startTime())))
                .param("ends", array("text", spans, span -> text(span.endTime())))
                .param("createdAts", array("text", spans, span -> text(span.createdAt())))
                .query(UUID.class)
                .list());
    }

    /** The stored spans among {@code ids}, of any organization and deleted or not (for id clashes). */
    List<Span> findAnyByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM spans s WHERE s.id IN (:ids)")
                .param("ids", ids)
                .query(TraceRepository::map)
                .list();
    }

    Optional<Span> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM spans s WHERE s.organization_id = :organizationId AND s.id = :id AND "
                + LIVE)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(TraceRepository::map)
                .optional();
    }

    /** The live spans of the given turns, in start order (one statement whatever the number of turns). */
    List<Span> ofTurns(UUID organizationId, Collection<UUID> turnIds) {
        if (turnIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + """

                 FROM spans s
                WHERE s.organization_id = :organizationId AND s.inference_result_id = ANY(:turnIds)
                  AND s.deleted_at IS NULL
                ORDER BY s.inference_result_id, s.start_time NULLS LAST, s.created_at, s.id
                """)
                .param("organizationId", organizationId)
                .param("turnIds", new SqlArrayValue("uuid", turnIds.toArray()))
                .query(TraceRepository::map)
                .list();
    }

    /**
     * The session of each live turn among {@code turnIds} of the organization. A read-only look at
     * the turns table: spans belong to turns, and one query serves a whole batch.
     */
    Map<UUID, UUID> liveTurnSessions(UUID organizationId, Collection<UUID> turnIds) {
        Map<UUID, UUID> sessions = new HashMap<>();
        if (turnIds.isEmpty()) {
            return sessions;
        }
        jdbc.sql("""
                SELECT id, session_id FROM inference_results
                WHERE organization_id = :organizationId AND id = ANY(:turnIds) AND deleted_at IS NULL
                """)
                .param("organizationId", organizationId)
                .param("turnIds", new SqlArrayValue("uuid", turnIds.toArray()))
                .query(rs -> {
                    sessions.put(rs.getObject("id", UUID.class), rs.getObject("session_id", UUID.class));
                });
        return sessions;
    }

    /** The sums of the GenAI token counts over a turn's live spans ({@code null} where no span reports one). */
    Long[] tokenSums(UUID turnId) {
        return jdbc.sql("""
                SELECT SUM(CASE WHEN metadata->>'gen_ai.usage.input_tokens' ~ '^[0-9]{1,18}$'
                                THEN (metadata->>'gen_ai.usage.input_tokens')::bigint END) AS input_tokens,
                       SUM(CASE WHEN metadata->>'gen_ai.usage.output_tokens' ~ '^[0-9]{1,18}$'
                                THEN (metadata->>'gen_ai.usage.output_tokens')::bigint END) AS output_tokens
                FROM spans
                WHERE inference_result_id = :turnId AND deleted_at IS NULL
                """)
                .param("turnId", turnId)
                .query((rs, row) -> new Long[]{Sql.nullableLong(rs, "input_tokens"), Sql.nullableLong(rs, "output_tokens")})
                .single();
    }

    /** Keeps OTel spans whose turn is not known yet; a span already waiting is kept once. */
    void hold(UUID organizationId, List<OtlpSpan> pending, Instant now) {
        if (pending.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO otel_pending_spans (organization_id, trace_id, span_id, span, received_at)
                SELECT :organizationId, t.trace_id, t.span_id, t.span::jsonb, :now
                FROM unnest(:traceIds, :spanIds, :spans) AS t(trace_id, span_id, span)
                ON CONFLICT DO NOTHING
                """)
                .param("organizationId", organizationId)
                .param("now", Sql.timestamp(now))
                .param("traceIds", new SqlArrayValue("text", pending.stream().map(OtlpSpan::traceId).toArray()))
                .param("spanIds", new SqlArrayValue("text", pending.stream().map(OtlpSpan::spanId).toArray()))
                .param("spans", new SqlArrayValue("text", pending.stream().map(JSON::writeValueAsString).toArray()))
                .update();
    }

    /** How many OTel spans of the organization received since {@code receivedSince} wait for their turn (over its range of the primary key). */
    int pendingCount(UUID organizationId, Instant receivedSince) {
        return jdbc.sql("SELECT count(*) FROM otel_pending_spans WHERE organization_id = :organizationId AND received_at >= :since")
                .param("organizationId", organizationId)
                .param("since", Sql.timestamp(receivedSince))
                .query(Integer.class)
                .single();
    }

    /** Takes (and removes) the spans waiting for the given OTel traces of the organization. */
    List<OtlpSpan> release(UUID organizationId, Collection<String> traceIds) {
        if (traceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                DELETE FROM otel_pending_spans
                WHERE organization_id = :organizationId AND trace_id = ANY(:traceIds)
                RETURNING span::text
                """)
                .param("organizationId", organizationId)
                .param("traceIds", new SqlArrayValue("text", traceIds.toArray()))
                .query((rs, row) -> JSON.readValue(rs.getString(1), OtlpSpan.class))
                .list();
    }

    /**
     * Forgets up to {@code limit} waiting spans received before {@code cutoff}; answers how many.
     * Rows another transaction is already forgetting are skipped, so concurrent exports never wait
     * for each other here, and each forgets a bounded share of a large expiry.
     */
    int expirePending(Instant cutoff, int limit) {
        return jdbc.sql("""
                DELETE FROM otel_pending_spans
                WHERE (organization_id, trace_id, span_id) IN (
                    SELECT organization_id, trace_id, span_id FROM otel_pending_spans
                    WHERE received_at < :cutoff
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                """)
                .param("cutoff", Sql.timestamp(cutoff))
                .param("limit", limit)
                .update();
    }

    Set<UUID> matchingIds(UUID organizationId, SpanFilter filter) {
        Where where = where(organizationId, filter);
        return new HashSet<>(where.bind(jdbc.sql("SELECT s.id FROM spans s " + where.sql())).query(UUID.class).list());
    }

    List<Span> list(UUID organizationId, SpanFilter filter, List<SortKey<TraceSort>> sort, int limit, int offset) {
        Where where = where(organizationId, filter);
        String order = OrderBy.of(sort, "s.created_at", "s.id");
        return where.param("limit", limit).param("offset", offset)
                .bind(jdbc.sql("SELECT " + COLUMNS + " FROM spans s " + where.sql() + order))
                .query(TraceRepository::map)
                .list();
    }

    /** The live spans of the organization that match the filter. */
    static Where where(UUID organizationId, SpanFilter filter) {
        Where where = Where.tenant("s", organizationId).add(LIVE);
        where.relation("s.inference_result_id", "inferenceResultIds", filter.inferenceResultIds());
        where.relation("s.session_id", "sessionIds", filter.sessionIds());
        where.in("s.type", "types", filter.types());
        where.in("s.name", "names", filter.names());
        Instant from = filter.fromStartTime();
        if (from != null) {
            where.add("s.start_time >= :fromStartTime", "fromStartTime", Sql.timestamp(from));
        }
        Instant to = filter.toStartTime();
        if (to != null) {
            where.add("s.start_time <= :toStartTime", "toStartTime", Sql.timestamp(to));
        }
        where.createdBetween("s", filter.created());
        filter.ids().addTo(where, "s");
        return where;
    }

    /** Soft-deletes a live span and every span below it; answers how many rows it deleted. */
    int softDeleteWithDescendants(UUID organizationId, UUID id, Instant now) {
        return jdbc.sql("""
                WITH RECURSIVE tree(id, depth) AS (
                    SELECT s.id, 0 FROM spans s
                    WHERE s.organization_id = :organizationId AND s.id = :id AND s.deleted_at IS NULL
                    UNION
                    SELECT c.id, tree.depth + 1 FROM spans c JOIN tree ON c.parent_id = tree.id
                    WHERE c.organization_id = :organizationId AND c.deleted_at IS NULL AND tree.depth < 10000
                )
                UPDATE spans SET deleted_at = :now WHERE id IN (SELECT id FROM tree) AND deleted_at IS NULL
                """)
                .param("organizationId", organizationId)
                .param("id", id)
                .param("now", Sql.timestamp(now))
                .update();
    }

    private static @Nullable String json(@Nullable Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static <T> SqlArrayValue array(String type, List<Span> spans, Function<Span, T> column) {
        Object[] values = new Object[spans.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(spans.get(i));
        }
        return new SqlArrayValue(type, values);
    }

    @SuppressWarnings("unchecked")
    private static Span map(ResultSet rs, int row) throws SQLException {
        String metadata = rs.getString("metadata");
        return new Span(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("inference_result_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                Sql.uuid(rs, "parent_id"),
                rs.getString("name"),
                SpanType.valueOf(rs.getString("type")),
                rs.getString("description"),
                read(rs.getString("input_data")),
                read(rs.getString("output_data")),
                rs.getString("error"),
                Sql.nullableDouble(rs, "latency_ms"),
                metadata == null ? null : JSON.readValue(metadata, Map.class),
                Sql.instant(rs, "start_time"),
                Sql.instant(rs, "end_time"),
                Sql.requiredInstant(rs, "created_at"),
                Sql.instant(rs, "deleted_at"));
    }

    private static @Nullable Object read(@Nullable String json) {
        return json == null ? null : JSON.readValue(json, Object.class);
    }
}

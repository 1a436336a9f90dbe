package dev.assay.inference;

import dev.assay.common.AssayException;
import dev.assay.common.ErrorCode;
import dev.assay.common.JsonValues;
import dev.assay.common.ListQuery;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class InferenceResultRepository {
    private static final String COLUMNS = """
            r.id, r.organization_id, r.session_id, r.user_id, r.idx, r.status, r.error, r.input::text AS input,
            r.actual_output, r.retrieval_context, r.latency, r.input_tokens, r.output_tokens,
            r.cache_read_input_tokens, r.tokens, r.cost_per_input_token, r.cost_per_output_token,
            r.cost_per_cache_read_input_token, r.cost, r.credits_used, r.conversation_simulator_version,
            r.trace_id, r.created_at, r.deleted_at""";

    private final JdbcClient jdbc;

    /** The unique index of live turns' trace ids per organization (V40__spans.sql). */
    private static final String TRACE_ID_INDEX = "inference_results_trace_id_uq";

    InferenceResultRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the turns of one session in a single statement (one round trip, whatever the
     * batch size): every column travels as one array and {@code unnest} turns them into rows.
     */
    void insertAll(UUID organizationId, UUID sessionId, Instant createdAt, List<InferenceResult> results) {
        try {
            insertRows(organizationId, sessionId, createdAt, results);
        } catch (DuplicateKeyException e) {
            // A concurrent create committed a turn with the same traceId after this one looked for
            // it: the same 400 as when the turn was already there (docs/api.md).
            if (!String.valueOf(e.getMessage()).contains(TRACE_ID_INDEX)) {
                throw e;
            }
            throw duplicateTraceId(results.stream().map(InferenceResult::traceId).filter(Objects::nonNull).toList());
        }
    }

    /** The 400 of a traceId that a live turn of the organization already carries. */
    static AssayException duplicateTraceId(List<String> traceIds) {
        return new AssayException(ErrorCode.DUPLICATE_NAME,
                "An inference result with the same traceId already exists: " + String.join(", ", traceIds));
    }

    private void insertRows(UUID organizationId, UUID sessionId, Instant createdAt, List<InferenceResult> results) {
        jdbc.sql("""
                INSERT INTO inference_results (id, organization_id, session_id, user_id, idx, status, error,
                    input, actual_output, retrieval_context, latency, input_tokens, output_tokens,
                    cache_read_input_tokens, tokens, cost_per_input_token, cost_per_output_token,
                    cost_per_cache_read_input_token, cost, credits_used, conversation_simulator_version,
                    trace_id, created_at)
                SELECT t.id, :organizationId, :sessionId, t.user_id, t.idx, t.status, t.error, t.input::jsonb,
                    t.actual_output, t.retrieval_context, t.latency, t.input_tokens, t.output_tokens,
                    t.cache_read_input_tokens, t.tokens, t.cost_per_input_token, t.cost_per_output_token,
                    t.cost_per_cache_read_input_token, t.cost, t.credits_used, t.conversation_simulator_version,
                    t.trace_id, :createdAt
                FROM unnest(:ids, :userIds, :indices, :statuses, :errors, :inputs, :actualOutputs,
                    :retrievalContexts, :latencies, :inputTokens, :outputTokens, :cacheReadInputTokens,
                    :tokens, :costPerInputToken, :costPerOutputToken, :costPerCacheReadInputToken, :costs,
                    :creditsUsed, :simulatorVersions, :traceIds)
                AS t(id, user_id, idx, status, error, input, actual_output, retrieval_context, latency,
                    input_tokens, output_tokens, cache_read_input_tokens, tokens, cost_per_input_token,
                    cost_per_output_token, cost_per_cache_read_input_token, cost, credits_used,
                    conversation_simulator_version, trace_id)
                """)
                .param("organizationId", organizationId)
                .param("sessionId", sessionId)
                .param("createdAt", Sql.timestamp(createdAt))
                .param("ids", array("uuid", results, InferenceResult::id))
                .param("userIds", array("text", results, InferenceResult::userId))
                .param("indices", array("int4", results, InferenceResult::index))
                .param("statuses", array("text", results, result -> result.status().name()))
                .param("errors", array("text", results, InferenceResult::error))
                .param("inputs", array("text", results, result -> JsonValues.write(result.input())))
                .param("actualOutputs", array("text", results, InferenceResult::actualOutput))
                .param("retrievalContexts", array("text", results, InferenceResult::retrievalContext))
                .param("latencies", array("float8", results, InferenceResult::latency))
                .param("inputTokens", array("int8", results, result -> result.usage().inputTokens()))
                .param("outputTokens", array("int8", results, result -> result.usage().outputTokens()))
                .param("cacheReadInputTokens", array("int8", results, result -> result.usage().cacheReadInputTokens()))
                .param("tokens", array("int8", results, result -> result.usage().tokens()))
                .param("costPerInputToken", array("float8", results, result -> result.usage().costPerInputToken()))
                .param("costPerOutputToken", array("float8", results, result -> result.usage().costPerOutputToken()))
                .param("costPerCacheReadInputToken",
                        array("float8", results, result -> result.usage().costPerCacheReadInputToken()))
                .param("costs", array("float8", results, result -> result.usage().cost()))
                .param("creditsUsed", array("int4", results, InferenceResult::creditsUsed))
                .param("simulatorVersions", array("text", results, InferenceResult::conversationSimulatorVersion))
                .param("traceIds", array("text", results, InferenceResult::traceId))
                .update();
    }

    /** Whether a live turn of the session has this index. */
    boolean indexTaken(UUID sessionId, int index) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM inference_results
                               WHERE session_id = :sessionId AND idx = :index AND deleted_at IS NULL)
                """)
                .param("sessionId", sessionId)
                .param("index", index)
                .query(Boolean.class)
                .single();
    }

    Optional<InferenceResult> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + """

                 FROM inference_results r
                WHERE r.organization_id = :organizationId AND r.id = :id AND r.deleted_at IS NULL
                """)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(InferenceResultRepository::map)
                .optional();
    }

    Optional<InferenceResult> findByTraceId(UUID organizationId, String traceId) {
        return jdbc.sql("SELECT " + COLUMNS + """

                 FROM inference_results r
                WHERE r.organization_id = :organizationId AND r.trace_id = :traceId AND r.deleted_at IS NULL
                """)
                .param("organizationId", organizationId)
                .param("traceId", traceId)
                .query(InferenceResultRepository::map)
                .optional();
    }

    Set<UUID> matchingIds(UUID organizationId, InferenceResultFilter filter) {
        Where where = where(organizationId, filter);
        return new HashSet<>(where.bind(jdbc.sql("SELECT r.id FROM inference_results r " + where.sql()))
                .query(UUID.class)
                .list());
    }

    /** The live turns of a session in index order. */
    List<InferenceResult> listSessionTurns(UUID organizationId, UUID sessionId) {
        Where where = Where.tenant("r", organizationId)
                .add("r.deleted_at IS NULL")
                .add("r.session_id = :sessionId", "sessionId", sessionId);
        List<SortKey<InferenceResultSort>> sort = List.of(new SortKey<>(InferenceResultSort.INDEX, false));
        return where.param("limit", ListQuery.MAX_LIMIT).param("offset", 0)
                .bind(jdbc.sql(listSql(where, sort)))
                .query(InferenceResultRepository::map)
                .list();
    }

    /**
     * Hands the rows of a list to {@code sink} as they are read, a few at a time (see
     * {@link Sql#stream}); must run inside a transaction, or the driver reads every row at once.
     */
    void stream(UUID organizationId, InferenceResultFilter filter, List<SortKey<InferenceResultSort>> sort, long limit, int offset,
            Consumer<InferenceResult> sink) {
        Where where = where(organizationId, filter);
        Sql.stream(where.param("limit", limit).param("offset", offset).bind(jdbc.sql(listSql(where, sort))), (rs, chars) -> {
            InferenceResult result = map(rs, chars.add(rs.getString("input")));
            chars.add(result.actualOutput());
            chars.add(result.retrievalContext());
            chars.add(result.error());
            return result;
        }, sink);
    }

    /** Every row of a list query in its order, unpaged, one at a time (an export). Needs a transaction. */
    void forEach(UUID organizationId, InferenceResultFilter filter, List<SortKey<InferenceResultSort>> sort,
            Consumer<InferenceResult> sink) {
        stream(organizationId, filter, sort, Long.MAX_VALUE, 0, sink);
    }

    /** The live turns of the organization that match the filter. */
    static Where where(UUID organizationId, InferenceResultFilter filter) {
        Where where = Where.tenant("r", organizationId).add("r.deleted_at IS NULL");
        where.relation("r.session_id", "sessionIds", filter.sessionIds());
        if (filter.evaluationIds().requested()) {
            // The turns of these evaluations, read with a sub-select on the evaluations table: the
            // evaluation feature depends on this one, so this feature cannot ask it.
            Where evaluations = new Where().relation("e.id", "evaluationIds", filter.evaluationIds());
            where.add("r.id IN (SELECT e.inference_result_id FROM evaluations e " + evaluations.sql()
                    + " AND e.organization_id = :organizationId AND e.deleted_at IS NULL)");
            evaluations.copyParametersTo(where);
        }
        where.createdBetween("r", filter.created());
        filter.ids().addTo(where, "r");
        return where;
    }

    /** The list statement; package-private so a test can check its plan uses an index. */
    static String listSql(Where where, List<SortKey<InferenceResultSort>> sort) {
        String order = OrderBy.of(sort, "r.created_at", "r.idx", "r.id");
        return "SELECT " + COLUMNS + " FROM inference_results r " + where.sql() + order;
    }

    void update(InferenceResult result) {
        Usage usage = result.usage();
        jdbc.sql("""
                UPDATE inference_results
                SET status = :status, error = :error, input = :input::jsonb, actual_output = :actualOutput,
                    retrieval_context = :retrievalContext, latency = :latency, input_tokens = :inputTokens,
                    output_tokens = :outputTokens, cache_read_input_tokens = :cacheReadInputTokens,
                    tokens = :tokens, cost_per_input_token = :costPerInputToken,
                    cost_per_output_token = :costPerOutputToken,
                    cost_per_cache_read_input_token = :costPerCacheReadInputToken, cost = :cost
                WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                """)
                .param("status", result.status().name())
                .param("error", result.error())
                .param("input", JsonValues.write(result.input()))
                .param("actualOutput", result.actualOutput())
                .param("retrievalContext", result.retrievalContext())
                .param("latency", result.latency())
                .param("inputTokens", usage.inputTokens())
                .param("outputTokens", usage.outputTokens())
                .param("cacheReadInputTokens", usage.cacheReadInputTokens())
                .param("tokens", usage.tokens())
                .param("costPerInputToken", usage.costPerInputToken())
                .param("costPerOutputToken", usage.costPerOutputToken())
                .param("costPerCacheReadInputToken", usage.costPerCacheReadInputToken())
                .param("cost", usage.cost())
                .param("organizationId", result.organizationId())
                .param("id", result.id())
                .update();
    }

    /** Soft-deletes the live rows among {@code ids}; answers how many it deleted. */
    int softDelete(UUID organizationId, Collection<UUID> ids, Instant now) {
        return jdbc.sql("""
                UPDATE inference_results SET deleted_at = :now
                WHERE organization_id = :organizationId AND id IN (:ids) AND deleted_at IS NULL
                """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("ids", ids)
                .update();
    }

    void softDeleteSession(UUID organizationId, UUID sessionId, Instant now) {
        jdbc.sql("""
                UPDATE inference_results SET deleted_at = :now
                WHERE organization_id = :organizationId AND session_id = :sessionId AND deleted_at IS NULL
                """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("sessionId", sessionId)
                .update();
    }

    private static <T> SqlArrayValue array(String type, List<InferenceResult> results, Function<InferenceResult, T> column) {
        Object[] values = new Object[results.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(results.get(i));
        }
        return new SqlArrayValue(type, values);
    }

    private static InferenceResult map(ResultSet rs, int row) throws SQLException {
        return map(rs, rs.getString("input"));
    }

    private static InferenceResult map(ResultSet rs, @Nullable String input) throws SQLException {
        Usage usage = new Usage(
                Sql.nullableLong(rs, "input_tokens"),
                Sql.nullableLong(rs, "output_tokens"),
                Sql.nullableLong(rs, "cache_read_input_tokens"),
                Sql.nullableLong(rs, "tokens"),
                Sql.nullableDouble(rs, "cost_per_input_token"),
                Sql.nullableDouble(rs, "cost_per_output_token"),
                Sql.nullableDouble(rs, "cost_per_cache_read_input_token"),
                Sql.nullableDouble(rs, "cost"));
        return new InferenceResult(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                rs.getString("user_id"),
                rs.getInt("idx"),
                InferenceResultStatus.valueOf(rs.getString("status")),
                rs.getString("error"),
                JsonValues.readObject(input),
                rs.getString("actual_output"),
                rs.getString("retrieval_context"),
                Sql.nullableDouble(rs, "latency"),
                usage,
                Sql.nullableInt(rs, "credits_used"),
                rs.getString("conversation_simulator_version"),
                rs.getString("trace_id"),
                Sql.requiredInstant(rs, "created_at"),
                Sql.instant(rs, "deleted_at"));
    }
}

package dev.assay.inference;

import dev.assay.common.AssayException;
import dev.assay.common.ErrorCode;
import dev.assay.common.JsonValues;
import dev.assay.common.ListQuery;
import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.OrderBy;
import dev.assay.common.RecordColumns;
import dev.assay.common.Sql;
import dev.assay.common.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class InferenceResultRepository {
    /**
     * The columns of a turn, derived from its record ({@code index} is stored as {@code idx}): a new
     * field of {@link InferenceResult.Content} or {@link InferenceResult.Measurements} needs no edit here.
     */
    private static final RecordColumns<InferenceResult> ROW = RecordColumns.of(InferenceResult.class, Map.of("index", "idx"));
    private static final RecordColumns<InferenceResult.Content> CONTENT = RecordColumns.of(InferenceResult.Content.class);
    private static final RecordColumns<InferenceResult.Measurements> MEASUREMENTS = RecordColumns.of(InferenceResult.Measurements.class);
    private static final String COLUMNS = ROW.select("r");

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
    void insertAll(List<InferenceResult> results) {
        try {
            insertRows(results);
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

    private void insertRows(List<InferenceResult> results) {
        jdbc.sql("INSERT INTO inference_results (" + ROW.names() + ")\nSELECT " + ROW.unnestValues("t")
                + "\nFROM unnest(" + ROW.unnestParams() + ") AS t(" + ROW.names() + ")")
                .params(ROW.arrays(results, Function.identity()))
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
        Sql.stream(where.param("limit", limit).param("offset", offset).bind(jdbc.sql(listSql(where, sort))), ROW::read, sink);
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
        jdbc.sql("UPDATE inference_results SET status = :status, error = :error, " + CONTENT.assignments() + ", "
                + MEASUREMENTS.assignments() + """

                        WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                        """)
                .params(CONTENT.params(result.content()))
                .params(MEASUREMENTS.params(result.measurements()))
                .param("status", result.status().name())
                .param("error", result.error())
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

    private static InferenceResult map(ResultSet rs, int row) throws SQLException {
        return ROW.read(rs);
    }
}

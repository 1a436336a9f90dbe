package dev.assay.session;

import dev.assay.common.AssayException;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.OrderBy;
import dev.assay.common.PageCursor;
import dev.assay.common.RecordColumns;
import dev.assay.common.Sql;
import dev.assay.common.Where;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SessionRepository {
    /** The columns of a session, derived from its record: a new field of {@link SessionDetails} needs no edit here. */
    private static final RecordColumns<Session> ROW = RecordColumns.of(Session.class);
    private static final RecordColumns<SessionDetails> DETAILS = RecordColumns.of(SessionDetails.class);
    private static final String COLUMNS = ROW.select("s");

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Session session) {
        try {
            jdbc.sql("INSERT INTO sessions (" + ROW.names() + ") VALUES (" + ROW.values() + ")")
                    .params(ROW.params(session))
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateCustomId(session);
        }
    }

    void update(Session session) {
        try {
            jdbc.sql("UPDATE sessions SET status = :status, " + DETAILS.assignments() + """

                    WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                    """)
                    .params(DETAILS.params(session.details()))
                    .param("status", session.status().name())
                    .param("organizationId", session.organizationId())
                    .param("id", session.id())
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateCustomId(session);
        }
    }

    Optional<Session> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + """

                 FROM sessions s
                WHERE s.organization_id = :organizationId AND s.id = :id AND s.deleted_at IS NULL
                """)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(SessionRepository::map)
                .optional();
    }

    /** Finds and row-locks a live session, so turns appended to it get consecutive indices. */
    Optional<LockedSession> lock(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + """
                , s.next_idx
                 FROM sessions s
                WHERE s.organization_id = :organizationId AND s.id = :id AND s.deleted_at IS NULL
                FOR UPDATE
                """)
                .param("organizationId", organizationId)
                .param("id", id)
                .query((rs, row) -> new LockedSession(map(rs, row), rs.getLong("next_idx")))
                .optional();
    }

    /** Sets the next turn index of a session whose row the caller's transaction has locked. */
    void setNextTurnIndex(UUID id, long next) {
        jdbc.sql("UPDATE sessions SET next_idx = :next WHERE id = :id").param("next", next).param("id", id).update();
    }

    /** The most recent live session with this custom id among the given versions. */
    Optional<Session> findByCustomId(UUID organizationId, List<UUID> versionIds, String customId) {
        if (versionIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + """

                 FROM sessions s
                WHERE s.organization_id = :organizationId AND s.version_id IN (:versionIds)
                  AND s.custom_id = :customId AND s.deleted_at IS NULL
                ORDER BY s.created_at DESC, s.id DESC
                LIMIT 1
                """)
                .param("organizationId", organizationId)
                .param("versionIds", versionIds)
                .param("customId", customId)
                .query(SessionRepository::map)
                .optional();
    }

    Set<UUID> matchingIds(UUID organizationId, SessionFilter filter) {
        Where where = where(organizationId, filter);
        return new HashSet<>(where.bind(jdbc.sql("SELECT s.id FROM sessions s " + where.sql()))
                .query(UUID.class)
                .list());
    }

    /** Hands the rows of a list to {@code sink} as they are read (see {@link Sql#stream}); must run inside a transaction. */
    void stream(UUID organizationId, SessionFilter filter, List<SortKey<SessionSort>> sort, int limit, int offset,
            Consumer<Session> sink) {
        Where where = where(organizationId, filter);
        Sql.stream(where.param("limit", limit).param("offset", offset).bind(jdbc.sql(listSql(where, sort))), ROW::read, sink);
    }

    /** The list statement; package-private so a test can check that an index serves its order. */
    static String listSql(Where where, List<SortKey<SessionSort>> sort) {
        return "SELECT " + COLUMNS + " FROM sessions s " + where.sql() + OrderBy.of(sort, "s.created_at", "s.id");
    }

    /**
     * The sessions matching the filter and of some statuses (none: all), newest first in the order of
     * the (organization_id, created_at, id) index, strictly before {@code before} when given, so the
     * scan stops at the limit.
     */
    List<Session> listNewestFirst(UUID organizationId, SessionFilter filter, Set<SessionStatus> statuses,
            @Nullable PageCursor before, int limit) {
        Where where = where(organizationId, filter);
        where.in("s.status", "statuses", statuses.stream().map(SessionStatus::name).toList());
        if (before != null) {
            before.addTo(where, "s");
        }
        return where.param("limit", limit)
                .bind(jdbc.sql("SELECT " + COLUMNS + " FROM sessions s " + where.sql()
                        + " ORDER BY s.created_at DESC, s.id DESC LIMIT :limit"))
                .query(SessionRepository::map)
                .list();
    }

    /** The live sessions of the organization that match the filter. */
    static Where where(UUID organizationId, SessionFilter filter) {
        Where where = Where.tenant("s", organizationId).add("s.deleted_at IS NULL");
        where.in("s.custom_id", "customIds", filter.customIds());
        where.relation("s.version_id", "versionIds", filter.versionIds());
        where.relation("s.version_id", "productVersionIds", filter.productVersionIds());
        where.in("s.test_case_id", "testCaseIds", filter.testCaseIds());
        filter.tests().addTo(where, "s.test_case_id");
        where.createdBetween("s", filter.created());
        filter.ids().addTo(where, "s");
        return where;
    }

    boolean softDelete(UUID organizationId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE sessions SET deleted_at = :now
                WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .update() == 1;
    }

    private static AssayException duplicateCustomId(Session session) {
        return new AssayException(ErrorCode.DUPLICATE_NAME, "A Session with the same customId: '" + session.details().customId()
                + "' already exists for version with ID: '" + Ids.format(IdKind.VERSION, session.versionId()) + "'.");
    }

    private static Session map(ResultSet rs, int row) throws SQLException {
        return ROW.read(rs);
    }
}

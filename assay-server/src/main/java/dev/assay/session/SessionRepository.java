package dev.assay.session;

import dev.assay.common.AssayException;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.JsonValues;
import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.OrderBy;
import dev.assay.common.PageCursor;
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
    private static final String COLUMNS = """
            s.id, s.organization_id, s.version_id, s.custom_id, s.user_id, s.test_case_id, s.context,
            s.stopping_reason, s.error, s.status, s.metadata::text AS metadata, s.created_at, s.deleted_at""";

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Session session) {
        try {
            jdbc.sql("""
                    INSERT INTO sessions (id, organization_id, version_id, custom_id, user_id, test_case_id,
                        context, stopping_reason, error, status, metadata, created_at)
                    VALUES (:id, :organizationId, :versionId, :customId, :userId, :testCaseId,
                        :context, :stoppingReason, :error, :status, :metadata::jsonb, :createdAt)
                    """)
                    .param("id", session.id())
                    .param("organizationId", session.organizationId())
                    .param("versionId", session.versionId())
                    .param("customId", session.customId())
                    .param("userId", session.userId())
                    .param("testCaseId", session.testCaseId())
                    .param("context", session.context())
                    .param("stoppingReason", session.stoppingReason())
                    .param("error", session.error())
                    .param("status", session.status().name())
                    .param("metadata", JsonValues.write(session.metadata()))
                    .param("createdAt", Sql.timestamp(session.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateCustomId(session);
        }
    }

    void update(Session session) {
        try {
            jdbc.sql("""
                    UPDATE sessions
                    SET custom_id = :customId, status = :status, context = :context,
                        stopping_reason = :stoppingReason, metadata = :metadata::jsonb, error = :error
                    WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                    """)
                    .param("customId", session.customId())
                    .param("status", session.status().name())
                    .param("context", session.context())
                    .param("stoppingReason", session.stoppingReason())
                    .param("metadata", JsonValues.write(session.metadata()))
                    .param("error", session.error())
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
        Sql.stream(where.param("limit", limit).param("offset", offset).bind(jdbc.sql(listSql(where, sort))), (rs, chars) -> {
            Session session = map(rs, chars.add(rs.getString("metadata")));
            chars.add(session.context());
            chars.add(session.error());
            chars.add(session.stoppingReason());
            return session;
        }, sink);
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
        if (!statuses.isEmpty()) {
            where.add("s.status IN (:statuses)", "statuses", statuses.stream().map(SessionStatus::name).toList());
        }
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
        if (!filter.customIds().isEmpty()) {
            where.add("s.custom_id IN (:customIds)", "customIds", filter.customIds());
        }
        where.relation("s.version_id", "versionIds", filter.versionIds());
        where.relation("s.version_id", "productVersionIds", filter.productVersionIds());
        if (!filter.testCaseIds().isEmpty()) {
            where.add("s.test_case_id IN (:testCaseIds)", "testCaseIds", filter.testCaseIds());
        }
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
        return new AssayException(ErrorCode.DUPLICATE_NAME, "A Session with the same customId: '" + session.customId()
                + "' already exists for version with ID: '" + Ids.format(IdKind.VERSION, session.versionId()) + "'.");
    }

    private static Session map(ResultSet rs, int row) throws SQLException {
        return map(rs, rs.getString("metadata"));
    }

    private static Session map(ResultSet rs, @Nullable String metadata) throws SQLException {
        return new Session(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("version_id", UUID.class),
                rs.getString("custom_id"),
                rs.getString("user_id"),
                rs.getString("test_case_id"),
                rs.getString("context"),
                rs.getString("stopping_reason"),
                rs.getString("error"),
                SessionStatus.valueOf(rs.getString("status")),
                JsonValues.readObject(metadata),
                Sql.requiredInstant(rs, "created_at"),
                Sql.instant(rs, "deleted_at"));
    }
}

package dev.assay.auth;

import dev.assay.common.Sql;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyRepository {
    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Caller> findCallerByHash(byte[] keyHash) {
        return jdbc.sql("""
                SELECT k.organization_id, k.id, k.is_admin, o.is_default
                FROM api_keys k JOIN organizations o ON o.id = k.organization_id
                WHERE k.key_hash = :keyHash AND k.deleted_at IS NULL
                """)
                .param("keyHash", keyHash)
                .query((rs, row) -> new Caller(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3), rs.getBoolean(4)))
                .optional();
    }

    Optional<Caller> findCallerById(UUID keyId) {
        return jdbc.sql("""
                SELECT k.organization_id, k.id, k.is_admin, o.is_default
                FROM api_keys k JOIN organizations o ON o.id = k.organization_id
                WHERE k.id = :keyId AND k.deleted_at IS NULL
                """)
                .param("keyId", keyId)
                .query((rs, row) -> new Caller(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3), rs.getBoolean(4)))
                .optional();
    }

    void insert(ApiKey key, byte[] keyHash) {
        jdbc.sql("""
                INSERT INTO api_keys (id, organization_id, name, key_hash, key_hint, is_admin, created_at)
                VALUES (:id, :organizationId, :name, :keyHash, :hint, :admin, :createdAt)
                """)
                .param("id", key.id())
                .param("organizationId", key.organizationId())
                .param("name", key.name())
                .param("keyHash", keyHash)
                .param("hint", key.hint())
                .param("admin", key.admin())
                .param("createdAt", Sql.timestamp(key.createdAt()))
                .update();
    }

    /** Makes a key with this hash an active admin key of the organization, whatever it was before. */
    void upsertAdmin(ApiKey key, byte[] keyHash) {
        jdbc.sql("""
                INSERT INTO api_keys (id, organization_id, name, key_hash, key_hint, is_admin, created_at)
                VALUES (:id, :organizationId, :name, :keyHash, :hint, true, :createdAt)
                ON CONFLICT (key_hash) DO UPDATE
                SET organization_id = EXCLUDED.organization_id, is_admin = true, deleted_at = NULL
                """)
                .param("id", key.id())
                .param("organizationId", key.organizationId())
                .param("name", key.name())
                .param("keyHash", keyHash)
                .param("hint", key.hint())
                .param("createdAt", Sql.timestamp(key.createdAt()))
                .update();
    }

    List<ApiKey> list(UUID organizationId) {
        return jdbc.sql("""
                SELECT id, organization_id, name, key_hint, is_admin, created_at
                FROM api_keys
                WHERE organization_id = :organizationId AND deleted_at IS NULL
                ORDER BY created_at, id
                """)
                .param("organizationId", organizationId)
                .query((rs, row) -> new ApiKey(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }

    boolean revoke(UUID organizationId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE api_keys SET deleted_at = :now
                WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .update() == 1;
    }
    /**
     * Revokes a key unless it is the last live admin key of its organization. The organization's
     * row is locked first, so two admins revoking each other at once cannot both succeed.
     */
    RevokeOutcome revokeKeepingAnAdmin(UUID organizationId, UUID id, Instant now) {
        jdbc.sql("SELECT id FROM organizations WHERE id = :organizationId FOR UPDATE")
                .param("organizationId", organizationId)
                .query(UUID.class)
                .optional();
        Boolean admin = jdbc.sql("""
                SELECT is_admin FROM api_keys
                WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                """)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(Boolean.class)
                .optional()
                .orElse(null);
        if (admin == null) {
            return RevokeOutcome.NOT_FOUND;
        }
        if (admin) {
            long otherAdmins = jdbc.sql("""
                    SELECT count(*) FROM api_keys
                    WHERE organization_id = :organizationId AND is_admin AND deleted_at IS NULL AND id <> :id
                    """)
                    .param("organizationId", organizationId)
                    .param("id", id)
                    .query(Long.class)
                    .single();
            if (otherAdmins == 0) {
                return RevokeOutcome.LAST_ADMIN;
            }
        }
        return revoke(organizationId, id, now) ? RevokeOutcome.REVOKED : RevokeOutcome.NOT_FOUND;
    }

    enum RevokeOutcome {
        REVOKED, NOT_FOUND, LAST_ADMIN
    }
}

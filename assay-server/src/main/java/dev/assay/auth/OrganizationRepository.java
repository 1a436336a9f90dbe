package dev.assay.auth;

import dev.assay.common.Sql;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {
    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String name, boolean isDefault, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO organizations (id, name, is_default, created_at)
                VALUES (:id, :name, :isDefault, :createdAt)
                ON CONFLICT DO NOTHING
                """)
                .param("id", id)
                .param("name", name)
                .param("isDefault", isDefault)
                .param("createdAt", Sql.timestamp(createdAt))
                .update();
    }

    Optional<UUID> findDefault() {
        return jdbc.sql("SELECT id FROM organizations WHERE is_default")
                .query(UUID.class)
                .optional();
    }
}

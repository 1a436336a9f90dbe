package dev.assay.product;

import dev.assay.common.AssayException;
import dev.assay.common.ErrorCode;
import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.OrderBy;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VersionRepository {
    private static final String COLUMNS = """
            v.id, v.organization_id, v.product_id, v.name, v.description, v.system_prompt, v.model_id,
            v.dataset_description, v.dataset_uri, v.endpoint, v.guardrails, v.created_at, v.deleted_at""";
    private static final String INSERT = """
            INSERT INTO versions (id, organization_id, product_id, name, description, system_prompt,
                model_id, dataset_description, dataset_uri, endpoint, guardrails, created_at)
            VALUES (:id, :organizationId, :productId, :name, :description, :systemPrompt,
                :modelId, :datasetDescription, :datasetUri, :endpoint, :guardrails, :createdAt)
            """;

    private final JdbcClient jdbc;

    VersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Version version) {
        try {
            bind(jdbc.sql(INSERT), version).update();
        } catch (DuplicateKeyException e) {
            throw new AssayException(ErrorCode.DUPLICATE_NAME, "A Version with the same Name already exists for this product.");
        }
    }

    /**
     * Inserts the version unless the product already has a live version of that name, waiting for
     * a concurrent insert of the same name to commit or roll back first.
     *
     * @return whether the version was inserted
     */
    boolean insertUnlessNameTaken(Version version) {
        return bind(jdbc.sql(INSERT + "ON CONFLICT (product_id, name) WHERE deleted_at IS NULL DO NOTHING\n"), version)
                .update() == 1;
    }

    Optional<Version> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + """

                 FROM versions v
                WHERE v.organization_id = :organizationId AND v.id = :id AND v.deleted_at IS NULL
                """)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(VersionRepository::map)
                .optional();
    }

    /** The product's most recently created version. */
    Optional<Version> findLatest(UUID organizationId, UUID productId) {
        return jdbc.sql("SELECT " + COLUMNS + """

                 FROM versions v
                WHERE v.organization_id = :organizationId AND v.product_id = :productId AND v.deleted_at IS NULL
                ORDER BY v.created_at DESC, v.id DESC
                LIMIT 1
                """)
                .param("organizationId", organizationId)
                .param("productId", productId)
                .query(VersionRepository::map)
                .optional();
    }

    Set<UUID> matchingIds(UUID organizationId, VersionFilter filter) {
        return ids(where(organizationId, filter));
    }

    /** The live versions of one product. */
    Set<UUID> idsOfProduct(UUID organizationId, UUID productId) {
        return ids(Where.tenant("v", organizationId)
                .add("v.deleted_at IS NULL")
                .add("v.product_id = :productId", "productId", productId));
    }

    private Set<UUID> ids(Where where) {
        return new HashSet<>(where.bind(jdbc.sql("SELECT v.id FROM versions v " + where.sql()))
                .query(UUID.class)
                .list());
    }

    List<Version> list(UUID organizationId, VersionFilter filter, List<SortKey<ProductSort>> sort, int limit, int offset) {
        Where where = where(organizationId, filter);
        String order = OrderBy.of(sort, "created_at", "id");
        return where.param("limit", limit).param("offset", offset)
                .bind(jdbc.sql("SELECT " + COLUMNS + " FROM versions v " + where.sql() + order))
                .query(VersionRepository::map)
                .list();
    }

    /** The live versions of the organization that match the filter. */
    static Where where(UUID organizationId, VersionFilter filter) {
        Where where = Where.tenant("v", organizationId).add("v.deleted_at IS NULL");
        where.relation("v.product_id", "productIds", filter.productIds());
        where.in("v.name", "names", filter.names());
        where.createdBetween("v", filter.created());
        filter.ids().addTo(where, "v");
        return where;
    }

    boolean softDelete(UUID organizationId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE versions SET deleted_at = :now
                WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .update() == 1;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Version version) {
        return statement
                .param("id", version.id())
                .param("organizationId", version.organizationId())
                .param("productId", version.productId())
                .param("name", version.name())
                .param("description", version.description())
                .param("systemPrompt", version.systemPrompt())
                .param("modelId", version.modelId())
                .param("datasetDescription", version.datasetDescription())
                .param("datasetUri", version.datasetUri())
                .param("endpoint", version.endpoint())
                .param("guardrails", version.guardrails())
                .param("createdAt", Sql.timestamp(version.createdAt()));
    }

    private static Version map(ResultSet rs, int row) throws SQLException {
        return new Version(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("system_prompt"),
                rs.getString("model_id"),
                rs.getString("dataset_description"),
                rs.getString("dataset_uri"),
                rs.getString("endpoint"),
                rs.getString("guardrails"),
                Sql.requiredInstant(rs, "created_at"),
                Sql.instant(rs, "deleted_at"));
    }
}

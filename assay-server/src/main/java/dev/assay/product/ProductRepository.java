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
class ProductRepository {
    private static final String COLUMNS = """
            p.id, p.organization_id, p.name, p.description, p.risk_level, p.operator_type, p.security_boundaries,
            p.capabilities, p.policies, p.inabilities, p.created_at, p.deleted_at""";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Product product) {
        try {
            jdbc.sql("""
                    INSERT INTO products (id, organization_id, name, description, risk_level, operator_type,
                        security_boundaries, capabilities, policies, inabilities, created_at)
                    VALUES (:id, :organizationId, :name, :description, :riskLevel, :operatorType,
                        :securityBoundaries, :capabilities, :policies, :inabilities, :createdAt)
                    """)
                    .param("id", product.id())
                    .param("organizationId", product.organizationId())
                    .param("name", product.name())
                    .param("description", product.description())
                    .param("riskLevel", product.riskLevel())
                    .param("operatorType", product.operatorType())
                    .param("securityBoundaries", product.securityBoundaries())
                    .param("capabilities", product.capabilities())
                    .param("policies", product.policies())
                    .param("inabilities", product.inabilities())
                    .param("createdAt", Sql.timestamp(product.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AssayException(ErrorCode.DUPLICATE_NAME, "A Product with the same Name already exists.");
        }
    }

    Optional<Product> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + """

                 FROM products p
                WHERE p.organization_id = :organizationId AND p.id = :id AND p.deleted_at IS NULL
                """)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(ProductRepository::map)
                .optional();
    }

    Set<UUID> matchingIds(UUID organizationId, ProductFilter filter) {
        Where where = where(organizationId, filter);
        return new HashSet<>(where.bind(jdbc.sql("SELECT p.id FROM products p " + where.sql()))
                .query(UUID.class)
                .list());
    }

    List<Product> list(UUID organizationId, ProductFilter filter, List<SortKey<ProductSort>> sort, int limit, int offset) {
        Where where = where(organizationId, filter);
        String order = OrderBy.of(sort, "created_at", "id");
        return where.param("limit", limit).param("offset", offset)
                .bind(jdbc.sql("SELECT " + COLUMNS + " FROM products p " + where.sql() + order))
                .query(ProductRepository::map)
                .list();
    }

    /** The live products of the organization that match the filter. */
    static Where where(UUID organizationId, ProductFilter filter) {
        Where where = Where.tenant("p", organizationId).add("p.deleted_at IS NULL");
        where.in("p.name", "names", filter.names());
        where.createdBetween("p", filter.created());
        filter.ids().addTo(where, "p");
        return where;
    }

    boolean softDelete(UUID organizationId, UUID id, Instant now) {
        int deleted = jdbc.sql("""
                UPDATE products SET deleted_at = :now
                WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .update();
        jdbc.sql("""
                UPDATE versions SET deleted_at = :now
                WHERE organization_id = :organizationId AND product_id = :id AND deleted_at IS NULL
                """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .update();
        return deleted == 1;
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("risk_level"),
                rs.getString("operator_type"),
                rs.getString("security_boundaries"),
                rs.getString("capabilities"),
                rs.getString("policies"),
                rs.getString("inabilities"),
                Sql.requiredInstant(rs, "created_at"),
                Sql.instant(rs, "deleted_at"));
    }
}

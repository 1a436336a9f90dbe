package dev.assay.specification;

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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SpecificationRepository {
    private static final String COLUMNS = """
            s.id, s.organization_id, s.product_id, s.name, s.description, s.type, s.test_type, s.test_variant,
            s.created_at, s.deleted_at,
            ARRAY(SELECT sm.metric_id::text FROM specification_metrics sm JOIN metrics m ON m.id = sm.metric_id
                  WHERE sm.specification_id = s.id AND m.deleted_at IS NULL ORDER BY sm.metric_id) AS metric_ids""";

    private final JdbcClient jdbc;

    SpecificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Specification specification) {
        jdbc.sql("""
                INSERT INTO specifications (id, organization_id, product_id, name, description, type, test_type,
                    test_variant, created_at)
                VALUES (:id, :organizationId, :productId, :name, :description, :type, :testType, :testVariant,
                    :createdAt)
                """)
                .param("id", specification.id())
                .param("organizationId", specification.organizationId())
                .param("productId", specification.productId())
                .param("name", specification.name())
                .param("description", specification.description())
                .param("type", specification.type().name())
                .param("testType", specification.testType())
                .param("testVariant", specification.testVariant())
                .param("createdAt", Sql.timestamp(specification.createdAt()))
                .update();
    }

    void link(UUID specificationId, Collection<UUID> metricIds) {
        for (UUID metricId : metricIds) {
            jdbc.sql("""
                    INSERT INTO specification_metrics (specification_id, metric_id) VALUES (:specificationId, :metricId)
                    ON CONFLICT DO NOTHING
                    """)
                    .param("specificationId", specificationId)
                    .param("metricId", metricId)
                    .update();
        }
    }

    void unlink(UUID specificationId, Collection<UUID> metricIds) {
        if (metricIds.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM specification_metrics WHERE specification_id = :specificationId AND metric_id IN (:metricIds)")
                .param("specificationId", specificationId)
                .param("metricIds", metricIds)
                .update();
    }

    Optional<Specification> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + """

                 FROM specifications s
                WHERE s.organization_id = :organizationId AND s.id = :id AND s.deleted_at IS NULL
                """)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(SpecificationRepository::map)
                .optional();
    }

    /** The live specifications of a product. */
    List<Specification> findByProduct(UUID organizationId, UUID productId) {
        return jdbc.sql("SELECT " + COLUMNS + """

                 FROM specifications s
                WHERE s.organization_id = :organizationId AND s.product_id = :productId AND s.deleted_at IS NULL
                ORDER BY s.created_at, s.id
                """)
                .param("organizationId", organizationId)
                .param("productId", productId)
                .query(SpecificationRepository::map)
                .list();
    }

    Set<UUID> matchingIds(UUID organizationId, SpecificationFilter filter) {
        Where where = where(organizationId, filter);
        return new HashSet<>(where.bind(jdbc.sql("SELECT s.id FROM specifications s " + where.sql())).query(UUID.class).list());
    }

    List<Specification> list(UUID organizationId, SpecificationFilter filter, List<SortKey<SpecificationSort>> sort, int limit,
            int offset) {
        Where where = where(organizationId, filter);
        String order = OrderBy.of(sort, "s.created_at", "s.id");
        return where.param("limit", limit).param("offset", offset)
                .bind(jdbc.sql("SELECT " + COLUMNS + " FROM specifications s " + where.sql() + order))
                .query(SpecificationRepository::map)
                .list();
    }

    /** The live specifications of the organization that match the filter. */
    static Where where(UUID organizationId, SpecificationFilter filter) {
        Where where = Where.tenant("s", organizationId).add("s.deleted_at IS NULL");
        where.relation("s.product_id", "productIds", filter.productIds());
        where.in("s.type", "types", filter.types());
        where.in("s.test_type", "testTypes", filter.testTypes());
        where.createdBetween("s", filter.created());
        filter.ids().addTo(where, "s");
        return where;
    }

    boolean softDelete(UUID organizationId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE specifications SET deleted_at = :now
                WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .update() == 1;
    }

    private static Specification map(ResultSet rs, int row) throws SQLException {
        return new Specification(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                SpecificationType.valueOf(rs.getString("type")),
                rs.getString("test_type"),
                rs.getString("test_variant"),
                Sql.textArray(rs, "metric_ids").stream().map(UUID::fromString).toList(),
                Sql.requiredInstant(rs, "created_at"),
                Sql.instant(rs, "deleted_at"));
    }
}

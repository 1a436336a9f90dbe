package dev.assay.testcase;

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
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class TestSuiteRepository {
    private static final String COLUMNS = """
            t.id, t.organization_id, t.product_id, t.name, t.type, t.language_code, t.ground_truth_uri, t.few_shot,
            t.custom_user_persona, t.variants, t.strategies, t.custom_variant_description, t.max_test_cases, t.uri,
            t.status, t.created_at, t.deleted_at""";

    private final JdbcClient jdbc;

    TestSuiteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TestSuite test) {
        try {
            jdbc.sql("""
                    INSERT INTO tests (id, organization_id, product_id, name, type, language_code,
                        ground_truth_uri, few_shot, custom_user_persona, variants, strategies,
                        custom_variant_description, max_test_cases, uri, status, created_at)
                    VALUES (:id, :organizationId, :productId, :name, :type, :languageCode,
                        :groundTruthUri, :fewShot, :customUserPersona, :variants, :strategies,
                        :customVariantDescription, :maxTestCases, :uri, :status, :createdAt)
                    """)
                    .param("id", test.id())
                    .param("organizationId", test.organizationId())
                    .param("productId", test.productId())
                    .param("name", test.name())
                    .param("type", test.type().name())
                    .param("languageCode", test.languageCode())
                    .param("groundTruthUri", test.groundTruthUri())
                    .param("fewShot", test.fewShot())
                    .param("customUserPersona", test.customUserPersona())
                    .param("variants", new SqlArrayValue("text", test.variants().toArray()))
                    .param("strategies", new SqlArrayValue("text", test.strategies().toArray()))
                    .param("customVariantDescription", test.customVariantDescription())
                    .param("maxTestCases", test.maxTestCases())
                    .param("uri", test.uri())
                    .param("status", test.status())
                    .param("createdAt", Sql.timestamp(test.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AssayException(ErrorCode.DUPLICATE_NAME, "A Test with the same Name already exists.");
        }
    }

    Optional<TestSuite> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + """

                 FROM tests t
                WHERE t.organization_id = :organizationId AND t.id = :id AND t.deleted_at IS NULL
                """)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(TestSuiteRepository::map)
                .optional();
    }

    Set<UUID> matchingIds(UUID organizationId, TestSuiteFilter filter) {
        Where where = where(organizationId, filter);
        return new HashSet<>(where.bind(jdbc.sql("SELECT t.id FROM tests t " + where.sql()))
                .query(UUID.class)
                .list());
    }

    List<TestSuite> list(UUID organizationId, TestSuiteFilter filter, List<SortKey<TestSuiteSort>> sort, int limit, int offset) {
        Where where = where(organizationId, filter);
        String order = OrderBy.of(sort, "t.created_at", "t.id");
        return where.param("limit", limit).param("offset", offset)
                .bind(jdbc.sql("SELECT " + COLUMNS + " FROM tests t " + where.sql() + order))
                .query(TestSuiteRepository::map)
                .list();
    }

    /** The live test suites of the organization that match the filter. */
    static Where where(UUID organizationId, TestSuiteFilter filter) {
        Where where = Where.tenant("t", organizationId).add("t.deleted_at IS NULL");
        where.relation("t.product_id", "productIds", filter.productIds());
        where.in("t.name", "names", filter.names());
        where.createdBetween("t", filter.created());
        filter.ids().addTo(where, "t");
        return where;
    }

    /** Soft-deletes the test and its live test cases; false when there was no live test. */
    boolean softDelete(UUID organizationId, UUID id, Instant now) {
        int deleted = jdbc.sql("""
                UPDATE tests SET deleted_at = :now
                WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .update();
        if (deleted == 0) {
            return false;
        }
        jdbc.sql("""
                UPDATE test_cases SET deleted_at = :now
                WHERE organization_id = :organizationId AND test_id = :id AND deleted_at IS NULL
                """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .update();
        return true;
    }

    private static TestSuite map(ResultSet rs, int row) throws SQLException {
        return new TestSuite(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getString("name"),
                TestSuiteType.valueOf(rs.getString("type")),
                rs.getString("language_code"),
                rs.getString("ground_truth_uri"),
                rs.getString("few_shot"),
                rs.getString("custom_user_persona"),
                Sql.textArray(rs, "variants"),
                Sql.textArray(rs, "strategies"),
                rs.getString("custom_variant_description"),
                Sql.nullableInt(rs, "max_test_cases"),
                rs.getString("uri"),
                rs.getString("status"),
                Sql.requiredInstant(rs, "created_at"),
                Sql.instant(rs, "deleted_at"));
    }
}

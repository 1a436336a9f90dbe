package dev.assay.testcase;

import dev.assay.common.IdFilter;
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
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class TestCaseRepository {
    private static final String COLUMNS = """
            tc.id, tc.organization_id, tc.test_id, tc.input, tc.expected_output, tc.context, tc.expected_tools,
            tc.variant, tc.strategy, tc.source, tc.user_persona, tc.scenario, tc.goal, tc.max_iterations,
            tc.initial_prompt, tc.stopping_criterias, tc.reviewed_by_id, tc.language_code, tc.user_score,
            tc.user_score_reason, tc.confidence, tc.confidence_reason, tc.created_at, tc.deleted_at""";

    private final JdbcClient jdbc;

    TestCaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TestCase testCase) {
        jdbc.sql("""
                INSERT INTO test_cases (id, organization_id, test_id, input, expected_output, context,
                    expected_tools, variant, strategy, source, user_persona, scenario, goal, max_iterations,
                    initial_prompt, stopping_criterias, reviewed_by_id, language_code, user_score,
                    user_score_reason, confidence, confidence_reason, created_at)
                VALUES (:id, :organizationId, :testId, :input, :expectedOutput, :context,
                    :expectedTools, :variant, :strategy, :source, :userPersona, :scenario, :goal, :maxIterations,
                    :initialPrompt, :stoppingCriterias, :reviewedById, :languageCode, :userScore,
                    :userScoreReason, :confidence, :confidenceReason, :createdAt)
                """)
                .param("id", testCase.id())
                .param("organizationId", testCase.organizationId())
                .param("testId", testCase.testId())
                .param("input", testCase.input())
                .param("expectedOutput", testCase.expectedOutput())
                .param("context", testCase.context())
                .param("expectedTools", textArray(testCase.expectedTools()))
                .param("variant", testCase.variant())
                .param("strategy", testCase.strategy())
                .param("source", testCase.source())
                .param("userPersona", testCase.userPersona())
                .param("scenario", testCase.scenario())
                .param("goal", testCase.goal())
                .param("maxIterations", testCase.maxIterations())
                .param("initialPrompt", testCase.initialPrompt())
                .param("stoppingCriterias", textArray(testCase.stoppingCriterias()))
                .param("reviewedById", testCase.reviewedById())
                .param("languageCode", testCase.languageCode())
                .param("userScore", testCase.userScore())
                .param("userScoreReason", testCase.userScoreReason())
                .param("confidence", testCase.confidence())
                .param("confidenceReason", testCase.confidenceReason())
                .param("createdAt", Sql.timestamp(testCase.createdAt()))
                .update();
    }

    Optional<TestCase> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + """

                 FROM test_cases tc
                WHERE tc.organization_id = :organizationId AND tc.id = :id AND tc.deleted_at IS NULL
                """)
                .param("organizationId", organizationId)
                .param("id", id)
                .query(TestCaseRepository::map)
                .optional();
    }

    Set<UUID> matchingIds(UUID organizationId, TestCaseFilter filter) {
        return ids(where(organizationId, filter));
    }

    /** The test cases of these test suites, deleted ones included. */
    Set<UUID> idsInSuites(UUID organizationId, IdFilter testIds) {
        return ids(Where.tenant("tc", organizationId).relation("tc.test_id", "testIds", testIds));
    }

    private Set<UUID> ids(Where where) {
        return new HashSet<>(where.bind(jdbc.sql("SELECT tc.id FROM test_cases tc " + where.sql()))
                .query(UUID.class)
                .list());
    }

    List<TestCase> list(UUID organizationId, TestCaseFilter filter, List<SortKey<TestCaseSort>> sort, int limit, int offset) {
        Where where = where(organizationId, filter);
        String order = OrderBy.of(sort, "tc.created_at", "tc.id");
        return where.param("limit", limit).param("offset", offset)
                .bind(jdbc.sql("SELECT " + COLUMNS + " FROM test_cases tc " + where.sql() + order))
                .query(TestCaseRepository::map)
                .list();
    }

    /** The live test cases of the organization that match the filter. */
    static Where where(UUID organizationId, TestCaseFilter filter) {
        Where where = Where.tenant("tc", organizationId).add("tc.deleted_at IS NULL");
        where.relation("tc.test_id", "testIds", filter.testIds());
        where.in("lower(tc.language_code)", "languages", filter.languages());
        where.in("tc.variant", "variants", filter.variants());
        where.in("tc.strategy", "strategies", filter.strategies());
        if (!filter.expectedTools().isEmpty()) {
            where.add("tc.expected_tools @> CAST(:expectedTools AS text[])", "expectedTools",
                    filter.expectedTools().toArray(String[]::new));
        }
        Boolean reviewed = filter.reviewed();
        if (reviewed != null) {
            where.add(reviewed
                    ? "(tc.reviewed_by_id IS NOT NULL OR tc.user_score IS NOT NULL)"
                    : "(tc.reviewed_by_id IS NULL AND tc.user_score IS NULL)");
        }
        where.in("tc.user_score", "userScores", filter.userScores());
        where.createdBetween("tc", filter.created());
        filter.ids().addTo(where, "tc");
        return where;
    }

    boolean softDelete(UUID organizationId, UUID id, Instant now) {
        return jdbc.sql("""
                UPDATE test_cases SET deleted_at = :now
                WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .update() == 1;
    }

    /** A {@code text[]} parameter, or SQL NULL: an absent list stays distinct from an empty one. */
    private static @Nullable SqlArrayValue textArray(@Nullable List<String> values) {
        return values == null ? null : new SqlArrayValue("text", values.toArray());
    }

    private static TestCase map(ResultSet rs, int row) throws SQLException {
        return new TestCase(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("test_id", UUID.class),
                rs.getString("input"),
                rs.getString("expected_output"),
                rs.getString("context"),
                Sql.nullableTextArray(rs, "expected_tools"),
                rs.getString("variant"),
                rs.getString("strategy"),
                rs.getString("source"),
                rs.getString("user_persona"),
                rs.getString("scenario"),
                rs.getString("goal"),
                Sql.nullableInt(rs, "max_iterations"),
                rs.getString("initial_prompt"),
                Sql.nullableTextArray(rs, "stopping_criterias"),
                rs.getString("reviewed_by_id"),
                rs.getString("language_code"),
                Sql.nullableInt(rs, "user_score"),
                rs.getString("user_score_reason"),
                Sql.nullableDouble(rs, "confidence"),
                rs.getString("confidence_reason"),
                Sql.requiredInstant(rs, "created_at"),
                Sql.instant(rs, "deleted_at"));
    }
}

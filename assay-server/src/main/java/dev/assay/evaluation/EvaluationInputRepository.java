package dev.assay.evaluation;

import dev.assay.common.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The reads behind a claimed batch of evaluations: one statement per kind of input (session with
 * its product, turns, test cases, conversations), each for the whole batch by id. The worker acts
 * for no caller, so each row carries its organization and {@link EvaluationInputLoader} keeps only
 * those of the evaluation's own organization.
 *
 * <p>Texts a metric reads are guarded by {@code maxLength} (characters): a row with a longer one
 * comes back without its texts and names the parameter in {@code oversized}, so a batch never
 * holds more than its share of memory, and the evaluation fails without being scored.
 */
@Repository
class EvaluationInputRepository {
    private final JdbcClient jdbc;

    EvaluationInputRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A live session with its live version's live product. */
    record SessionRow(UUID id, UUID organizationId, @Nullable String testCaseId, @Nullable String context,
            @Nullable String productDescription, @Nullable String productCapabilities,
            @Nullable String productInabilities, @Nullable String productSecurityBoundaries, @Nullable String oversized) {}

    /** A live turn; {@code userMessage} is its input's {@code user_message} text, else {@code inputJson} is set. */
    record TurnRow(UUID id, UUID organizationId, UUID sessionId, @Nullable String userMessage, @Nullable String inputJson,
            @Nullable String actualOutput, @Nullable String retrievalContext, @Nullable String oversized, Instant createdAt) {}

    /** A live test case. */
    record TestCaseRow(UUID id, UUID organizationId, @Nullable String input, @Nullable String expectedOutput,
            @Nullable String context, @Nullable List<String> expectedTools, @Nullable String userPersona,
            @Nullable String goal, @Nullable String scenario, @Nullable List<String> stoppingCriterias,
            @Nullable String oversized) {}

    List<SessionRow> sessions(Collection<UUID> sessionIds, int maxLength) {
        return jdbc.sql("""
                SELECT s.id, s.organization_id, s.test_case_id, o.oversized,
                    CASE WHEN o.oversized IS NULL THEN s.context END AS context,
                    p.description, p.capabilities, p.inabilities, p.security_boundaries
                FROM sessions s
                JOIN versions v ON v.id = s.version_id AND v.organization_id = s.organization_id AND v.deleted_at IS NULL
                JOIN products p ON p.id = v.product_id AND p.organization_id = v.organization_id AND p.deleted_at IS NULL
                CROSS JOIN LATERAL (SELECT CASE WHEN length(s.context) > :maxLength
                                                THEN 'the session context' END AS oversized) o
                WHERE s.id = ANY(:ids) AND s.deleted_at IS NULL
                """)
                .param("ids", uuids(sessionIds))
                .param("maxLength", maxLength)
                .query((rs, row) -> new SessionRow(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                        rs.getString("test_case_id"), rs.getString("context"), rs.getString("description"),
                        rs.getString("capabilities"), rs.getString("inabilities"), rs.getString("security_boundaries"),
                        rs.getString("oversized")))
                .list();
    }

    List<TurnRow> turns(Collection<UUID> inferenceResultIds, int maxLength) {
        return jdbc.sql("SELECT " + TURN_COLUMNS + """
                 FROM inference_results r
                CROSS JOIN LATERAL (SELECT\s""" + TURN_OVERSIZED + """
                ) o
                WHERE r.id = ANY(:ids) AND r.deleted_at IS NULL
                """)
                .param("ids", uuids(inferenceResultIds))
                .param("maxLength", maxLength)
                .query(EvaluationInputRepository::turn)
                .list();
    }

    /**
     * The live turns of these sessions in index order, at most {@code maxTurns} per session (the
     * first ones), for evaluations of a whole conversation and for judged metrics.
     */
    List<TurnRow> conversations(Collection<UUID> sessionIds, int maxTurns, int maxLength) {
        return jdbc.sql("SELECT " + TURN_COLUMNS + """
                 FROM (SELECT r.*, row_number() OVER (PARTITION BY r.session_id ORDER BY r.idx, r.id) AS position
                      FROM inference_results r
                      WHERE r.session_id = ANY(:ids) AND r.deleted_at IS NULL) r
                CROSS JOIN LATERAL (SELECT\s""" + TURN_OVERSIZED + """
                ) o
                WHERE r.position <= :maxTurns
                ORDER BY r.session_id, r.idx, r.id
                """)
                .param("ids", uuids(sessionIds))
                .param("maxTurns", maxTurns)
                .param("maxLength", maxLength)
                .query(EvaluationInputRepository::turn)
                .list();
    }

    List<TestCaseRow> testCases(Collection<UUID> testCaseIds, int maxLength) {
        return jdbc.sql("""
                SELECT tc.id, tc.organization_id, o.oversized,
                    CASE WHEN o.oversized IS NULL THEN tc.input END AS input,
                    CASE WHEN o.oversized IS NULL THEN tc.expected_output END AS expected_output,
                    CASE WHEN o.oversized IS NULL THEN tc.context END AS context,
                    tc.expected_tools, tc.user_persona, tc.goal, tc.scenario, tc.stopping_criterias
                FROM test_cases tc
                CROSS JOIN LATERAL (SELECT CASE
                    WHEN length(tc.expected_output) > :maxLength THEN 'the expected output'
                    WHEN length(tc.input) > :maxLength THEN 'the test case input'
                    WHEN length(tc.context) > :maxLength THEN 'the test case context' END AS oversized) o
                WHERE tc.id = ANY(:ids) AND tc.deleted_at IS NULL
                """)
                .param("ids", uuids(testCaseIds))
                .param("maxLength", maxLength)
                .query((rs, row) -> new TestCaseRow(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                        rs.getString("input"), rs.getString("expected_output"), rs.getString("context"),
                        Sql.nullableTextArray(rs, "expected_tools"), rs.getString("user_persona"), rs.getString("goal"),
                        rs.getString("scenario"), Sql.nullableTextArray(rs, "stopping_criterias"), rs.getString("oversized")))
                .list();
    }

    private static final String TURN_COLUMNS = """
            r.id, r.organization_id, r.session_id, r.created_at, o.oversized,
                CASE WHEN o.oversized IS NULL AND jsonb_typeof(r.input -> 'user_message') = 'string'
                     THEN r.input ->> 'user_message' END AS user_message,
                CASE WHEN o.oversized IS NULL AND jsonb_typeof(r.input -> 'user_message') IS DISTINCT FROM 'string'
                     THEN r.input::text END AS input_json,
                CASE WHEN o.oversized IS NULL THEN r.actual_output END AS actual_output,
                CASE WHEN o.oversized IS NULL THEN r.retrieval_context END AS retrieval_context""";

    private static final String TURN_OVERSIZED = """
            CASE WHEN length(r.actual_output) > :maxLength THEN 'the actual output'
                 WHEN length(r.retrieval_context) > :maxLength THEN 'the retrieval context'
                 WHEN length(r.input::text) > :maxLength THEN 'the input' END AS oversized""";

    private static SqlArrayValue uuids(Collection<UUID> ids) {
        return new SqlArrayValue("uuid", ids.toArray());
    }

    private static TurnRow turn(ResultSet rs, int row) throws SQLException {
        return new TurnRow(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getObject("session_id", UUID.class), rs.getString("user_message"), rs.getString("input_json"),
                rs.getString("actual_output"), rs.getString("retrieval_context"), rs.getString("oversized"),
                Sql.requiredInstant(rs, "created_at"));
    }
}

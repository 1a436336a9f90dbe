package dev.assay.evaluation;

import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.OrderBy;
import dev.assay.common.RowStreams;
import dev.assay.common.Sql;
import dev.assay.common.Where;
import dev.assay.metric.MetricSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class EvaluationRepository {
    private static final String COLUMNS = """
            e.id, e.organization_id, e.metric_id, e.session_id, e.inference_result_id, e.test_case_id, e.status,
            e.score, e.reason, e.error, e.can_retry, e.credits_used, e.judge_model, e.input_tokens, e.output_tokens,
            e.conversation_simulator_version,
            e.human_evaluator_id, e.human_evaluator_started_at, e.human_evaluator_finished_at, e.human_score,
            e.human_reason, e.failed_turns, e.attempts, e.retries_attempted, e.created_at, e.evaluated_at,
            e.deleted_at, m.legacy_at AS metric_legacy_at, m.disabled_at AS metric_disabled_at""";
    private static final String FROM = " FROM evaluations e JOIN metrics m ON m.id = e.metric_id ";
    private static final Object[] JUDGED_SOURCES = Arrays.stream(MetricSource.values())
            .filter(MetricSource::isJudged).map(MetricSource::name).toArray();

    private final JdbcClient jdbc;

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Evaluation evaluation) {
        jdbc.sql("""
                        INSERT INTO evaluations (id, organization_id, metric_id, session_id, inference_result_id,
                            test_case_id, status, score, reason, error, can_retry, credits_used,
                            conversation_simulator_version, failed_turns, next_attempt_at, created_at, evaluated_at)
                        VALUES (:id, :organizationId, :metricId, :sessionId, :inferenceResultId, :testCaseId, :status,
                            :score, :reason, :error, :canRetry, :creditsUsed, :conversationSimulatorVersion,
                            :failedTurns, :createdAt, :createdAt, :evaluatedAt)
                        """)
                .param("id", evaluation.id())
                .param("organizationId", evaluation.organizationId())
                .param("metricId", evaluation.metricId())
                .param("sessionId", evaluation.sessionId())
                .param("inferenceResultId", evaluation.inferenceResultId())
                .param("testCaseId", evaluation.testCaseId())
                .param("status", evaluation.status().name())
                .param("score", evaluation.score())
                .param("reason", evaluation.reason())
                .param("error", evaluation.error())
                .param("canRetry", evaluation.canRetry())
                .param("creditsUsed", evaluation.creditsUsed())
                .param("conversationSimulatorVersion", evaluation.conversationSimulatorVersion())
                .param("failedTurns", new SqlArrayValue("text", evaluation.failedTurns().toArray()))
                .param("createdAt", Sql.timestamp(evaluation.createdAt()))
                .param("evaluatedAt", Sql.timestamp(evaluation.evaluatedAt()))
                .update();
    }

    Optional<Evaluation> find(UUID organizationId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM
                        + "WHERE e.organization_id = :organizationId AND e.id = :id AND e.deleted_at IS NULL")
                .param("organizationId", organizationId)
                .param("id", id)
                .query(EvaluationRepository::map)
                .optional();
    }

    /** Any row by id, for the worker: it acts for no caller. */
    Optional<Evaluation> findForWork(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + FROM + "WHERE e.id = :id")
                .param("id", id)
                .query(EvaluationRepository::map)
                .optional();
    }

    Set<UUID> matchingIds(Where where) {
        return new HashSet<>(where.bind(jdbc.sql("SELECT e.id" + FROM + where.sql())).query(UUID.class).list());
    }

    List<Evaluation> list(Where where, List<SortKey<EvaluationSort>> sort, int limit, int offset) {
        return where.param("limit", limit).param("offset", offset)
                .bind(jdbc.sql(listSql(where, sort)))
                .query(EvaluationRepository::map)
                .list();
    }

    /** Every row of a list query in its order, unpaged, one at a time (an export). Needs a transaction. */
    void forEach(Where where, List<SortKey<EvaluationSort>> sort, RowStreams streams, Consumer<Evaluation> sink) {
        streams.forEach(where.param("limit", Long.MAX_VALUE).param("offset", 0), listSql(where, sort),
                EvaluationRepository::map, sink);
    }

    private static String listSql(Where where, List<SortKey<EvaluationSort>> sort) {
        return "SELECT " + COLUMNS + FROM + where.sql() + OrderBy.of(sort, "e.created_at", "e.id");
    }

    boolean softDelete(UUID organizationId, UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE evaluations SET deleted_at = :now
                        WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                        """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .update() == 1;
    }

    void softDeleteSession(UUID organizationId, UUID sessionId, Instant now) {
        jdbc.sql("""
                        UPDATE evaluations SET deleted_at = :now
                        WHERE organization_id = :organizationId AND session_id = :sessionId AND deleted_at IS NULL
                        """)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("sessionId", sessionId)
                .update();
    }

    /**
     * Claims up to {@code limit} due PENDING rows whose lease is free or expired, skipping rows
     * another worker holds, and leases them. Each claim counts as an attempt. {@code judged}
     * picks the rows of LLM-judged metrics or the others, one worker lane each.
     */
    List<Claim> claim(int limit, Instant now, Duration lease, boolean judged) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT e.id FROM evaluations e
                            WHERE e.status = 'PENDING' AND e.deleted_at IS NULL AND e.next_attempt_at <= :now
                              AND (e.lease_until IS NULL OR e.lease_until < :now)
                              AND EXISTS (SELECT 1 FROM metrics m
                                          WHERE m.id = e.metric_id AND (m.source = ANY(:judgedSources)) = :judged)
                            ORDER BY e.next_attempt_at, e.id
                            LIMIT :limit
                            FOR UPDATE OF e SKIP LOCKED)
                        UPDATE evaluations e
                        SET lease_until = :leaseUntil, attempts = e.attempts + 1
                        FROM due WHERE e.id = due.id
                        RETURNING e.id, e.attempts
                        """)
                .param("now", Sql.timestamp(now))
                .param("judgedSources", new SqlArrayValue("text", JUDGED_SOURCES))
                .param("judged", judged)
                .param("limit", limit)
                .param("leaseUntil", Sql.timestamp(now.plus(lease)))
                .query((rs, row) -> new Claim(rs.getObject("id", UUID.class), rs.getInt("attempts")))
                .list();
    }

    /**
     * Writes the final state of a claimed row. Keyed by id and attempt: a worker whose lease
     * expired and whose row was claimed again writes nothing, so no result is ever doubled.
     * Credits and judge tokens add up over the row's attempts, so a retried evaluation shows all
     * it cost.
     */
    boolean complete(Claim claim, EvaluationStatus status, @Nullable Double score, @Nullable String reason,
            @Nullable String error, boolean canRetry, @Nullable Integer creditsUsed, @Nullable ModelUsage usage, Instant now) {
        return jdbc.sql("""
                        UPDATE evaluations
                        SET status = :status, score = :score, reason = :reason, error = :error, can_retry = :canRetry,
                            credits_used = COALESCE(credits_used, 0) + :creditsUsed,
                            judge_model = COALESCE(CAST(:judgeModel AS text), judge_model),
                            input_tokens = CASE WHEN :called THEN COALESCE(input_tokens, 0) + :inputTokens ELSE input_tokens END,
                            output_tokens = CASE WHEN :called THEN COALESCE(output_tokens, 0) + :outputTokens ELSE output_tokens END,
                            evaluated_at = :now, lease_until = NULL
                        WHERE id = :id AND attempts = :attempt AND status = 'PENDING'
                        """)
                .param("status", status.name())
                .param("score", score)
                .param("reason", reason)
                .param("error", error)
                .param("canRetry", canRetry)
                .param("creditsUsed", creditsUsed == null ? 0 : creditsUsed)
                .param("judgeModel", usage == null ? null : usage.model())
                .param("called", usage != null)
                .param("inputTokens", usage == null ? 0L : usage.inputTokens())
                .param("outputTokens", usage == null ? 0L : usage.outputTokens())
                .param("now", Sql.timestamp(now))
                .param("id", claim.id())
                .param("attempt", claim.attempt())
                .update() == 1;
    }

    /**
     * Puts a claimed row back in the queue after a transient failure, due again at
     * {@code nextAttemptAt}, adding what the attempt's model calls cost.
     */
    boolean reschedule(Claim claim, String error, Instant nextAttemptAt, @Nullable ModelUsage usage) {
        return jdbc.sql("""
                        UPDATE evaluations
                        SET error = :error, next_attempt_at = :nextAttemptAt, lease_until = NULL,
                            credits_used = CASE WHEN :called THEN COALESCE(credits_used, 0) + :calls ELSE credits_used END,
                            judge_model = COALESCE(CAST(:judgeModel AS text), judge_model),
                            input_tokens = CASE WHEN :called THEN COALESCE(input_tokens, 0) + :inputTokens ELSE input_tokens END,
                            output_tokens = CASE WHEN :called THEN COALESCE(output_tokens, 0) + :outputTokens ELSE output_tokens END
                        WHERE id = :id AND attempts = :attempt AND status = 'PENDING'
                        """)
                .param("error", error)
                .param("nextAttemptAt", Sql.timestamp(nextAttemptAt))
                .param("called", usage != null)
                .param("calls", usage == null ? 0 : usage.calls())
                .param("judgeModel", usage == null ? null : usage.model())
                .param("inputTokens", usage == null ? 0L : usage.inputTokens())
                .param("outputTokens", usage == null ? 0L : usage.outputTokens())
                .param("id", claim.id())
                .param("attempt", claim.attempt())
                .update() == 1;
    }

    /**
     * Sends a row back to the queue (or the annotation queue) for another try, if it is still the
     * retryable final row the caller read: concurrent retries of one row send it back only once.
     * {@code attempts} keeps counting, so a result of an attempt from before the retry can never
     * be written.
     */
    boolean requeue(UUID organizationId, UUID id, int retriesAttempted, EvaluationStatus status, Instant now) {
        return jdbc.sql("""
                        UPDATE evaluations
                        SET status = :status, score = NULL, reason = NULL, error = NULL, can_retry = false,
                            evaluated_at = NULL, lease_until = NULL, next_attempt_at = :now,
                            retries_attempted = retries_attempted + 1, human_evaluator_id = NULL,
                            human_evaluator_started_at = NULL, human_evaluator_finished_at = NULL,
                            human_score = NULL, human_reason = NULL, failed_turns = '{}'
                        WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                          AND can_retry AND status IN ('FAILED', 'SKIPPED') AND retries_attempted = :retriesAttempted
                        """)
                .param("status", status.name())
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .param("retriesAttempted", retriesAttempted)
                .update() == 1;
    }

    /** Claims a human evaluation for an annotator, unless another annotator holds it. */
    boolean claimForAnnotator(UUID organizationId, UUID id, String annotatorId, Instant now) {
        return jdbc.sql("""
                        UPDATE evaluations
                        SET human_evaluator_id = :annotatorId,
                            human_evaluator_started_at = COALESCE(human_evaluator_started_at, :now)
                        WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                          AND status = 'PENDING_HUMAN'
                          AND (human_evaluator_id IS NULL OR human_evaluator_id = :annotatorId)
                        """)
                .param("annotatorId", annotatorId)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .update() == 1;
    }

    boolean submitHumanScore(UUID organizationId, UUID id, String annotatorId, double score, @Nullable String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE evaluations
                        SET status = 'SUCCESS', score = :score, reason = :reason, human_score = :score,
                            human_reason = :reason, human_evaluator_finished_at = :now, evaluated_at = :now,
                            can_retry = false
                        WHERE organization_id = :organizationId AND id = :id AND deleted_at IS NULL
                          AND status = 'PENDING_HUMAN' AND human_evaluator_id = :annotatorId
                        """)
                .param("score", score)
                .param("reason", reason)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .param("annotatorId", annotatorId)
                .update() == 1;
    }

    /** A human's score and reason beside the machine's, on a scored evaluation of a metric people do not score. */
    boolean reviewMachineScore(UUID organizationId, UUID id, String annotatorId, double score, @Nullable String reason,
            Instant now) {
        return jdbc.sql("""
                        UPDATE evaluations e
                        SET human_score = :score, human_reason = :reason, human_evaluator_id = :annotatorId,
                            human_evaluator_started_at = :now, human_evaluator_finished_at = :now
                        FROM metrics m
                        WHERE m.id = e.metric_id AND m.source <> 'HUMAN_EVALUATION'
                          AND e.organization_id = :organizationId AND e.id = :id AND e.deleted_at IS NULL
                          AND e.status = 'SUCCESS' AND e.score IS NOT NULL AND e.human_score IS NULL
                        """)
                .param("score", score)
                .param("reason", reason)
                .param("now", Sql.timestamp(now))
                .param("organizationId", organizationId)
                .param("id", id)
                .param("annotatorId", annotatorId)
                .update() == 1;
    }

    long queueDepth() {
        return jdbc.sql("SELECT count(*) FROM evaluations WHERE status = 'PENDING' AND deleted_at IS NULL")
                .query(Long.class)
                .single();
    }

    /** A claimed row: which one and which attempt this worker is running. */
    record Claim(UUID id, int attempt) {}

    private static Evaluation map(ResultSet rs, int row) throws SQLException {
        return new Evaluation(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("metric_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                Sql.uuid(rs, "inference_result_id"),
                rs.getString("test_case_id"),
                EvaluationStatus.valueOf(rs.getString("status")),
                Sql.nullableDouble(rs, "score"),
                rs.getString("reason"),
                rs.getString("error"),
                rs.getBoolean("can_retry"),
                Sql.nullableInt(rs, "credits_used"),
                rs.getString("judge_model"),
                Sql.nullableLong(rs, "input_tokens"),
                Sql.nullableLong(rs, "output_tokens"),
                rs.getString("conversation_simulator_version"),
                rs.getString("human_evaluator_id"),
                Sql.instant(rs, "human_evaluator_started_at"),
                Sql.instant(rs, "human_evaluator_finished_at"),
                Sql.nullableDouble(rs, "human_score"),
                rs.getString("human_reason"),
                Sql.textArray(rs, "failed_turns"),
                rs.getInt("attempts"),
                rs.getInt("retries_attempted"),
                Sql.requiredInstant(rs, "created_at"),
                Sql.instant(rs, "evaluated_at"),
                Sql.instant(rs, "deleted_at"),
                Sql.instant(rs, "metric_legacy_at"),
                Sql.instant(rs, "metric_disabled_at"));
    }
}

package dev.assay.evaluation;

import dev.assay.common.ListQuery.SortKey;
import dev.assay.common.OrderBy;
import dev.assay.common.PageCursor;
import dev.assay.common.RecordColumns;
import dev.assay.common.Sql;
import dev.assay.common.Where;
import dev.assay.evaluation.EvaluationStatisticsService.ScoreRange;
import dev.assay.product.VersionConditions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class EvaluationRepository {
    /** The columns of an evaluation's details, derived from their records: a new field of one needs no edit here. */
    private static final RecordColumns<Evaluation.Outcome> OUTCOME = RecordColumns.of(Evaluation.Outcome.class);
    private static final RecordColumns<Evaluation.JudgeUsage> JUDGE = RecordColumns.of(Evaluation.JudgeUsage.class);
    private static final RecordColumns<Evaluation.HumanReview> HUMAN = RecordColumns.of(Evaluation.HumanReview.class);
    private static final RecordColumns<Evaluation.QueueState> QUEUE = RecordColumns.of(Evaluation.QueueState.class);
    private static final String COLUMNS = "e.id, e.organization_id, e.metric_id, e.session_id, e.inference_result_id,"
            + " e.test_case_id, e.conversation_simulator_version, e.created_at, e.deleted_at, "
            + OUTCOME.select("e") + ", " + JUDGE.select("e") + ", " + HUMAN.select("e") + ", " + QUEUE.select("e")
            + ", m.legacy_at AS metric_legacy_at, m.disabled_at AS metric_disabled_at";
    /** The details' part of an insert through {@code unnest}: columns, values selected, arrays bound. */
    private static final String DETAILS_NAMES = String.join(", ", OUTCOME.names(), JUDGE.names(), HUMAN.names(), QUEUE.names());
    private static final String DETAILS_VALUES = String.join(", ", OUTCOME.unnestValues("t"), JUDGE.unnestValues("t"),
            HUMAN.unnestValues("t"), QUEUE.unnestValues("t"));
    private static final String DETAILS_PARAMS = String.join(", ", OUTCOME.unnestParams(), JUDGE.unnestParams(),
            HUMAN.unnestParams(), QUEUE.unnestParams());
    private static final String FROM = " FROM evaluations e JOIN metrics m ON m.id = e.metric_id ";

    private final JdbcClient jdbc;

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the new rows of one request in one statement: every column travels as one array and
     * {@code unnest} turns them into rows. {@code judged} is each row's worker lane; the version is
     * the session's, copied so comparisons find a version's rows by index (V70).
     */
    void insertAll(List<Evaluation> created, List<Boolean> judged) {
        if (created.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO evaluations (id, organization_id, metric_id, session_id, version_id, inference_result_id,
                    test_case_id, conversation_simulator_version, judged, next_attempt_at, created_at, %1$s)
                SELECT t.id, t.organization_id, t.metric_id, t.session_id, s.version_id, t.inference_result_id,
                    t.test_case_id, t.conversation_simulator_version, t.judged, t.created_at, t.created_at, %2$s
                FROM unnest(:ids, :organizationIds, :metricIds, :sessionIds, :inferenceResultIds, :testCaseIds,
                    :simulatorVersions, :judged, :createdAt, %3$s)
                AS t(id, organization_id, metric_id, session_id, inference_result_id, test_case_id,
                    conversation_simulator_version, judged, created_at, %1$s)
                JOIN sessions s ON s.id = t.session_id
                """.formatted(DETAILS_NAMES, DETAILS_VALUES, DETAILS_PARAMS))
                .param("ids", array("uuid", created, Evaluation::id))
                .param("organizationIds", array("uuid", created, Evaluation::organizationId))
                .param("metricIds", array("uuid", created, Evaluation::metricId))
                .param("sessionIds", array("uuid", created, Evaluation::sessionId))
                .param("inferenceResultIds", array("uuid", created, Evaluation::inferenceResultId))
                .param("testCaseIds", array("text", created, Evaluation::testCaseId))
                .param("simulatorVersions", array("text", created, Evaluation::conversationSimulatorVersion))
                .param("judged", new SqlArrayValue("bool", judged.toArray()))
                .param("createdAt", array("timestamptz", created, evaluation -> Sql.timestamp(evaluation.createdAt())))
                .params(OUTCOME.arrays(created, Evaluation::outcome))
                .params(JUDGE.arrays(created, Evaluation::judgeUsage))
                .params(HUMAN.arrays(created, Evaluation::humanReview))
                .params(QUEUE.arrays(created, Evaluation::queue))
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

    Set<UUID> matchingIds(UUID organizationId, EvaluationFilter filter) {
        Where where = where(organizationId, filter);
        return new HashSet<>(where.bind(jdbc.sql("SELECT e.id" + FROM + where.sql())).query(UUID.class).list());
    }

    /** The live PENDING_HUMAN evaluations of the organization that are unclaimed or claimed by this annotator. */
    List<Evaluation> listPendingHuman(UUID organizationId, String annotatorId, int limit, int offset) {
        Where where = Where.tenant("e", organizationId)
                .add("e.deleted_at IS NULL")
                .add("e.status = 'PENDING_HUMAN'")
                .add("(e.human_evaluator_id IS NULL OR e.human_evaluator_id = :annotatorId)", "annotatorId", annotatorId);
        return where.param("limit", limit).param("offset", offset)
                .bind(jdbc.sql(listSql(where, List.of())))
                .query(EvaluationRepository::map)
                .list();
    }

    /**
     * Hands the rows of a list to {@code sink} as they are read, a few at a time (see
     * {@link Sql#stream}); must run inside a transaction, or the driver reads every row at once.
     */
    void stream(UUID organizationId, EvaluationFilter filter, List<SortKey<EvaluationSort>> sort, long limit, int offset,
            Consumer<Evaluation> sink) {
        Where where = where(organizationId, filter);
        Sql.stream(where.param("limit", limit).param("offset", offset).bind(jdbc.sql(listSql(where, sort))), EvaluationRepository::map,
                sink);
    }

    /**
     * The evaluations matching the filter and the score range, newest first in the order of the
     * (organization_id, created_at, id) index, strictly before {@code before} when given, so the scan
     * stops at the limit.
     */
    List<Evaluation> listNewestFirst(UUID organizationId, EvaluationFilter filter, ScoreRange range, @Nullable PageCursor before,
            int limit) {
        Where where = where(organizationId, filter);
        addScoreRange(where, range);
        if (before != null) {
            before.addTo(where, "e");
        }
        return where.param("limit", limit)
                .bind(jdbc.sql("SELECT " + COLUMNS + FROM + where.sql() + " ORDER BY e.created_at DESC, e.id DESC LIMIT :limit"))
                .query(EvaluationRepository::map)
                .list();
    }

    /** Every row of a list query in its order, unpaged, one at a time (an export). Needs a transaction. */
    void forEach(UUID organizationId, EvaluationFilter filter, List<SortKey<EvaluationSort>> sort, Consumer<Evaluation> sink) {
        stream(organizationId, filter, sort, Long.MAX_VALUE, 0, sink);
    }

    /** The evaluations of the organization that match the filter, on {@code evaluations e}. */
    static Where where(UUID organizationId, EvaluationFilter filter) {
        Where where = Where.tenant("e", organizationId);
        if (!filter.includeDeleted()) {
            where.add("e.deleted_at IS NULL");
        }
        where.relation("e.session_id", "sessionIds", filter.sessionIds());
        where.relation("e.inference_result_id", "inferenceResultIds", filter.inferenceResultIds());
        where.relation("e.metric_id", "metricIds", filter.metricIds());
        // An evaluation carries its session's version (docs/decisions/0012-comparison-read-path.md).
        where.relation("e.version_id", "versionIds", filter.versionIds());
        VersionConditions.ofProducts(where, "e.version_id", filter.productIds());
        where.in("e.test_case_id", "testCaseIds", filter.testCaseIds());
        filter.tests().addTo(where, "e.test_case_id");
        where.in("e.status", "statuses", filter.statuses().stream().map(EvaluationStatus::name).toList());
        Boolean canRetry = filter.canRetry();
        if (canRetry != null) {
            where.add("e.can_retry = :canRetry", "canRetry", canRetry);
        }
        where.createdBetween("e", filter.created());
        filter.ids().addTo(where, "e");
        return where;
    }

    /** Adds an inclusive score range; either end may be open. */
    static void addScoreRange(Where where, ScoreRange range) {
        Double min = range.min();
        if (min != null) {
            where.add("e.score >= :minScore", "minScore", min);
        }
        Double max = range.max();
        if (max != null) {
            where.add("e.score <= :maxScore", "maxScore", max);
        }
    }

    /** The list statement; package-private so a test can check that an index serves its order. */
    static String listSql(Where where, List<SortKey<EvaluationSort>> sort) {
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
     * Claims up to {@code limit} due PENDING rows of one lane whose lease is free or expired,
     * skipping rows another worker holds, and leases them until {@code now + lease}; each claim is
     * an attempt. The rows are taken fairly across organizations: the organizations with pending
     * work of the lane are found by a skip scan of the queue index, each offers its oldest due rows
     * (at most an equal share of the limit), and the claim takes them round robin (every
     * organization's first row, then every second row, ...). A row whose attempts are used up
     * ({@code maxAttempts} per round of retries) and whose last lease expired is not claimed but
     * ends FAILED here, keeping its lease as the mark of a row that gave up waiting (see
     * {@link #completeAll}); it is returned with {@link Claim#gaveUp()} set.
     */
    List<Claim> claim(int limit, Instant now, Duration lease, boolean judged, int maxAttempts) {
        return jdbc.sql("""
                WITH RECURSIVE organizations AS (
                    (SELECT e.organization_id FROM evaluations e
                     WHERE e.status = 'PENDING' AND e.deleted_at IS NULL AND e.judged = :judged
                     ORDER BY e.organization_id LIMIT 1)
                    UNION ALL
                    SELECT (SELECT e.organization_id FROM evaluations e
                            WHERE e.status = 'PENDING' AND e.deleted_at IS NULL AND e.judged = :judged
                              AND e.organization_id > o.organization_id
                            ORDER BY e.organization_id LIMIT 1)
                    FROM organizations o WHERE o.organization_id IS NOT NULL),
                busy AS (
                    SELECT organization_id FROM organizations WHERE organization_id IS NOT NULL LIMIT :limit),
                offered AS (
                    SELECT c.id, c.next_attempt_at,
                        row_number() OVER (PARTITION BY c.organization_id ORDER BY c.next_attempt_at, c.id) AS turn
                    FROM busy b CROSS JOIN LATERAL (
                        SELECT e.id, e.organization_id, e.next_attempt_at FROM evaluations e
                        WHERE e.status = 'PENDING' AND e.deleted_at IS NULL AND e.judged = :judged
                          AND e.organization_id = b.organization_id AND e.next_attempt_at <= :now
                          AND (e.lease_until IS NULL OR e.lease_until < :now)
                        ORDER BY e.next_attempt_at, e.id
                        LIMIT (SELECT (:limit + count(*) - 1) / count(*) FROM busy)) c),
                taken AS (
                    SELECT e.id FROM evaluations e
                    WHERE e.id IN (SELECT id FROM offered ORDER BY turn, next_attempt_at, id LIMIT :limit)
                      AND e.status = 'PENDING' AND e.deleted_at IS NULL
                      AND (e.lease_until IS NULL OR e.lease_until < :now)
                    FOR UPDATE OF e SKIP LOCKED)
                UPDATE evaluations e
                SET attempts = CASE WHEN e.attempts >= :maxAttempts * (e.retries_attempted + 1)
                                    THEN e.attempts ELSE e.attempts + 1 END,
                    lease_until = CASE WHEN e.attempts >= :maxAttempts * (e.retries_attempted + 1)
                                       THEN e.lease_until ELSE :leaseUntil END,
                    status = CASE WHEN e.attempts >= :maxAttempts * (e.retries_attempted + 1)
                                  THEN 'FAILED' ELSE e.status END,
                    error = CASE WHEN e.attempts >= :maxAttempts * (e.retries_attempted + 1)
                                 THEN 'Gave up after ' || e.attempts || ' attempts: the lease of the last one '
                                      || 'expired before it wrote a result (the worker stopped, or scoring '
                                      || 'outlived the lease without renewing it)'
                                      || COALESCE('; earlier: ' || e.error, '')
                                 ELSE e.error END,
                    can_retry = e.can_retry OR e.attempts >= :maxAttempts * (e.retries_attempted + 1),
                    evaluated_at = CASE WHEN e.attempts >= :maxAttempts * (e.retries_attempted + 1)
                                        THEN :now ELSE e.evaluated_at END
                FROM taken WHERE e.id = taken.id
                RETURNING e.id, e.attempts, e.retries_attempted, e.status, e.organization_id, e.metric_id,
                    e.session_id, e.inference_result_id, e.test_case_id, e.created_at
                """)
                .param("now", Sql.timestamp(now))
                .param("judged", judged)
                .param("limit", limit)
                .param("maxAttempts", maxAttempts)
                .param("leaseUntil", Sql.timestamp(now.plus(lease)))
                .query((rs, row) -> new Claim(rs.getObject("id", UUID.class), rs.getInt("attempts"),
                        rs.getInt("retries_attempted"), "FAILED".equals(rs.getString("status")),
                        rs.getObject("organization_id", UUID.class), rs.getObject("metric_id", UUID.class),
                        rs.getObject("session_id", UUID.class), Sql.uuid(rs, "inference_result_id"),
                        rs.getString("test_case_id"), Sql.requiredInstant(rs, "created_at")))
                .list();
    }

    /**
     * Extends the lease of claims still being worked on, in one statement: a running scorer's
     * heartbeat. Only the current attempt of a PENDING row is renewed; returns the ids renewed, so a
     * claim missing from the answer was taken over or finished elsewhere.
     */
    Set<UUID> renewLeases(Collection<Claim> claims, Instant leaseUntil) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        List<Claim> list = List.copyOf(claims);
        return new HashSet<>(jdbc.sql("""
                UPDATE evaluations e SET lease_until = :leaseUntil
                FROM unnest(:ids, :attempts) AS c(id, attempt)
                WHERE e.id = c.id AND e.attempts = c.attempt AND e.status = 'PENDING'
                RETURNING e.id
                """)
                .param("leaseUntil", Sql.timestamp(leaseUntil))
                .param("ids", array("uuid", list, Claim::id))
                .param("attempts", array("int4", list, Claim::attempt))
                .query(UUID.class)
                .list());
    }

    /**
     * Gives up a claim without a result (the worker is stopping): the row is due again at once. The
     * attempt stays counted; the next claim counts a new one, after which the given-up attempt can
     * no longer write a result.
     */
    boolean release(Claim claim) {
        return jdbc.sql("""
                UPDATE evaluations SET lease_until = NULL
                WHERE id = :id AND attempts = :attempt AND status = 'PENDING'
                """)
                .param("id", claim.id())
                .param("attempt", claim.attempt())
                .update() == 1;
    }

    /**
     * Returns claims that were never started to the queue (a worker's time slice ran out before
     * their turn): the lease is freed and the attempt handed back, since nothing was tried.
     */
    void handBack(List<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE evaluations e SET lease_until = NULL, attempts = e.attempts - 1
                FROM unnest(:ids, :attempts) AS c(id, attempt)
                WHERE e.id = c.id AND e.attempts = c.attempt AND e.status = 'PENDING'
                """)
                .param("ids", array("uuid", claims, Claim::id))
                .param("attempts", array("int4", claims, Claim::attempt))
                .update();
    }

    /**
     * Puts claimed rows back in the queue without counting their attempt, each due again at its
     * {@code nextAttemptAt}: the evaluation waits for data that may still arrive (a turn's late
     * spans, docs/api.md "What evaluations read from spans"), and nothing was tried. Only the
     * current attempt of a PENDING row is postponed; one statement for the batch.
     */
    void postponeAll(List<Postponement> postponements) {
        if (postponements.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE evaluations e
                SET lease_until = NULL, attempts = e.attempts - 1, next_attempt_at = c.next_attempt_at
                FROM unnest(:ids, :attempts, :nextAttemptAt) AS c(id, attempt, next_attempt_at)
                WHERE e.id = c.id AND e.attempts = c.attempt AND e.status = 'PENDING'
                """)
                .param("ids", array("uuid", postponements, postponement -> postponement.claim().id()))
                .param("attempts", array("int4", postponements, postponement -> postponement.claim().attempt()))
                .param("nextAttemptAt", array("timestamptz", postponements,
                        postponement -> Sql.timestamp(postponement.nextAttemptAt())))
                .update();
    }

    /**
     * Writes the final states of a batch in one statement. A result is written while its row is
     * still PENDING in the same round of retries, whichever attempt produced it, and also over a
     * row that gave up because its last lease expired (FAILED with its lease kept, see
     * {@link #claim}): a late result of a superseded attempt is kept when it is the only one, and
     * is never written over a result already written (the row is then final). Credits and judge
     * tokens add up over the row's attempts. Returns the ids written.
     */
    Set<UUID> completeAll(List<Completion> completions, Instant now) {
        if (completions.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                UPDATE evaluations e
                SET status = c.status, score = c.score, reason = c.reason, error = c.error, can_retry = c.can_retry,
                    credits_used = COALESCE(e.credits_used, 0) + c.credits_used,
                    judge_model = COALESCE(c.judge_model, e.judge_model),
                    input_tokens = CASE WHEN c.called THEN COALESCE(e.input_tokens, 0) + c.input_tokens
                                        ELSE e.input_tokens END,
                    output_tokens = CASE WHEN c.called THEN COALESCE(e.output_tokens, 0) + c.output_tokens
                                         ELSE e.output_tokens END,
                    evaluated_at = :now, lease_until = NULL
                FROM unnest(:ids, :attempts, :retries, :statuses, :scores, :reasons, :errors, :canRetry,
                    :creditsUsed, :judgeModels, :called, :inputTokens, :outputTokens)
                    AS c(id, attempt, retries, status, score, reason, error, can_retry, credits_used, judge_model,
                         called, input_tokens, output_tokens)
                WHERE e.id = c.id AND e.attempts >= c.attempt AND e.retries_attempted = c.retries
                  AND (e.status = 'PENDING' OR (e.status = 'FAILED' AND e.lease_until IS NOT NULL))
                RETURNING e.id
                """)
                .param("now", Sql.timestamp(now))
                .param("ids", array("uuid", completions, completion -> completion.claim().id()))
                .param("attempts", array("int4", completions, completion -> completion.claim().attempt()))
                .param("retries", array("int4", completions, completion -> completion.claim().retries()))
                .param("statuses", array("text", completions, completion -> completion.status().name()))
                .param("scores", array("float8", completions, Completion::score))
                .param("reasons", array("text", completions, Completion::reason))
                .param("errors", array("text", completions, Completion::error))
                .param("canRetry", array("bool", completions, Completion::canRetry))
                .param("creditsUsed", array("int4", completions, Completion::creditsUsed))
                .param("judgeModels", array("text", completions, Completion::judgeModel))
                .param("called", array("bool", completions, completion -> completion.usage() != null))
                .param("inputTokens", array("int8", completions, Completion::inputTokens))
                .param("outputTokens", array("int8", completions, Completion::outputTokens))
                .query(UUID.class)
                .list());
    }

    /**
     * Puts claimed rows back in the queue after a transient failure, each due again at its
     * {@code nextAttemptAt}, adding what the attempt's model calls cost. Only the current attempt
     * of a PENDING row reschedules it.
     */
    void rescheduleAll(List<Reschedule> reschedules) {
        if (reschedules.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE evaluations e
                SET error = c.error, next_attempt_at = c.next_attempt_at, lease_until = NULL,
                    credits_used = CASE WHEN c.called THEN COALESCE(e.credits_used, 0) + c.calls ELSE e.credits_used END,
                    judge_model = COALESCE(c.judge_model, e.judge_model),
                    input_tokens = CASE WHEN c.called THEN COALESCE(e.input_tokens, 0) + c.input_tokens
                                        ELSE e.input_tokens END,
                    output_tokens = CASE WHEN c.called THEN COALESCE(e.output_tokens, 0) + c.output_tokens
                                         ELSE e.output_tokens END
                FROM unnest(:ids, :attempts, :errors, :nextAttemptAt, :called, :calls, :judgeModels, :inputTokens,
                    :outputTokens)
                    AS c(id, attempt, error, next_attempt_at, called, calls, judge_model, input_tokens, output_tokens)
                WHERE e.id = c.id AND e.attempts = c.attempt AND e.status = 'PENDING'
                """)
                .param("ids", array("uuid", reschedules, reschedule -> reschedule.claim().id()))
                .param("attempts", array("int4", reschedules, reschedule -> reschedule.claim().attempt()))
                .param("errors", array("text", reschedules, Reschedule::error))
                .param("nextAttemptAt", array("timestamptz", reschedules, reschedule -> Sql.timestamp(reschedule.nextAttemptAt())))
                .param("called", array("bool", reschedules, reschedule -> reschedule.usage() != null))
                .param("calls", array("int4", reschedules, Reschedule::calls))
                .param("judgeModels", array("text", reschedules, Reschedule::judgeModel))
                .param("inputTokens", array("int8", reschedules, Reschedule::inputTokens))
                .param("outputTokens", array("int8", reschedules, Reschedule::outputTokens))
                .update();
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

    /**
     * A claimed row: which one, which attempt of which round of retries this worker is running,
     * and what the worker needs to load its inputs. {@code gaveUp} marks a row the claim ended
     * FAILED instead, its attempts used up.
     */
    record Claim(UUID id, int attempt, int retries, boolean gaveUp, UUID organizationId, UUID metricId, UUID sessionId,
            @Nullable UUID inferenceResultId, @Nullable String testCaseId, Instant createdAt) {}

    /** A claimed row sent back to wait, unscored and without using its attempt, until {@code nextAttemptAt}. */
    record Postponement(Claim claim, Instant nextAttemptAt) {}

    /** The final state of a claimed row. */
    record Completion(Claim claim, EvaluationStatus status, @Nullable Double score, @Nullable String reason,
            @Nullable String error, boolean canRetry, int creditsUsed, @Nullable ModelUsage usage) {

        @Nullable
        String judgeModel() {
            return usage == null ? null : usage.model();
        }

        long inputTokens() {
            return usage == null ? 0L : usage.inputTokens();
        }

        long outputTokens() {
            return usage == null ? 0L : usage.outputTokens();
        }
    }

    /** A claimed row due again after a passing failure. */
    record Reschedule(Claim claim, String error, Instant nextAttemptAt, @Nullable ModelUsage usage) {

        @Nullable
        String judgeModel() {
            return usage == null ? null : usage.model();
        }

        int calls() {
            return usage == null ? 0 : usage.calls();
        }

        long inputTokens() {
            return usage == null ? 0L : usage.inputTokens();
        }

        long outputTokens() {
            return usage == null ? 0L : usage.outputTokens();
        }
    }

    private static <T, V> SqlArrayValue array(String type, List<T> rows, Function<T, V> column) {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.apply(rows.get(i));
        }
        return new SqlArrayValue(type, values);
    }

    private static Evaluation map(ResultSet rs, int row) throws SQLException {
        return map(rs, (Sql.RowChars) null);
    }

    private static Evaluation map(ResultSet rs, Sql.@Nullable RowChars chars) throws SQLException {
        return new Evaluation(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getObject("metric_id", UUID.class),
                rs.getObject("session_id", UUID.class),
                Sql.uuid(rs, "inference_result_id"),
                rs.getString("test_case_id"),
                rs.getString("conversation_simulator_version"),
                OUTCOME.read(rs, chars),
                JUDGE.read(rs, chars),
                HUMAN.read(rs, chars),
                QUEUE.read(rs, chars),
                new Evaluation.MetricLifecycle(Sql.instant(rs, "metric_legacy_at"), Sql.instant(rs, "metric_disabled_at")),
                Sql.requiredInstant(rs, "created_at"),
                Sql.instant(rs, "deleted_at"));
    }
}

package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.Timestamps;
import dev.assay.inference.InferenceResult;
import dev.assay.inference.InferenceResultService;
import dev.assay.inference.InferenceResultStatus;
import dev.assay.metric.MetricSource;
import dev.assay.session.Session;
import dev.assay.session.SessionDeleted;
import dev.assay.session.SessionService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, reading, deleting and retrying evaluations. Creation is all-or-nothing: every
 * metric resolves or no evaluation is created. Rows the server scores start PENDING and are
 * taken from there by {@link EvaluationWorker}.
 */
@Service
public class EvaluationService {
    private final EvaluationRepository evaluations;
    private final MetricResolver resolver;
    private final InferenceResultService turns;
    private final SessionService sessions;
    private final MetricSources metricSources;
    private final EvaluationMeters observability;
    private final Clock clock;

    EvaluationService(EvaluationRepository evaluations, MetricResolver resolver, InferenceResultService turns,
            SessionService sessions, MetricSources metricSources, EvaluationMeters observability, Clock clock) {
        this.evaluations = evaluations;
        this.resolver = resolver;
        this.turns = turns;
        this.sessions = sessions;
        this.metricSources = metricSources;
        this.observability = observability;
        this.clock = clock;
    }

    /** Evaluates one turn with each resolved metric. */
    @Transactional
    public List<Evaluation> createFromInferenceResult(Caller caller, String inferenceResultId,
            @Nullable List<MetricReference> metrics, @Nullable List<String> specificationIds) {
        InferenceResult turn = turns.get(caller, inferenceResultId);
        Session session = sessions.getById(caller, turn.sessionId());
        List<String> notReady = isReady(turn) ? List.of() : List.of(inferenceResultId);
        return create(caller, session, turn.id(), turn.conversationSimulatorVersion(), notReady,
                resolver.resolve(caller, metrics, specificationIds, session.versionId()));
    }

    /** Evaluates a conversation as a whole: one evaluation per metric, not tied to a turn unless one is named. */
    @Transactional
    public List<Evaluation> createFromSession(Caller caller, String sessionId, @Nullable String inferenceResultId,
            @Nullable List<MetricReference> metrics, @Nullable List<String> specificationIds) {
        Session session = sessions.get(caller, sessionId);
        UUID turnId = null;
        if (inferenceResultId != null) {
            InferenceResult turn = turns.get(caller, inferenceResultId);
            if (!turn.sessionId().equals(session.id())) {
                throw AssayException.invalidField("inferenceResultId", "is not a turn of session " + sessionId);
            }
            turnId = turn.id();
        }
        List<String> notReady = turns.listSessionTurns(caller, session.id()).stream()
                .filter(turn -> !isReady(turn))
                .map(turn -> Ids.format(IdKind.INFERENCE_RESULT, turn.id()))
                .toList();
        return create(caller, session, turnId, null, notReady,
                resolver.resolve(caller, metrics, specificationIds, session.versionId()));
    }

    @Transactional
    public void delete(Caller caller, String evaluationId) {
        UUID id = Ids.parse(IdKind.EVALUATION, evaluationId).orElseThrow(() -> EvaluationQueryService.notFound(evaluationId));
        if (!evaluations.softDelete(caller.organizationId(), id, Timestamps.now(clock))) {
            throw EvaluationQueryService.notFound(evaluationId);
        }
    }

    /**
     * Sends failed or skipped evaluations back to their queue. Each id is judged on its own; the
     * ones that cannot be retried are counted as skipped with one message each.
     */
    @Transactional
    public RetryResult retry(Caller caller, List<String> evaluationIds, int maxRetries) {
        int retried = 0;
        List<String> errors = new ArrayList<>();
        Instant now = Timestamps.now(clock);
        for (String evaluationId : new LinkedHashSet<>(evaluationIds)) {
            Optional<Evaluation> found = Ids.parse(IdKind.EVALUATION, evaluationId)
                    .flatMap(id -> evaluations.find(caller.organizationId(), id));
            if (found.isEmpty()) {
                errors.add("Evaluation not found: " + evaluationId);
                continue;
            }
            Evaluation evaluation = found.get();
            MetricSource source = metricSources.sourceOf(caller, evaluation.metricId());
            if (source == MetricSource.SELF_HOSTED) {
                errors.add("Evaluation " + evaluationId + " is of a self-hosted metric; send a new score instead");
            } else if (!evaluation.outcome().canRetry()) {
                errors.add("Evaluation " + evaluationId + " cannot be retried (status " + evaluation.outcome().status() + ")");
            } else if (evaluation.queue().retriesAttempted() >= maxRetries && !caller.admin()) {
                errors.add("Evaluation " + evaluationId + " reached the limit of " + maxRetries + " retries");
            } else {
                EvaluationStatus queue = source == MetricSource.HUMAN_EVALUATION
                        ? EvaluationStatus.PENDING_HUMAN
                        : EvaluationStatus.PENDING;
                if (evaluations.requeue(caller.organizationId(), evaluation.id(), evaluation.queue().retriesAttempted(), queue, now)) {
                    retried++;
                } else {
                    errors.add("Evaluation " + evaluationId + " is already being retried");
                }
            }
        }
        return new RetryResult(retried, errors.size(), errors);
    }

    /** How a retry request went. */
    public record RetryResult(int retried, int skipped, List<String> errors) {}

    @EventListener
    void onSessionDeleted(SessionDeleted event) {
        evaluations.softDeleteSession(event.organizationId(), event.sessionId(), event.deletedAt());
    }

    private List<Evaluation> create(Caller caller, Session session, @Nullable UUID turnId,
            @Nullable String simulatorVersion, List<String> notReady, List<MetricResolver.ResolvedMetric> metrics) {
        Instant now = Timestamps.now(clock);
        List<Evaluation> created = new ArrayList<>(metrics.size());
        List<Boolean> judged = new ArrayList<>(metrics.size());
        for (MetricResolver.ResolvedMetric resolved : metrics) {
            InitialState state = InitialState.of(resolved, notReady);
            created.add(new Evaluation(Ids.newId(clock), caller.organizationId(), resolved.metric().id(),
                    session.id(), turnId, session.details().testCaseId(), simulatorVersion, state.outcome(notReady, now),
                    Evaluation.JudgeUsage.credits(state.creditsUsed()), Evaluation.HumanReview.NONE,
                    Evaluation.QueueState.NEW,
                    new Evaluation.MetricLifecycle(resolved.metric().legacyAt(), resolved.metric().disabledAt()), now, null));
            judged.add(resolved.metric().source().isJudged());
        }
        evaluations.insertAll(created, judged);
        for (int i = 0; i < created.size(); i++) {
            EvaluationStatus status = created.get(i).outcome().status();
            if (status.isFinal()) {
                observability.recordFinal(EvaluationMeters.label(metrics.get(i).metric()), status, Duration.ZERO);
            }
        }
        return created;
    }

    private static boolean isReady(InferenceResult turn) {
        return turn.status() != InferenceResultStatus.PENDING && turn.status() != InferenceResultStatus.FAILED;
    }

    /** How a new row starts (docs/reference/galtea-contract.md §9.14). */
    private record InitialState(EvaluationStatus status, @Nullable Double score, @Nullable String reason,
            @Nullable String error, boolean canRetry, @Nullable Integer creditsUsed) {

        /** The outcome a new row starts with: SKIPPED rows name the turns that were not ready, final ones are evaluated now. */
        Evaluation.Outcome outcome(List<String> notReady, Instant now) {
            return new Evaluation.Outcome(status, score, reason, error, canRetry,
                    status == EvaluationStatus.SKIPPED ? notReady : List.of(), status.isFinal() ? now : null);
        }

        static InitialState of(MetricResolver.ResolvedMetric resolved, List<String> notReady) {
            MetricSource source = resolved.metric().source();
            if (source == MetricSource.SELF_HOSTED) {
                if (resolved.score() != null) {
                    return new InitialState(EvaluationStatus.SUCCESS, resolved.score(), "Score provided by the client", null, false, 0);
                }
                return new InitialState(EvaluationStatus.SKIPPED, null, null, "Self-hosted metric '" + resolved.metric().name()
                        + "' needs the score computed by the client (metrics[].score)", false, 0);
            }
            if (source == MetricSource.HUMAN_EVALUATION) {
                return new InitialState(EvaluationStatus.PENDING_HUMAN, null, null, null, false, null);
            }
            if (!notReady.isEmpty()) {
                return new InitialState(EvaluationStatus.SKIPPED, null, null, "Turns not ready to evaluate (status PENDING or "
                        + "FAILED): " + String.join(", ", notReady), true, 0);
            }
            return new InitialState(EvaluationStatus.PENDING, null, null, null, false, null);
        }
    }
}

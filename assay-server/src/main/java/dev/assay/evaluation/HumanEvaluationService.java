package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.Timestamps;
import dev.assay.metric.MetricService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annotation queue of human-evaluation metrics. An annotator is identified by the API key
 * they call with; a claim is atomic, so two annotators never score the same evaluation.
 */
@Service
public class HumanEvaluationService {
    private final EvaluationRepository evaluations;
    private final MetricService metrics;
    private final EvaluationMeters observability;
    private final Clock clock;

    HumanEvaluationService(EvaluationRepository evaluations, MetricService metrics, EvaluationMeters observability,
            Clock clock) {
        this.evaluations = evaluations;
        this.metrics = metrics;
        this.observability = observability;
        this.clock = clock;
    }

    /** The caller's organization's PENDING_HUMAN evaluations that are unclaimed or claimed by the caller. */
    @Transactional(readOnly = true)
    public List<Evaluation> listPending(Caller caller, ListQuery query) {
        return evaluations.listPendingHuman(caller.organizationId(), annotatorId(caller), query.limit(), query.offset());
    }

    /** Reserves the evaluation for the caller; claiming one's own claim again is harmless. */
    @Transactional
    public Evaluation claim(Caller caller, String evaluationId) {
        UUID id = parse(evaluationId);
        if (!evaluations.claimForAnnotator(caller.organizationId(), id, annotatorId(caller), Timestamps.now(clock))) {
            throw refusal(caller, id, evaluationId);
        }
        return evaluations.find(caller.organizationId(), id).orElseThrow();
    }

    /**
     * Records the caller's score on an evaluation they claimed: SUCCESS with the human score and
     * reason. On a SUCCESS evaluation of any other metric, it records the human's review beside the
     * machine's score and reason, which stay as they are; once per evaluation, no claim needed.
     */
    @Transactional
    public Evaluation submit(Caller caller, String evaluationId, double score, @Nullable String reason) {
        if (!(score >= 0 && score <= 1)) {
            throw AssayException.invalidField("score", "must be within [0, 1]");
        }
        UUID id = parse(evaluationId);
        Instant now = Timestamps.now(clock);
        if (!evaluations.submitHumanScore(caller.organizationId(), id, annotatorId(caller), score, reason, now)) {
            // A machine-scored evaluation takes a human review beside its score, for judge calibration.
            if (evaluations.reviewMachineScore(caller.organizationId(), id, annotatorId(caller), score, reason, now)) {
                return evaluations.find(caller.organizationId(), id).orElseThrow();
            }
            throw refusal(caller, id, evaluationId);
        }
        Evaluation scored = evaluations.find(caller.organizationId(), id).orElseThrow();
        String label = metrics.findAll(caller, List.of(scored.metricId())).stream().findFirst()
                .map(EvaluationMeters::label)
                .orElse("deleted metric");
        observability.recordFinal(label, EvaluationStatus.SUCCESS, Duration.between(scored.createdAt(), now));
        return scored;
    }

    private AssayException refusal(Caller caller, UUID id, String evaluationId) {
        Evaluation evaluation = evaluations.find(caller.organizationId(), id)
                .orElseThrow(() -> EvaluationQueryService.notFound(evaluationId));
        if (evaluation.humanReview().humanScore() != null) {
            return AssayException.invalid("Evaluation " + evaluationId + " already has a human score");
        }
        if (evaluation.outcome().status() != EvaluationStatus.PENDING_HUMAN) {
            return AssayException.invalid("Evaluation " + evaluationId + " is not waiting for a human (status "
                    + evaluation.outcome().status() + ")");
        }
        if (evaluation.humanReview().humanEvaluatorId() == null) {
            return AssayException.invalid("Claim evaluation " + evaluationId + " before scoring it");
        }
        return AssayException.invalid("Evaluation " + evaluationId + " is claimed by another annotator");
    }

    private static String annotatorId(Caller caller) {
        return Ids.format(IdKind.API_KEY, caller.apiKeyId());
    }

    private static UUID parse(String evaluationId) {
        return Ids.parse(IdKind.EVALUATION, evaluationId).orElseThrow(() -> EvaluationQueryService.notFound(evaluationId));
    }

}

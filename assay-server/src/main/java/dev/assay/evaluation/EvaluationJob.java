package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.Timestamps;
import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed evaluation: loads its parameters, scores it outside any transaction, then
 * writes the final state (or reschedules a passing failure) keyed by the claim's attempt.
 */
@Component
class EvaluationJob {
    private static final Logger log = LoggerFactory.getLogger(EvaluationJob.class);

    private final EvaluationRepository evaluations;
    private final MetricService metrics;
    private final EvaluationInputLoader inputs;
    private final EvaluationRunner runner;
    private final EvaluationMetrics observability;
    private final WorkerProperties properties;
    private final Clock clock;

    EvaluationJob(EvaluationRepository evaluations, MetricService metrics, EvaluationInputLoader inputs,
            EvaluationRunner runner, EvaluationMetrics observability, WorkerProperties properties, Clock clock) {
        this.evaluations = evaluations;
        this.metrics = metrics;
        this.inputs = inputs;
        this.runner = runner;
        this.observability = observability;
        this.properties = properties;
        this.clock = clock;
    }

    void run(EvaluationRepository.Claim claim) {
        Optional<Evaluation> found = evaluations.findForWork(claim.id());
        if (found.isEmpty() || found.get().status() != EvaluationStatus.PENDING || found.get().attempts() != claim.attempt()) {
            return;
        }
        Evaluation evaluation = found.get();
        Caller caller = Caller.system(evaluation.organizationId());
        List<MetricDefinition> metric = metrics.findAll(caller, List.of(evaluation.metricId()));
        if (metric.isEmpty()) {
            finish(claim, evaluation, "deleted metric", new ScoreOutcome.Failed("The metric no longer exists", false));
            return;
        }
        ScoreOutcome outcome;
        try {
            outcome = runner.run(metric.getFirst(), inputs.load(caller, evaluation, metric.getFirst()));
        } catch (AssayException | IllegalStateException e) {
            outcome = new ScoreOutcome.Failed("Cannot evaluate: " + e.getMessage(), false);
        } catch (RuntimeException e) {
            outcome = new ScoreOutcome.Retryable("Loading the evaluation parameters failed: " + e);
        }
        finish(claim, evaluation, EvaluationMetrics.label(metric.getFirst()), outcome);
    }

    /**
     * One credit per judge call that returned an answer; a scorer that called no model keeps its
     * own count (0 for the deterministic metrics). See docs/decisions/0005-judge-client.md.
     */
    private static @Nullable Integer credits(@Nullable Integer creditsUsed, @Nullable ModelUsage usage) {
        return usage == null ? creditsUsed : Integer.valueOf(usage.calls());
    }

    private void finish(EvaluationRepository.Claim claim, Evaluation evaluation, String metricLabel, ScoreOutcome outcome) {
        Instant now = Timestamps.now(clock);
        ScoreOutcome result = outcome;
        if (outcome instanceof ScoreOutcome.Retryable retryable) {
            // Each retry request grants max-attempts more; the backoff restarts with each round.
            int earlierRounds = properties.maxAttempts() * evaluation.retriesAttempted();
            if (claim.attempt() < earlierRounds + properties.maxAttempts()) {
                Instant due = now.plus(properties.backoffAfter(claim.attempt() - earlierRounds));
                if (retryable.notBefore() != null && retryable.notBefore().isAfter(due)) {
                    due = retryable.notBefore();
                }
                log.info("Evaluation {} attempt {} failed, retrying at {}: {}", claim.id(), claim.attempt(), due, retryable.error());
                evaluations.reschedule(claim, retryable.error(), due, retryable.usage());
                return;
            }
            log.warn("Evaluation {} failed after {} attempts: {}", claim.id(), claim.attempt(), retryable.error());
            result = new ScoreOutcome.Failed(retryable.error() + " (gave up after " + claim.attempt() + " attempts)", true,
                    retryable.usage());
        }
        EvaluationStatus status = switch (result) {
            case ScoreOutcome.Scored ignored -> EvaluationStatus.SUCCESS;
            case ScoreOutcome.Skipped ignored -> EvaluationStatus.SKIPPED;
            case ScoreOutcome.Failed ignored -> EvaluationStatus.FAILED;
            case ScoreOutcome.Retryable ignored -> throw new IllegalStateException("handled above");
        };
        boolean written = switch (result) {
            case ScoreOutcome.Scored scored -> evaluations.complete(claim, status, scored.score(), scored.reason(), null,
                    false, credits(scored.creditsUsed(), scored.usage()), scored.usage(), now);
            case ScoreOutcome.Skipped skipped -> evaluations.complete(claim, status, null, null, skipped.message(),
                    skipped.canRetry(), 0, null, now);
            case ScoreOutcome.Failed failed -> evaluations.complete(claim, status, null, null, failed.error(),
                    failed.canRetry(), credits(0, failed.usage()), failed.usage(), now);
            case ScoreOutcome.Retryable ignored -> throw new IllegalStateException("handled above");
        };
        if (!written) {
            log.info("Evaluation {} attempt {} was taken over by another worker; its result is dropped", claim.id(), claim.attempt());
            return;
        }
        observability.recordFinal(metricLabel, status, Duration.between(evaluation.createdAt(), now));
    }
}

package dev.assay.evaluation;

import dev.assay.common.Timestamps;
import dev.assay.metric.MetricDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs claimed evaluations: loads the inputs of a whole batch at once, scores outside any
 * transaction, then writes the final states (or reschedules passing failures) of the batch in one
 * statement. A result is written over a PENDING row whichever attempt produced it, never over a
 * final one (see {@link EvaluationRepository#completeAll}).
 */
@Component
class EvaluationJob {
    private static final Logger log = LoggerFactory.getLogger(EvaluationJob.class);
    private static final String DELETED_METRIC = "deleted metric";

    private final EvaluationRepository evaluations;
    private final EvaluationInputLoader inputs;
    private final EvaluationRunner runner;
    private final EvaluationMeters observability;
    private final LeaseHeartbeat heartbeat;
    private final WorkerProperties properties;
    private final Clock clock;

    EvaluationJob(EvaluationRepository evaluations, EvaluationInputLoader inputs, EvaluationRunner runner,
            EvaluationMeters observability, LeaseHeartbeat heartbeat, WorkerProperties properties, Clock clock) {
        this.evaluations = evaluations;
        this.inputs = inputs;
        this.runner = runner;
        this.observability = observability;
        this.heartbeat = heartbeat;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The evaluation parameters a turn's spans give (docs/api.md "What evaluations read from
     * spans"): a skip for these alone may end when late spans arrive.
     */
    private static final Set<String> FROM_SPANS = Set.of("tools_used", "retrieval_context", "traces");

    /**
     * A claim's outcome and the metric label it is counted under; {@code awaitSpansUntil} set
     * when the outcome is not written yet but the evaluation waits for its turn's late spans.
     */
    private record Result(EvaluationRepository.Claim claim, String metricLabel, ScoreOutcome outcome,
            @Nullable Instant awaitSpansUntil) {}

    /**
     * Scores a batch of in-JVM (deterministic) evaluations on the calling thread, each within the
     * CPU-time budget, cheapest first, for at most one time slice: the claims not started when the
     * slice ran out go back to the queue unscored, so the next claim shares the thread between
     * organizations again. The results are written in one statement.
     */
    void runBatch(List<EvaluationRepository.Claim> claims, ScoringBudget budget) {
        try {
            List<EvaluationInputLoader.Prepared> loaded = prepare(claims, properties.maxTextLength());
            if (loaded == null) {
                return;
            }
            // Cheapest first: a slow input of one organization never keeps the quick ones of another
            // in the same batch waiting for the next slice.
            List<EvaluationInputLoader.Prepared> batch = new ArrayList<>(loaded);
            batch.sort(Comparator.comparingLong(EvaluationJob::estimatedCost));
            long sliceEnds = System.nanoTime() + properties.timeSlice().toNanos();
            List<Result> results = new ArrayList<>(batch.size());
            List<EvaluationRepository.Claim> notStarted = new ArrayList<>();
            for (EvaluationInputLoader.Prepared prepared : batch) {
                if (prepared.claim().gaveUp()) {
                    recordGaveUp(prepared);
                } else if (!results.isEmpty() && System.nanoTime() > sliceEnds) {
                    notStarted.add(prepared.claim());
                } else {
                    results.add(result(prepared, scoreWithin(budget, prepared)));
                }
            }
            write(results);
            if (!notStarted.isEmpty()) {
                evaluations.handBack(notStarted);
            }
        } finally {
            heartbeat.release(claims);
        }
    }

    /**
     * Loads a batch of judged evaluations; each is then scored on its own thread with
     * {@link #runPrepared}. Rows that gave up are counted here and not returned.
     */
    List<EvaluationInputLoader.Prepared> prepareJudged(List<EvaluationRepository.Claim> claims) {
        List<EvaluationInputLoader.Prepared> batch = prepare(claims, Integer.MAX_VALUE);
        if (batch == null) {
            heartbeat.release(claims);
            return List.of();
        }
        List<EvaluationInputLoader.Prepared> toScore = new ArrayList<>();
        for (EvaluationInputLoader.Prepared prepared : batch) {
            if (prepared.claim().gaveUp()) {
                recordGaveUp(prepared);
            } else {
                toScore.add(prepared);
            }
        }
        return toScore;
    }

    /** Scores one prepared evaluation (a judge call may take seconds) and writes its result. */
    void runPrepared(EvaluationInputLoader.Prepared prepared) {
        try {
            write(List.of(result(prepared, score(prepared, null))));
        } finally {
            heartbeat.release(prepared.claim());
        }
    }

    /** The batch's inputs, or null when loading failed and every claim was rescheduled. */
    private @Nullable List<EvaluationInputLoader.Prepared> prepare(List<EvaluationRepository.Claim> claims, int maxTextLength) {
        try {
            return inputs.load(claims, maxTextLength);
        } catch (RuntimeException e) {
            log.warn("Loading the parameters of {} claimed evaluations failed; they are retried", claims.size(), e);
            List<Result> failed = new ArrayList<>();
            for (EvaluationRepository.Claim claim : claims) {
                if (!claim.gaveUp()) {
                    failed.add(new Result(claim, DELETED_METRIC, new ScoreOutcome.Retryable(
                            "Loading the evaluation parameters failed: " + e), null));
                }
            }
            write(failed);
            return null;
        }
    }

    /**
     * The result of a scored claim. A skip whose missing parameters all come from spans, of a turn
     * still within {@code assay.traces.span-grace} of its creation, is not written: the evaluation
     * waits for late spans until the grace ends (Galtea waits ~9 s before such a skip), and is
     * skipped as usual if they have not come by then.
     */
    private Result result(EvaluationInputLoader.Prepared prepared, ScoreOutcome outcome) {
        Instant until = prepared.spansAwaitedUntil();
        boolean awaitSpans = until != null
                && outcome instanceof ScoreOutcome.Skipped skipped
                && !skipped.missingParameters().isEmpty()
                && FROM_SPANS.containsAll(skipped.missingParameters())
                && Timestamps.now(clock).isBefore(until);
        return new Result(prepared.claim(), label(prepared.metric()), outcome, awaitSpans ? until : null);
    }

    /**
     * A rough cost of scoring: the product of the output lengths, which bounds the quadratic text
     * metrics, plus the input's length; nothing for an evaluation that fails unscored.
     */
    private static long estimatedCost(EvaluationInputLoader.Prepared prepared) {
        if (!(prepared instanceof EvaluationInputLoader.Scorable scorable)) {
            return 0;
        }
        EvaluationInput input = scorable.input();
        return (long) (length(input.actualOutput()) + 1) * (length(input.expectedOutput()) + 1) + length(input.input());
    }

    private static int length(@Nullable String text) {
        return text == null ? 0 : text.length();
    }

    private ScoreOutcome scoreWithin(ScoringBudget budget, EvaluationInputLoader.Prepared prepared) {
        return score(prepared, budget);
    }

    /** Scores a prepared evaluation, within the budget when one is given; an unscorable one's problem is the outcome. */
    private ScoreOutcome score(EvaluationInputLoader.Prepared prepared, @Nullable ScoringBudget budget) {
        return switch (prepared) {
            case EvaluationInputLoader.Unscorable unscorable -> unscorable.problem();
            case EvaluationInputLoader.Scorable scorable -> budget == null
                    ? runner.run(scorable.metric(), scorable.input())
                    : scoreWithin(budget, scorable.metric(), scorable.input());
        };
    }

    private ScoreOutcome scoreWithin(ScoringBudget budget, MetricDefinition metric, EvaluationInput input) {
        ScoringBudget.Timed<ScoreOutcome> timed = budget.run(() -> runner.run(metric, input));
        if (timed.overBudget()) {
            return new ScoreOutcome.Failed(metric.name() + " used more than its CPU-time budget of "
                    + properties.scoreBudget().toMillis() + " ms per score (assay.evaluation.worker.score-budget) and "
                    + "was stopped; shorten the texts, or raise the budget and retry", true);
        }
        return timed.value();
    }

    private void recordGaveUp(EvaluationInputLoader.Prepared prepared) {
        log.warn("Evaluation {} gave up after {} attempts whose leases expired", prepared.claim().id(), prepared.claim().attempt());
        observability.recordFinal(label(prepared.metric()), EvaluationStatus.FAILED,
                Duration.between(prepared.claim().createdAt(), Timestamps.now(clock)));
    }

    private static String label(@Nullable MetricDefinition metric) {
        return metric == null ? DELETED_METRIC : EvaluationMeters.label(metric);
    }

    /** Each retry request grants max-attempts more attempts; the backoff restarts with each round. */
    private boolean attemptsLeft(EvaluationRepository.Claim claim) {
        return claim.attempt() < properties.maxAttempts() * (claim.retries() + 1);
    }

    /** After the backoff of this round's attempt, and not before the provider said it would take calls again. */
    private Instant retryDue(EvaluationRepository.Claim claim, ScoreOutcome.Retryable retryable, Instant now) {
        Instant due = now.plus(properties.backoffAfter(claim.attempt() - properties.maxAttempts() * claim.retries()));
        Instant notBefore = retryable.notBefore();
        return notBefore != null && notBefore.isAfter(due) ? notBefore : due;
    }

    /**
     * One credit per judge call that returned an answer; a scorer that called no model keeps its
     * own count (0 for the deterministic metrics). See docs/decisions/0005-judge-client.md.
     */
    private static int credits(@Nullable Integer creditsUsed, @Nullable ModelUsage usage) {
        return usage == null ? creditsUsed == null ? 0 : creditsUsed : usage.calls();
    }

    /**
     * Writes a batch's final states in one statement, its passing failures in another and the
     * evaluations that wait for late spans in a third.
     */
    private void write(List<Result> results) {
        if (results.isEmpty()) {
            return;
        }
        Instant now = Timestamps.now(clock);
        List<EvaluationRepository.Completion> completions = new ArrayList<>(results.size());
        List<EvaluationRepository.Reschedule> reschedules = new ArrayList<>();
        List<EvaluationRepository.Postponement> postponements = new ArrayList<>();
        List<Result> completed = new ArrayList<>(results.size());
        for (Result each : results) {
            EvaluationRepository.Claim claim = each.claim();
            Instant awaitSpansUntil = each.awaitSpansUntil();
            if (awaitSpansUntil != null) {
                log.debug("Evaluation {} waits for late spans of its turn until {}", claim.id(), awaitSpansUntil);
                postponements.add(new EvaluationRepository.Postponement(claim, awaitSpansUntil));
                continue;
            }
            if (each.outcome() instanceof ScoreOutcome.Retryable retryable && attemptsLeft(claim)) {
                Instant due = retryDue(claim, retryable, now);
                log.info("Evaluation {} attempt {} failed, retrying at {}: {}", claim.id(), claim.attempt(), due, retryable.error());
                reschedules.add(new EvaluationRepository.Reschedule(claim, retryable.error(), due, retryable.usage()));
                continue;
            }
            ScoreOutcome.Final outcome = switch (each.outcome()) {
                case ScoreOutcome.Final done -> done;
                case ScoreOutcome.Retryable retryable -> {
                    log.warn("Evaluation {} failed after {} attempts: {}", claim.id(), claim.attempt(), retryable.error());
                    yield new ScoreOutcome.Failed(retryable.error() + " (gave up after " + claim.attempt() + " attempts)", true,
                            retryable.usage());
                }
            };
            completions.add(switch (outcome) {
                case ScoreOutcome.Scored scored -> new EvaluationRepository.Completion(claim, EvaluationStatus.SUCCESS,
                        scored.score(), scored.reason(), null, false, credits(scored.creditsUsed(), scored.usage()),
                        scored.usage());
                case ScoreOutcome.Skipped skipped -> new EvaluationRepository.Completion(claim, EvaluationStatus.SKIPPED,
                        null, null, skipped.message(), skipped.canRetry(), 0, null);
                case ScoreOutcome.Failed failed -> new EvaluationRepository.Completion(claim, EvaluationStatus.FAILED,
                        null, null, failed.error(), failed.canRetry(), credits(0, failed.usage()), failed.usage());
            });
            completed.add(each);
        }
        evaluations.rescheduleAll(reschedules);
        evaluations.postponeAll(postponements);
        Set<UUID> written = evaluations.completeAll(completions, now);
        for (int i = 0; i < completions.size(); i++) {
            EvaluationRepository.Completion completion = completions.get(i);
            EvaluationRepository.Claim claim = completion.claim();
            if (written.contains(claim.id())) {
                observability.recordFinal(completed.get(i).metricLabel(), completion.status(),
                        Duration.between(claim.createdAt(), now));
            } else {
                log.info("Evaluation {} attempt {} already has a result; this one is dropped", claim.id(), claim.attempt());
            }
        }
    }
}

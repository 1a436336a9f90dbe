package dev.assay.evaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The evaluation workers ({@code assay.evaluation.worker.*}).
 *
 * @param enabled whether this instance runs workers; {@code false} serves the API only
 * @param threads evaluations of in-JVM metrics (deterministic, CPU-bound) scored at once by this instance,
 *     on platform threads
 * @param judgeConcurrency evaluations of LLM-judged metrics (I/O-bound) in flight at once on this
 *     instance, each on its own virtual thread; the judge's per-endpoint limit
 *     ({@code assay.judge.max-concurrency}) caps the calls actually sent, so keep the two equal
 * @param batchSize the most rows one claim takes: an in-JVM worker thread scores a whole batch, loaded
 *     with a constant number of queries and written with one statement
 * @param lease how long a claimed row stays reserved without a heartbeat; a worker that dies frees its
 *     rows when it ends
 * @param pollInterval the pause between polls that found nothing to do
 * @param maxAttempts attempts per evaluation before a passing failure becomes FAILED
 * @param backoff the wait after the first passing failure; it doubles with every further attempt
 * @param maxBackoff the longest wait between attempts
 * @param heartbeat how often a worker renews the leases of the claims it is working on; shorter than
 *     {@code lease}, a quarter of it when not set
 * @param scoreBudget the CPU time one deterministic score may use; past it the evaluation ends FAILED
 * @param maxTextLength the longest text (characters) a deterministic metric scores: the actual and
 *     expected outputs, the input, the context and the retrieval context; a longer one ends the
 *     evaluation FAILED unread
 * @param timeSlice how long an in-JVM worker thread keeps scoring one batch before it writes what it
 *     scored and hands the rest back to the queue, so that a new claim shares the thread fairly
 *     between organizations again
 */
@ConfigurationProperties("assay.evaluation.worker")
@Validated
public record WorkerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") @Min(1) int threads,
        @DefaultValue("8") @Min(1) int judgeConcurrency,
        @DefaultValue("128") @Min(1) @Max(10000) int batchSize,
        @DefaultValue("2m") @NotNull Duration lease,
        @DefaultValue("500ms") @NotNull Duration pollInterval,
        @DefaultValue("3") @Min(1) int maxAttempts,
        @DefaultValue("2s") @NotNull Duration backoff,
        @DefaultValue("5m") @NotNull Duration maxBackoff,
        @Nullable Duration heartbeat,
        @DefaultValue("2s") @NotNull Duration scoreBudget,
        @DefaultValue("100000") @Min(1) int maxTextLength,
        @DefaultValue("200ms") @NotNull Duration timeSlice) {

    public WorkerProperties {
        if (heartbeat == null && lease != null) {
            heartbeat = lease.dividedBy(4);
        }
        if (heartbeat != null && lease != null && heartbeat.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("assay.evaluation.worker.heartbeat (" + heartbeat
                    + ") must be shorter than assay.evaluation.worker.lease (" + lease + ")");
        }
    }

    /** The wait before the attempt after {@code attempt} failed: backoff doubled per attempt, capped. */
    Duration backoffAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 20);
        Duration wait = backoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}

package dev.assay.evaluation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a scorer concluded about one evaluation. */
public sealed interface ScoreOutcome {

    /** An outcome the evaluation ends with: every outcome but {@link Retryable}. */
    sealed interface Final extends ScoreOutcome permits Scored, Skipped, Failed {}

    /**
     * A score in [0, 1] with the reason, the credits it cost and, for a judged metric, what the
     * model calls consumed.
     */
    record Scored(double score, String reason, @Nullable Integer creditsUsed, @Nullable ModelUsage usage) implements Final {
        public Scored {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score must be within [0, 1]: " + score);
            }
            requireNonNull(reason, "reason");
        }

        /** A score that cost no model call. */
        public Scored(double score, String reason, @Nullable Integer creditsUsed) {
            this(score, reason, creditsUsed, null);
        }
    }

    /**
     * Not scored because something it needs is missing; the message names what, and
     * {@code missingParameters} lists the evaluation parameters missing by their wire names
     * (empty when what is missing is not a parameter, such as a judge).
     */
    record Skipped(String message, boolean canRetry, List<String> missingParameters) implements Final {
        public Skipped {
            requireNonNull(message, "message");
            missingParameters = List.copyOf(missingParameters);
        }

        /** A skip for a reason other than missing parameters. */
        public Skipped(String message, boolean canRetry) {
            this(message, canRetry, List.of());
        }
    }

    /**
     * Not scored because what it got cannot be used. Final. {@code usage} is what the model calls
     * that led here consumed (a judge whose answers could not be read), if any.
     */
    record Failed(String error, boolean canRetry, @Nullable ModelUsage usage) implements Final {
        public Failed {
            requireNonNull(error, "error");
        }

        /** A failure that cost no model call. */
        public Failed(String error, boolean canRetry) {
            this(error, canRetry, null);
        }
    }

    /**
     * A passing failure (timeout, provider down): worth another attempt after a backoff, and not
     * before {@code notBefore} when the scorer knows when its provider will take calls again.
     */
    record Retryable(String error, @Nullable Instant notBefore, @Nullable ModelUsage usage) implements ScoreOutcome {
        public Retryable {
            requireNonNull(error, "error");
        }

        /** A passing failure that may pass at {@code notBefore}, after no model call that cost anything. */
        public Retryable(String error, @Nullable Instant notBefore) {
            this(error, notBefore, null);
        }

        /** A passing failure with no idea when it will pass. */
        public Retryable(String error) {
            this(error, null, null);
        }
    }
}

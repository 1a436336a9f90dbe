package dev.assay.evaluation;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** What a scorer concluded about one evaluation. */
public sealed interface ScoreOutcome {

    /** A score in [0, 1] with the reason, and the credits it cost. */
    record Scored(double score, String reason, @Nullable Integer creditsUsed) implements ScoreOutcome {
        public Scored {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score must be within [0, 1]: " + score);
            }
            requireNonNull(reason, "reason");
        }
    }

    /** Not scored because something it needs is missing; the message names what. */
    record Skipped(String message, boolean canRetry) implements ScoreOutcome {
        public Skipped {
            requireNonNull(message, "message");
        }
    }

    /** Not scored because what it got cannot be used. Final. */
    record Failed(String error, boolean canRetry) implements ScoreOutcome {
        public Failed {
            requireNonNull(error, "error");
        }
    }

    /** A passing failure (timeout, provider down): worth another attempt after a backoff. */
    record Retryable(String error) implements ScoreOutcome {
        public Retryable {
            requireNonNull(error, "error");
        }
    }
}

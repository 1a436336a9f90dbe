package dev.assay.judge;

import static java.util.Objects.requireNonNull;

import dev.assay.evaluation.ModelUsage;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How one question to the judge ended, after the client's retries. */
sealed interface JudgeReply {

    /** The judge answered: its text (maybe empty), and what the call cost. */
    record Answered(String text, ModelUsage usage) implements JudgeReply {
        public Answered {
            requireNonNull(text, "text");
            requireNonNull(usage, "usage");
        }
    }

    /**
     * No answer for now (rate limits, provider errors, timeouts, open circuit): ask again later,
     * not before {@code notBefore} when the endpoint is paused.
     */
    record Unavailable(String reason, @Nullable Instant notBefore) implements JudgeReply {
        public Unavailable {
            requireNonNull(reason, "reason");
        }

        Unavailable(String reason) {
            this(reason, null);
        }
    }

    /** The endpoint refused the request itself (bad key, unknown model, request too large). */
    record Rejected(String reason) implements JudgeReply {
        public Rejected {
            requireNonNull(reason, "reason");
        }
    }
}

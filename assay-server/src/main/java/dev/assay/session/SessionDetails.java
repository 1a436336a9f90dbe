package dev.assay.session;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a client says about a conversation. A new field of a session goes here: its column is
 * derived from the component ({@code stoppingReason} is {@code sessions.stopping_reason}, see
 * {@code RecordColumns}), and its wire name is the component's name.
 *
 * @param customId the client's own conversation id, unique per version
 * @param userId the column the contract keeps; no request sets it today
 * @param testCaseId the test case the conversation ran, null for a production session
 * @param context the test case's context, or the client's own
 * @param stoppingReason why a COMPLETED session ended
 * @param error why a FAILED session ended
 */
public record SessionDetails(
        @Nullable String customId,
        @Nullable String userId,
        @Nullable String testCaseId,
        @Nullable String context,
        @Nullable String stoppingReason,
        @Nullable String error,
        @Nullable Map<String, Object> metadata) {

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these details. */
    public Builder toBuilder() {
        return new Builder().customId(customId).userId(userId).testCaseId(testCaseId).context(context)
                .stoppingReason(stoppingReason).error(error).metadata(metadata);
    }

    /** Details set field by field; an unset field is null. */
    public static final class Builder {
        private @Nullable String customId;
        private @Nullable String userId;
        private @Nullable String testCaseId;
        private @Nullable String context;
        private @Nullable String stoppingReason;
        private @Nullable String error;
        private @Nullable Map<String, Object> metadata;

        private Builder() {}

        public Builder customId(@Nullable String value) {
            customId = value;
            return this;
        }

        public Builder userId(@Nullable String value) {
            userId = value;
            return this;
        }

        public Builder testCaseId(@Nullable String value) {
            testCaseId = value;
            return this;
        }

        public Builder context(@Nullable String value) {
            context = value;
            return this;
        }

        public Builder stoppingReason(@Nullable String value) {
            stoppingReason = value;
            return this;
        }

        public Builder error(@Nullable String value) {
            error = value;
            return this;
        }

        public Builder metadata(@Nullable Map<String, Object> value) {
            metadata = value;
            return this;
        }

        public SessionDetails build() {
            return new SessionDetails(customId, userId, testCaseId, context, stoppingReason, error, metadata);
        }
    }
}

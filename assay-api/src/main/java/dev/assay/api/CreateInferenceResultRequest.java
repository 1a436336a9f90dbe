package dev.assay.api;

import org.jspecify.annotations.Nullable;

/**
 * Logs one conversation turn (what the Galtea SDK's {@code inference_results.create} sends).
 *
 * <p>Exactly one of {@code sessionId} and {@code sessionCustomId} is required; a custom id needs a
 * {@code versionId} or {@code productId} anchor. {@code input} is a string (stored as
 * {@code {"user_message": s}}) or a JSON object. When {@code status} is absent the turn is
 * {@code GENERATED}; when {@code index} is absent it follows the session's last turn. When
 * {@code tokens} or {@code cost} are absent they are derived from the counts and prices.
 * {@code traceId}, a W3C trace id, ties the turn to the OpenTelemetry spans of that trace.
 */
public record CreateInferenceResultRequest(
        @Nullable String sessionId,
        @Nullable String sessionCustomId,
        @Nullable String versionId,
        @Nullable String productId,
        @Nullable String userId,
        @Nullable Integer index,
        @Nullable String status,
        @Nullable String error,
        @Nullable Object input,
        @Nullable String actualOutput,
        @Nullable String retrievalContext,
        @Nullable Double latency,
        @Nullable Long inputTokens,
        @Nullable Long outputTokens,
        @Nullable Long cacheReadInputTokens,
        @Nullable Long tokens,
        @Nullable Double costPerInputToken,
        @Nullable Double costPerOutputToken,
        @Nullable Double costPerCacheReadInputToken,
        @Nullable Double cost,
        @Nullable String conversationSimulatorVersion,
        @Nullable String traceId) {

    /** The request without a W3C trace id (the form before OpenTelemetry correlation). */
    public CreateInferenceResultRequest(@Nullable String sessionId, @Nullable String sessionCustomId,
            @Nullable String versionId, @Nullable String productId, @Nullable String userId, @Nullable Integer index,
            @Nullable String status, @Nullable String error, @Nullable Object input, @Nullable String actualOutput,
            @Nullable String retrievalContext, @Nullable Double latency, @Nullable Long inputTokens,
            @Nullable Long outputTokens, @Nullable Long cacheReadInputTokens, @Nullable Long tokens,
            @Nullable Double costPerInputToken, @Nullable Double costPerOutputToken,
            @Nullable Double costPerCacheReadInputToken, @Nullable Double cost,
            @Nullable String conversationSimulatorVersion) {
        this(sessionId, sessionCustomId, versionId, productId, userId, index, status, error, input, actualOutput,
                retrievalContext, latency, inputTokens, outputTokens, cacheReadInputTokens, tokens, costPerInputToken,
                costPerOutputToken, costPerCacheReadInputToken, cost, conversationSimulatorVersion, null);
    }

    /** Starts a request for a turn of the given session. */
    public static Builder forSession(String sessionId) {
        return new Builder(sessionId);
    }

    /** Builds a {@link CreateInferenceResultRequest}; every field but the session is optional. */
    public static final class Builder {
        private final String sessionId;
        private @Nullable String userId;
        private @Nullable Integer index;
        private @Nullable String status;
        private @Nullable String error;
        private @Nullable Object input;
        private @Nullable String actualOutput;
        private @Nullable String retrievalContext;
        private @Nullable Double latency;
        private @Nullable Long inputTokens;
        private @Nullable Long outputTokens;
        private @Nullable Long cacheReadInputTokens;
        private @Nullable Long tokens;
        private @Nullable Double costPerInputToken;
        private @Nullable Double costPerOutputToken;
        private @Nullable Double costPerCacheReadInputToken;
        private @Nullable Double cost;
        private @Nullable String conversationSimulatorVersion;
        private @Nullable String traceId;

        private Builder(String sessionId) {
            this.sessionId = sessionId;
        }

        public Builder userId(@Nullable String value) {
            userId = value;
            return this;
        }
        public Builder index(@Nullable Integer value) {
            index = value;
            return this;
        }
        public Builder status(@Nullable String value) {
            status = value;
            return this;
        }
        public Builder error(@Nullable String value) {
            error = value;
            return this;
        }
        /** The user's input: a string, or a map that is stored as a JSON object. */
        public Builder input(@Nullable Object value) {
            input = value;
            return this;
        }
        public Builder actualOutput(@Nullable String value) {
            actualOutput = value;
            return this;
        }
        public Builder retrievalContext(@Nullable String value) {
            retrievalContext = value;
            return this;
        }
        public Builder latency(@Nullable Double value) {
            latency = value;
            return this;
        }
        public Builder inputTokens(@Nullable Long value) {
            inputTokens = value;
            return this;
        }
        public Builder outputTokens(@Nullable Long value) {
            outputTokens = value;
            return this;
        }
        public Builder cacheReadInputTokens(@Nullable Long value) {
            cacheReadInputTokens = value;
            return this;
        }
        public Builder tokens(@Nullable Long value) {
            tokens = value;
            return this;
        }
        public Builder costPerInputToken(@Nullable Double value) {
            costPerInputToken = value;
            return this;
        }
        public Builder costPerOutputToken(@Nullable Double value) {
            costPerOutputToken = value;
            return this;
        }
        public Builder costPerCacheReadInputToken(@Nullable Double value) {
            costPerCacheReadInputToken = value;
            return this;
        }
        public Builder cost(@Nullable Double value) {
            cost = value;
            return this;
        }
        public Builder conversationSimulatorVersion(@Nullable String value) {
            conversationSimulatorVersion = value;
            return this;
        }

        /** The W3C trace id (32 hex digits) that correlates OpenTelemetry spans with this turn. */
        public Builder traceId(@Nullable String value) {
            traceId = value;
            return this;
        }

        public CreateInferenceResultRequest build() {
            return new CreateInferenceResultRequest(sessionId, null, null, null, userId, index, status, error, input,
                    actualOutput, retrievalContext, latency, inputTokens, outputTokens, cacheReadInputTokens, tokens,
                    costPerInputToken, costPerOutputToken, costPerCacheReadInputToken, cost,
                    conversationSimulatorVersion, traceId);
        }
    }
}

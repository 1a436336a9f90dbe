package dev.assay.inference;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One conversation turn: a user input and the model's output, with usage and cost. */
public record InferenceResult(
        UUID id,
        UUID organizationId,
        UUID sessionId,
        @Nullable String userId,
        int index,
        InferenceResultStatus status,
        @Nullable String error,
        @Nullable Map<String, Object> input,
        @Nullable String actualOutput,
        @Nullable String retrievalContext,
        @Nullable Double latency,
        Usage usage,
        @Nullable Integer creditsUsed,
        @Nullable String conversationSimulatorVersion,
        @Nullable String traceId,
        Instant createdAt,
        @Nullable Instant deletedAt) {

    public InferenceResult {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        input = input == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(input));
    }
}

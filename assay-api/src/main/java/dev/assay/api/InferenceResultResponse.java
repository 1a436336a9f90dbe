package dev.assay.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One conversation turn, with every field of the Galtea contract. {@code latency} is a number
 * written without a fraction when it is integral. Timestamps are ISO 8601 UTC with milliseconds.
 */
public record InferenceResultResponse(
        String id,
        String sessionId,
        @Nullable String userId,
        int index,
        String status,
        @Nullable String error,
        @Nullable Map<String, Object> input,
        @Nullable String actualOutput,
        @Nullable String retrievalContext,
        @Nullable Number latency,
        @Nullable Long inputTokens,
        @Nullable Long outputTokens,
        @Nullable Long cacheReadInputTokens,
        @Nullable Long tokens,
        @Nullable Double costPerInputToken,
        @Nullable Double costPerOutputToken,
        @Nullable Double costPerCacheReadInputToken,
        @Nullable Double cost,
        @Nullable Integer creditsUsed,
        @Nullable String conversationSimulatorVersion,
        @Nullable String traceId,
        String createdAt,
        @Nullable String deletedAt) {}

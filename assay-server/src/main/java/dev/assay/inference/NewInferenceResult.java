package dev.assay.inference;

import org.jspecify.annotations.Nullable;

/**
 * One turn as a client logs it, before it gets an id and an index. Its {@code measurements} carry
 * the client's latency and usage; their totals are derived when the turn is stored.
 */
public record NewInferenceResult(
        SessionReference session,
        @Nullable String userId,
        @Nullable Integer index,
        @Nullable InferenceResultStatus status,
        @Nullable String error,
        InferenceResult.Content content,
        InferenceResult.Measurements measurements,
        @Nullable String conversationSimulatorVersion,
        @Nullable String traceId) {}

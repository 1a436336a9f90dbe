package dev.assay.inference;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One turn as a client logs it, before it gets an id and an index. */
public record NewInferenceResult(
        SessionReference session,
        @Nullable String userId,
        @Nullable Integer index,
        @Nullable InferenceResultStatus status,
        @Nullable String error,
        @Nullable Map<String, Object> input,
        @Nullable String actualOutput,
        @Nullable String retrievalContext,
        @Nullable Double latency,
        Usage usage,
        @Nullable String conversationSimulatorVersion,
        @Nullable String traceId) {}

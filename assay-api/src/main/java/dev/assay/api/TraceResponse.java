package dev.assay.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One span (a step inside a turn), on Galtea's wire path {@code /traces}: the field names keep the
 * entity's old name ({@code parentTraceId} names the parent span). {@code inputData} and
 * {@code outputData} are any JSON value as sent; {@code type} is one of {@code SPAN, GENERATION,
 * EVENT, AGENT, TOOL, CHAIN, RETRIEVER, EVALUATOR, EMBEDDING, GUARDRAIL}.
 */
public record TraceResponse(
        String id,
        String inferenceResultId,
        String name,
        String type,
        @Nullable String description,
        @Nullable Object inputData,
        @Nullable Object outputData,
        @Nullable String error,
        @Nullable Double latencyMs,
        @Nullable Map<String, Object> metadata,
        @Nullable String parentTraceId,
        @Nullable String startTime,
        @Nullable String endTime,
        String createdAt,
        @Nullable String deletedAt) {}

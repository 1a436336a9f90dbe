package dev.assay.trace;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One stored span: a step inside a turn (a tool call, a model call, a retrieval). {@code inputData}
 * and {@code outputData} hold any JSON value as plain Java values (maps, lists, strings, numbers).
 */
public record Span(
        UUID id,
        UUID organizationId,
        UUID inferenceResultId,
        UUID sessionId,
        @Nullable UUID parentId,
        String name,
        SpanType type,
        @Nullable String description,
        @Nullable Object inputData,
        @Nullable Object outputData,
        @Nullable String error,
        @Nullable Double latencyMs,
        @Nullable Map<String, Object> metadata,
        @Nullable Instant startTime,
        @Nullable Instant endTime,
        Instant createdAt,
        @Nullable Instant deletedAt) {}

package dev.assay.trace;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A span as a client sends it, already read from JSON but not yet checked against the store.
 * {@code id} is the client's own id when it chose one; {@code parentId} names another span of the
 * same turn.
 */
record NewSpan(
        @Nullable UUID id,
        UUID inferenceResultId,
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
        @Nullable Instant endTime) {}

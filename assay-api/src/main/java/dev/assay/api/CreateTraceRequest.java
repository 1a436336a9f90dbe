package dev.assay.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records one span of a turn ({@code POST /traces}, or one item of {@code POST /traces/batch}).
 * {@code inferenceResultId} and {@code name} are required. {@code id} is optional: a client-chosen
 * id ({@code trace_...} or a UUID) lets a batch name a parent sent in the same batch and makes a
 * re-send idempotent. Times are ISO 8601 strings.
 */
public record CreateTraceRequest(
        @Nullable String id,
        String inferenceResultId,
        String name,
        @Nullable String type,
        @Nullable String description,
        @Nullable Object inputData,
        @Nullable Object outputData,
        @Nullable String error,
        @Nullable Double latencyMs,
        @Nullable Map<String, Object> metadata,
        @Nullable String parentTraceId,
        @Nullable String startTime,
        @Nullable String endTime) {

    /** A span with only its turn, name and type; every other field null. */
    public static CreateTraceRequest of(String inferenceResultId, String name, @Nullable String type) {
        return new CreateTraceRequest(null, inferenceResultId, name, type, null, null, null, null, null, null, null,
                null, null);
    }
}

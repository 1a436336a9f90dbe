package dev.assay.inference;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One conversation turn: its place in the session and status, what was said ({@link Content}) and
 * what it cost ({@link Measurements}). A new field of a turn goes in one of the two: its column is
 * derived from the component ({@code retrievalContext} is {@code inference_results.retrieval_context},
 * see {@code RecordColumns}), and its wire name is the component's name.
 */
public record InferenceResult(
        UUID id,
        UUID organizationId,
        UUID sessionId,
        @Nullable String userId,
        int index,
        InferenceResultStatus status,
        @Nullable String error,
        Content content,
        Measurements measurements,
        @Nullable String conversationSimulatorVersion,
        @Nullable String traceId,
        Instant createdAt,
        @Nullable Instant deletedAt) {

    public InferenceResult {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
    }

    /** This turn with another status, error, content and measurements, as an update leaves it. */
    public InferenceResult with(InferenceResultStatus newStatus, @Nullable String newError, Content newContent,
            Measurements newMeasurements) {
        return new InferenceResult(id, organizationId, sessionId, userId, index, newStatus, newError, newContent,
                newMeasurements, conversationSimulatorVersion, traceId, createdAt, deletedAt);
    }

    /** This turn with other content. */
    public InferenceResult with(Content newContent) {
        return with(status, error, newContent, measurements);
    }

    /** This turn with other measurements. */
    public InferenceResult with(Measurements newMeasurements) {
        return with(status, error, content, newMeasurements);
    }

    /**
     * What was said in the turn.
     *
     * @param input the user's input, {@code {"user_message": ...}} when the client sent a string
     * @param actualOutput the model's answer
     * @param retrievalContext what the model was given to answer from
     */
    public record Content(
            @Nullable Map<String, Object> input,
            @Nullable String actualOutput,
            @Nullable String retrievalContext) {

        public Content {
            input = input == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(input));
        }
    }

    /**
     * What the turn took and cost.
     *
     * @param latency milliseconds
     * @param usage token counts and prices, with their totals
     * @param creditsUsed never set by a client; null today
     */
    public record Measurements(
            @Nullable Double latency,
            Usage usage,
            @Nullable Integer creditsUsed) {

        public static final Measurements NONE = new Measurements(null, Usage.NONE, null);

        public Measurements withUsage(Usage newUsage) {
            return new Measurements(latency, newUsage, creditsUsed);
        }
    }
}

package dev.assay.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A PATCH of one turn. Only the fields that were set are sent: an unset field stays unchanged on
 * the server, a field set to {@code null} is cleared.
 */
public final class UpdateInferenceResultRequest {
    private final Map<String, @Nullable Object> changes;

    private UpdateInferenceResultRequest(Map<String, @Nullable Object> changes) {
        this.changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The fields to send, in the order they were set. */
    @JsonValue
    public Map<String, @Nullable Object> changes() {
        return changes;
    }

    /** Collects the fields to change; each setter accepts {@code null} to clear the field. */
    public static final class Builder {
        private final Map<String, @Nullable Object> changes = new LinkedHashMap<>();

        private Builder() {}

        public Builder status(@Nullable String value) {
            changes.put("status", value);
            return this;
        }
        public Builder error(@Nullable String value) {
            changes.put("error", value);
            return this;
        }
        /** A string (stored as {@code {"user_message": s}}) or a map. */
        public Builder input(@Nullable Object value) {
            changes.put("input", value);
            return this;
        }
        public Builder actualOutput(@Nullable String value) {
            changes.put("actualOutput", value);
            return this;
        }
        public Builder retrievalContext(@Nullable String value) {
            changes.put("retrievalContext", value);
            return this;
        }
        public Builder latency(@Nullable Double value) {
            changes.put("latency", value);
            return this;
        }
        public Builder inputTokens(@Nullable Long value) {
            changes.put("inputTokens", value);
            return this;
        }
        public Builder outputTokens(@Nullable Long value) {
            changes.put("outputTokens", value);
            return this;
        }
        public Builder cacheReadInputTokens(@Nullable Long value) {
            changes.put("cacheReadInputTokens", value);
            return this;
        }
        public Builder tokens(@Nullable Long value) {
            changes.put("tokens", value);
            return this;
        }
        public Builder costPerInputToken(@Nullable Double value) {
            changes.put("costPerInputToken", value);
            return this;
        }
        public Builder costPerOutputToken(@Nullable Double value) {
            changes.put("costPerOutputToken", value);
            return this;
        }
        public Builder costPerCacheReadInputToken(@Nullable Double value) {
            changes.put("costPerCacheReadInputToken", value);
            return this;
        }
        public Builder cost(@Nullable Double value) {
            changes.put("cost", value);
            return this;
        }

        public UpdateInferenceResultRequest build() {
            return new UpdateInferenceResultRequest(changes);
        }
    }
}

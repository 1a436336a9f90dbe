package dev.assay.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A PATCH of one session. Only the fields that were set are sent: an unset field stays unchanged
 * on the server, a field set to {@code null} is cleared.
 */
public final class UpdateSessionRequest {
    private final Map<String, @Nullable Object> changes;

    private UpdateSessionRequest(Map<String, @Nullable Object> changes) {
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

        public Builder customId(@Nullable String value) {
            changes.put("customId", value);
            return this;
        }
        /** {@code PENDING}, {@code COMPLETED} or {@code FAILED}; cannot be cleared. */
        public Builder status(@Nullable String value) {
            changes.put("status", value);
            return this;
        }
        public Builder context(@Nullable String value) {
            changes.put("context", value);
            return this;
        }
        public Builder stoppingReason(@Nullable String value) {
            changes.put("stoppingReason", value);
            return this;
        }
        public Builder metadata(@Nullable Map<String, Object> value) {
            changes.put("metadata", value);
            return this;
        }
        public Builder error(@Nullable String value) {
            changes.put("error", value);
            return this;
        }

        public UpdateSessionRequest build() {
            return new UpdateSessionRequest(changes);
        }
    }
}

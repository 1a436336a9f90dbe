package dev.assay.trace;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One OpenTelemetry span as either OTLP encoding carries it: ids in lowercase hex, times in Unix
 * nanoseconds, attribute values as plain Java values, with the attributes of its resource.
 *
 * @param statusCode 0 unset, 1 ok, 2 error
 */
record OtlpSpan(
        String traceId,
        String spanId,
        @Nullable String parentSpanId,
        String name,
        long startTimeUnixNano,
        long endTimeUnixNano,
        Map<String, Object> attributes,
        Map<String, Object> resource,
        int statusCode,
        @Nullable String statusMessage) {

    /** Whether the ids are well formed: 32 and 16 hex digits, neither all zero. */
    boolean hasValidIds() {
        return isHexId(traceId, 32) && isHexId(spanId, 16) && (parentSpanId == null || isHexId(parentSpanId, 16));
    }

    private static boolean isHexId(String id, int length) {
        return id.length() == length && id.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
                && !id.chars().allMatch(c -> c == '0');
    }
}

package dev.assay.trace;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an OpenTelemetry span becomes a span of Assay (docs/api.md "Traces", "OpenTelemetry"): per
 * field the first source that has a value, {@code galtea.span.*} (or the older
 * {@code galtea.trace.*}) attributes first, then the GenAI semantic conventions ({@code gen_ai.*}),
 * then OpenInference's {@code input.value}/{@code output.value}. Every attribute not mapped to a
 * field is kept in {@code metadata}.
 */
final class OtelMapping {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The attribute keys that name the turn of a span (the second is the pre-5.0 spelling). */
    static final List<String> TURN_KEYS = List.of("galtea.trace.id", "galtea.inference_result.id");
    /** Conversation keys that assemble production sessions, in order of precedence. */
    static final List<String> CONVERSATION_KEYS = List.of("galtea.session.custom_id", "gen_ai.conversation.id", "session.id",
            "temporalWorkflowID");
    static final String VERSION_KEY = "galtea.version.id";
    static final String TEST_CASE_KEY = "galtea.test_case.id";
    static final String INPUT_TOKENS = "gen_ai.usage.input_tokens";
    static final String OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

    private OtelMapping() {}

    /** The fields of a span read from its attributes; the turn and ids are the caller's business. */
    record Fields(String name, SpanType type, @Nullable String description, @Nullable Object inputData,
            @Nullable Object outputData, @Nullable String error, @Nullable Double latencyMs,
            @Nullable Map<String, Object> metadata, @Nullable Instant startTime, @Nullable Instant endTime) {}

    @SuppressWarnings("unchecked")
    static Fields map(OtlpSpan span) {
        Map<String, Object> rest = new LinkedHashMap<>(span.attributes());
        Map<String, Object> metadata = new LinkedHashMap<>();
        Object explicitMetadata = take(rest, "galtea.span.metadata", "galtea.trace.metadata");
        if (explicitMetadata != null) {
            Object parsed = parseJson(explicitMetadata);
            if (parsed instanceof Map<?, ?> map) {
                map.forEach((key, value) -> metadata.put(String.valueOf(key), value));
            } else {
                metadata.put("galtea.span.metadata", explicitMetadata);
            }
        }

        String typeLabel = string(take(rest, "galtea.span.type", "galtea.trace.type"));
        String operation = string(rest.get("gen_ai.operation.name"));
        String openInferenceKind = string(rest.get("openinference.span.kind"));
        SpanType type;
        if (typeLabel != null) {
            SpanType exact = SpanType.exact(typeLabel);
            type = exact != null ? exact : SpanType.normalise(typeLabel);
            if (exact == null) {
                metadata.put(SpanType.ORIGINAL_TYPE_KEY, typeLabel);
            }
        } else if (operation != null) {
            type = SpanType.normalise(operation);
        } else if (openInferenceKind != null) {
            type = SpanType.normalise(openInferenceKind);
        } else {
            type = SpanType.SPAN;
        }

        String name = span.name();
        String toolName = string(rest.get("gen_ai.tool.name"));
        if (type == SpanType.TOOL && toolName != null && !toolName.isBlank()) {
            // The tool's own name makes tools_used; the name the producer gave the span is kept.
            if (!toolName.equals(name)) {
                metadata.put("otel.span.name", name);
            }
            name = toolName;
        }
        if (name.length() > TraceMapper.MAX_NAME_LENGTH) {
            name = name.substring(0, TraceMapper.MAX_NAME_LENGTH);
        }

        String description = bounded(string(take(rest, "galtea.span.description", "galtea.trace.description")));
        Object input = parseJson(take(rest, "galtea.span.input", "galtea.trace.input"));
        if (input == null) {
            input = parseJson(firstOf(rest, "gen_ai.input.messages", "gen_ai.prompt", "input.value",
                    "gen_ai.tool.call.arguments"));
        }
        Object output = parseJson(take(rest, "galtea.span.output", "galtea.trace.output"));
        if (output == null) {
            output = parseJson(firstOf(rest, "gen_ai.output.messages", "gen_ai.completion", "output.value",
                    "gen_ai.tool.call.result"));
        }
        String error = bounded(string(take(rest, "galtea.span.error", "galtea.trace.error")));
        if (error == null && span.statusCode() == 2) {
            error = span.statusMessage() != null ? bounded(span.statusMessage()) : "error";
        }
        for (String key : TURN_KEYS) {
            rest.remove(key);
        }
        metadata.putAll(rest);

        Instant start = span.startTimeUnixNano() > 0 ? instant(span.startTimeUnixNano()) : null;
        Instant end = span.endTimeUnixNano() > 0 ? instant(span.endTimeUnixNano()) : null;
        Double latency = start != null && end != null && span.endTimeUnixNano() >= span.startTimeUnixNano()
                ? (span.endTimeUnixNano() - span.startTimeUnixNano()) / 1e6
                : null;
        if (latency == null) {
            end = end != null && start != null && end.isBefore(start) ? start : end;
        }
        return new Fields(cleanText(name), type, clean(description), storable(input), storable(output), clean(error),
                latency, metadata.isEmpty() ? null : (Map<String, Object>) storable(metadata), start, end);
    }

    /**
     * A value PostgreSQL can store: NUL characters removed from strings and keys, non-finite
     * numbers replaced by null. OTLP data is cleaned rather than refused, so one odd attribute
     * never costs the span.
     */
    static @Nullable Object storable(@Nullable Object value) {
        return switch (value) {
            case String text -> clean(text);
            case Double number when !Double.isFinite(number) -> null;
            case Float number when !Float.isFinite(number) -> null;
            case Map<?, ?> map -> {
                Map<String, Object> cleaned = new LinkedHashMap<>();
                map.forEach((key, each) -> cleaned.put(clean(String.valueOf(key)), storable(each)));
                yield cleaned;
            }
            case List<?> list -> list.stream().map(OtelMapping::storable).collect(Collectors.toList());
            case null, default -> value;
        };
    }

    private static String cleanText(String text) {
        return text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }

    private static @Nullable String clean(@Nullable String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }

    /** The first string value of any of the keys on the span, else on its resource. */
    static @Nullable String attribute(OtlpSpan span, List<String> keys) {
        for (String key : keys) {
            String value = string(span.attributes().get(key));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        for (String key : keys) {
            String value = string(span.resource().get(key));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** A token count attribute, when it is a non-negative integer. */
    static @Nullable Long count(OtlpSpan span, String key) {
        Object value = span.attributes().get(key);
        if (value instanceof Number number && !(value instanceof Double) && !(value instanceof Float)
                && number.longValue() >= 0) {
            return number.longValue();
        }
        if (value instanceof String text) {
            try {
                long parsed = Long.parseLong(text.strip());
                return parsed >= 0 ? parsed : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Long.divideUnsigned(nanos, 1_000_000_000L), Long.remainderUnsigned(nanos, 1_000_000_000L));
    }

    private static @Nullable Object take(Map<String, Object> attributes, String key, String olderKey) {
        Object value = attributes.remove(key);
        Object older = attributes.remove(olderKey);
        return value != null ? value : older;
    }

    private static @Nullable Object firstOf(Map<String, Object> attributes, String... keys) {
        for (String key : keys) {
            Object value = attributes.get(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A string attribute holding JSON becomes that JSON value; any other string stays a string. */
    private static @Nullable Object parseJson(@Nullable Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JSON.readValue(trimmed, Object.class);
            } catch (JacksonException e) {
                return text;
            }
        }
        return text;
    }

    private static @Nullable String string(@Nullable Object value) {
        return value == null ? null : value instanceof String text ? text : String.valueOf(value);
    }

    private static @Nullable String bounded(@Nullable String text) {
        return text == null || text.length() <= TraceMapper.MAX_TEXT_LENGTH ? text : text.substring(0, TraceMapper.MAX_TEXT_LENGTH);
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

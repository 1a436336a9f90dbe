package dev.assay.trace;

import dev.assay.api.TraceNodeResponse;
import dev.assay.api.TraceResponse;
import dev.assay.common.AssayException;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.JsonValues;
import dev.assay.common.NotFoundException;
import dev.assay.common.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads spans from request JSON with strict types and writes them in the wire form. */
final class TraceMapper {
    static final int MAX_NAME_LENGTH = 1000;
    /** Galtea documents 1 MB for a description; the same bound holds the error text. */
    static final int MAX_TEXT_LENGTH = 1 << 20;

    private TraceMapper() {}

    /** One span of a create or batch body; {@code field} prefixes the names in error messages. */
    static NewSpan read(@Nullable JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw AssayException.invalid((field.isEmpty() ? "Request body" : field) + " must be a JSON object");
        }
        String prefix = field.isEmpty() ? "" : field + ".";
        String turn = text(node, prefix, "inferenceResultId");
        if (turn == null) {
            throw AssayException.invalidField(prefix + "inferenceResultId", "is required");
        }
        UUID turnId = Ids.parse(IdKind.INFERENCE_RESULT, turn)
                .orElseThrow(() -> new NotFoundException(ErrorCode.INFERENCE_RESULT_NOT_FOUND, "Inference result not found: " + turn));
        String name = text(node, prefix, "name");
        if (name == null || name.isBlank()) {
            throw AssayException.invalidField(prefix + "name", "is required and must not be blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw AssayException.invalidField(prefix + "name", "at most " + MAX_NAME_LENGTH + " characters");
        }
        Map<String, Object> metadata = object(node, prefix, "metadata");
        String typeLabel = text(node, prefix, "type");
        SpanType type = SpanType.SPAN;
        if (typeLabel != null) {
            SpanType exact = SpanType.exact(typeLabel);
            if (exact != null) {
                type = exact;
            } else {
                type = SpanType.normalise(typeLabel);
                metadata = metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
                metadata.put(SpanType.ORIGINAL_TYPE_KEY, typeLabel);
            }
        }
        String description = bounded(node, prefix, "description");
        String error = bounded(node, prefix, "error");
        Double latency = number(node, prefix, "latencyMs");
        if (latency != null && latency < 0) {
            throw AssayException.invalidField(prefix + "latencyMs", "must not be negative");
        }
        Instant start = instant(node, prefix, "startTime");
        Instant end = instant(node, prefix, "endTime");
        if (start != null && end != null && end.isBefore(start)) {
            throw AssayException.invalidField(prefix + "endTime", "must not be before startTime");
        }
        if (latency == null && start != null && end != null) {
            latency = (end.toEpochMilli() - start.toEpochMilli()) + (end.getNano() % 1_000_000 - start.getNano() % 1_000_000) / 1e6;
        }
        UUID id = spanId(node, prefix, "id");
        UUID parent = spanId(node, prefix, "parentTraceId");
        return new NewSpan(id, turnId, parent, name, type, description, value(node, prefix, "inputData"),
                value(node, prefix, "outputData"), error, latency, metadata, start, end);
    }

    /**
     * A span id as a client may write it: Assay's own {@code trace_...} form or a UUID (the ids the
     * Galtea SDK generates). Anything else is refused.
     */
    static Optional<UUID> parseSpanId(String text) {
        Optional<UUID> own = Ids.parse(IdKind.TRACE, text);
        if (own.isPresent()) {
            return own;
        }
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.toString().equalsIgnoreCase(text) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static TraceResponse toResponse(Span span) {
        return new TraceResponse(
                Ids.format(IdKind.TRACE, span.id()),
                Ids.format(IdKind.INFERENCE_RESULT, span.inferenceResultId()),
                span.name(),
                span.type().name(),
                span.description(),
                span.inputData(),
                span.outputData(),
                span.error(),
                span.latencyMs(),
                span.metadata(),
                span.parentId() == null ? null : Ids.format(IdKind.TRACE, span.parentId()),
                Timestamps.formatNullable(span.startTime()),
                Timestamps.formatNullable(span.endTime()),
                Timestamps.format(span.createdAt()),
                Timestamps.formatNullable(span.deletedAt()));
    }

    /**
     * The spans of one turn as a forest: each span under its parent, roots and children in start
     * order. A span whose parent is not among them (deleted, or not sent yet) is shown as a root.
     */
    static List<TraceNodeResponse> toTree(List<Span> spans) {
        Map<UUID, List<Span>> children = new LinkedHashMap<>();
        Map<UUID, Span> byId = new LinkedHashMap<>();
        spans.forEach(span -> byId.put(span.id(), span));
        List<Span> roots = new ArrayList<>();
        for (Span span : spans) {
            if (span.parentId() != null && byId.containsKey(span.parentId()) && !span.parentId().equals(span.id())) {
                children.computeIfAbsent(span.parentId(), k -> new ArrayList<>()).add(span);
            } else {
                roots.add(span);
            }
        }
        return roots.stream().map(root -> node(root, children, 0)).toList();
    }

    private static TraceNodeResponse node(Span span, Map<UUID, List<Span>> children, int depth) {
        // Nesting is checked on write, so depth is bounded by the number of spans; the guard only
        // protects the recursion from data written around the API.
        List<TraceNodeResponse> below = depth > 10_000
                ? List.of()
                : children.getOrDefault(span.id(), List.of()).stream().map(child -> node(child, children, depth + 1)).toList();
        return new TraceNodeResponse(toResponse(span), below);
    }

    private static @Nullable UUID spanId(JsonNode node, String prefix, String name) {
        String text = text(node, prefix, name);
        if (text == null) {
            return null;
        }
        return parseSpanId(text)
                .orElseThrow(() -> AssayException.invalidField(prefix + name, "must be a span id (trace_...) or a UUID: '" + text + "'"));
    }

    private static @Nullable String text(JsonNode node, String prefix, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw AssayException.invalidField(prefix + name, "must be a string");
        }
        if (value.stringValue().indexOf('\u0000') >= 0) {
            throw AssayException.invalidField(prefix + name, "must not contain the NUL character (\\u0000)");
        }
        return value.stringValue();
    }

    private static @Nullable String bounded(JsonNode node, String prefix, String name) {
        String text = text(node, prefix, name);
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw AssayException.invalidField(prefix + name, "at most " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    private static @Nullable Double number(JsonNode node, String prefix, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw AssayException.invalidField(prefix + name, "must be a number");
        }
        return value.doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> object(JsonNode node, String prefix, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw AssayException.invalidField(prefix + name, "must be a JSON object");
        }
        Object java = JsonValues.toJava(value);
        requireFinite(prefix + name, java);
        return (Map<String, Object>) java;
    }

    private static @Nullable Object value(JsonNode node, String prefix, String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        Object java = JsonValues.toJava(value);
        requireFinite(prefix + name, java);
        return java;
    }

    /**
     * A number beyond a double's range reads as infinity, which JSON cannot hold, and PostgreSQL
     * refuses the NUL character: both are the item's 400 rather than a failed statement.
     */
    private static void requireFinite(String field, @Nullable Object value) {
        switch (value) {
            case Double number when !Double.isFinite(number) ->
                throw AssayException.invalidField(field, "contains a number beyond the range of a double");
            case String text when text.indexOf('\u0000') >= 0 ->
                throw AssayException.invalidField(field, "must not contain the NUL character (\\u0000)");
            case Map<?, ?> map -> map.forEach((key, each) -> {
                requireFinite(field, key);
                requireFinite(field, each);
            });
            case List<?> list -> list.forEach(each -> requireFinite(field, each));
            case null, default -> {
            }
        }
    }

    private static @Nullable Instant instant(JsonNode node, String prefix, String name) {
        String text = text(node, prefix, name);
        if (text == null) {
            return null;
        }
        try {
            Instant instant;
            try {
                instant = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            }
            if (instant.isBefore(Instant.parse("0001-01-01T00:00:00Z")) || instant.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw AssayException.invalidField(prefix + name, "must be between years 0001 and 9999");
            }
            return instant;
        } catch (DateTimeException e) {
            throw AssayException.invalidField(prefix + name, "not an ISO 8601 date-time: '" + text + "'");
        }
    }
}

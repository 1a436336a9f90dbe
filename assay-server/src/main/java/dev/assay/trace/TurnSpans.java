package dev.assay.trace;

import dev.assay.metrics.structured.ToolCorrectness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The spans of one turn, in start order, and the evaluation parameters derived from them
 * (docs/api.md "Traces", "What evaluations read from spans").
 */
public record TurnSpans(List<Span> spans) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Bounds of the {@code traces} text shown to a judge, so one busy turn cannot flood a prompt. */
    static final int MAX_RENDERED_SPANS = 200;
    static final int MAX_RENDERED_VALUE = 2_000;

    public static final TurnSpans NONE = new TurnSpans(List.of());

    public TurnSpans {
        spans = List.copyOf(spans);
    }

    /** Whether any span of the turn has arrived. */
    public boolean isEmpty() {
        return spans.isEmpty();
    }

    /**
     * {@code tools_used}: the names of the turn's TOOL spans in start order, normalised as Tool
     * Correctness compares them and de-duplicated; {@code null} when the turn has no span at all
     * (nothing recorded is not the same as "no tool called").
     */
    public @Nullable List<String> toolsUsed() {
        if (spans.isEmpty()) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (Span span : spans) {
            if (span.type() == SpanType.TOOL) {
                String name = ToolCorrectness.normalize(span.name());
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * {@code retrieval_context}: the outputs of the turn's RETRIEVER spans joined in start order (a
     * string as is, any other JSON value as JSON text), or {@code null} when none has an output.
     */
    public @Nullable String retrievalContext() {
        List<String> parts = new ArrayList<>();
        for (Span span : spans) {
            if (span.type() == SpanType.RETRIEVER && span.outputData() != null) {
                String text = text(span.outputData());
                if (!text.isBlank()) {
                    parts.add(text);
                }
            }
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }

    /**
     * {@code traces} for a judge: one line per span, indented under its parent, with its type,
     * name, latency, input, output and error (each value cut at {@value #MAX_RENDERED_VALUE}
     * characters, at most {@value #MAX_RENDERED_SPANS} spans). {@code null} without spans.
     */
    public @Nullable String render() {
        if (spans.isEmpty()) {
            return null;
        }
        Map<UUID, Integer> depth = new HashMap<>();
        Map<UUID, Span> byId = new HashMap<>();
        spans.forEach(span -> byId.put(span.id(), span));
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (Span span : spans) {
            if (shown++ == MAX_RENDERED_SPANS) {
                text.append("... ").append(spans.size() - MAX_RENDERED_SPANS).append(" more spans\n");
                break;
            }
            int level = depthOf(span, byId, depth, 0);
            text.append("  ".repeat(level)).append("- [").append(span.type().name()).append("] ").append(cut(span.name()));
            if (span.latencyMs() != null) {
                text.append(" (").append(Math.round(span.latencyMs())).append(" ms)");
            }
            if (span.inputData() != null) {
                text.append(" input: ").append(cut(text(span.inputData())));
            }
            if (span.outputData() != null) {
                text.append(" output: ").append(cut(text(span.outputData())));
            }
            if (span.error() != null) {
                text.append(" error: ").append(cut(span.error()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static int depthOf(Span span, Map<UUID, Span> byId, Map<UUID, Integer> known, int guard) {
        Integer cached = known.get(span.id());
        if (cached != null) {
            return cached;
        }
        Span parent = span.parentId() == null ? null : byId.get(span.parentId());
        int value = parent == null || guard > MAX_RENDERED_SPANS ? 0 : depthOf(parent, byId, known, guard + 1) + 1;
        known.put(span.id(), value);
        return value;
    }

    private static String text(Object value) {
        return value instanceof String string ? string : JSON.writeValueAsString(value);
    }

    private static String cut(String value) {
        return value.length() <= MAX_RENDERED_VALUE ? value : value.substring(0, MAX_RENDERED_VALUE) + "...";
    }
}

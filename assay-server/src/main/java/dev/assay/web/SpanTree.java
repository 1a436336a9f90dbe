package dev.assay.web;

import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.trace.Span;
import dev.assay.web.DashboardViews.SpanView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Lays a turn's spans out as a tree, depth first, children in start order. A span whose parent is
 * missing (deleted, or not sent) is shown as a root, and so is the first span of a parent cycle;
 * every span appears once. At most {@link #MAX_SPANS} are shown.
 */
final class SpanTree {
    static final int MAX_SPANS = 200;
    static final int MAX_DEPTH_CLASS = 8;
    private static final int MAX_VALUE = 500;

    private SpanTree() {}

    /** The spans in display order; {@code spans} come in start order. */
    static List<SpanView> of(List<Span> spans) {
        Set<UUID> ids = new HashSet<>();
        spans.forEach(span -> ids.add(span.id()));
        Map<UUID, List<Span>> children = new HashMap<>();
        List<Span> roots = new ArrayList<>();
        for (Span span : spans) {
            if (span.parentId() == null || !ids.contains(span.parentId()) || span.parentId().equals(span.id())) {
                roots.add(span);
            } else {
                children.computeIfAbsent(span.parentId(), id -> new ArrayList<>()).add(span);
            }
        }
        List<SpanView> ordered = new ArrayList<>();
        Set<UUID> visited = new HashSet<>();
        for (Span root : roots) {
            walk(root, children, visited, ordered);
        }
        // Spans whose parents form a cycle reach no root: each such chain starts at its first span.
        for (Span span : spans) {
            walk(span, children, visited, ordered);
        }
        return ordered;
    }

    private static void walk(Span start, Map<UUID, List<Span>> children, Set<UUID> visited, List<SpanView> ordered) {
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[]{start, 0});
        while (!stack.isEmpty() && ordered.size() < MAX_SPANS) {
            Object[] top = stack.pop();
            Span span = (Span) top[0];
            int depth = (int) top[1];
            if (!visited.add(span.id())) {
                continue;
            }
            ordered.add(view(span, depth));
            List<Span> kids = children.getOrDefault(span.id(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(new Object[]{kids.get(i), depth + 1});
            }
        }
    }

    private static SpanView view(Span span, int depth) {
        return new SpanView(Ids.format(IdKind.TRACE, span.id()), Math.min(depth, MAX_DEPTH_CLASS), span.name(),
                String.valueOf(span.type()), span.latencyMs() == null ? "" : Formats.number(span.latencyMs()) + " ms",
                span.error(), Formats.shorten(text(span.inputData()), MAX_VALUE), Formats.shorten(text(span.outputData()), MAX_VALUE));
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value instanceof String string ? string : Objects.toString(value);
    }
}

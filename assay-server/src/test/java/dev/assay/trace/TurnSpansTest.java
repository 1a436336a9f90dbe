package dev.assay.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TurnSpansTest {
    private static final UUID TURN = UUID.randomUUID();

    private static Span span(UUID id, UUID parent, String name, SpanType type, Object output) {
        return new Span(id, UUID.randomUUID(), TURN, UUID.randomUUID(), parent, name, type, null, null, output, null,
                12.4, null, Instant.EPOCH, null, Instant.EPOCH, null);
    }

    @Test
    void toolsUsed_areTheNormalisedDistinctNamesOfToolSpans_inOrder() {
        TurnSpans spans = new TurnSpans(List.of(
                span(UUID.randomUUID(), null, "functions.Lookup-Order", SpanType.TOOL, null),
                span(UUID.randomUUID(), null, "answer", SpanType.GENERATION, "text"),
                span(UUID.randomUUID(), null, "lookup_order", SpanType.TOOL, null),
                span(UUID.randomUUID(), null, "send email", SpanType.TOOL, null),
                span(UUID.randomUUID(), null, "  ", SpanType.TOOL, null)));

        assertThat(spans.toolsUsed()).containsExactly("lookup_order", "send_email");
    }

    @Test
    void withoutSpans_nothingIsKnown_butSpansWithoutToolsMeanNoTool() {
        assertThat(TurnSpans.NONE.toolsUsed()).isNull();
        assertThat(TurnSpans.NONE.retrievalContext()).isNull();
        assertThat(TurnSpans.NONE.render()).isNull();
        assertThat(new TurnSpans(List.of(span(UUID.randomUUID(), null, "x", SpanType.SPAN, null))).toolsUsed()).isEmpty();
    }

    @Test
    void retrievalContext_joinsRetrieverOutputsInOrder_jsonForNonText() {
        TurnSpans spans = new TurnSpans(List.of(
                span(UUID.randomUUID(), null, "search", SpanType.RETRIEVER, "first document"),
                span(UUID.randomUUID(), null, "tool", SpanType.TOOL, "not context"),
                span(UUID.randomUUID(), null, "db", SpanType.RETRIEVER, Map.of("row", 1)),
                span(UUID.randomUUID(), null, "empty", SpanType.RETRIEVER, null)));

        assertThat(spans.retrievalContext()).isEqualTo("first document\n\n{\"row\":1}");
        assertThat(new TurnSpans(List.of(span(UUID.randomUUID(), null, "t", SpanType.TOOL, "x"))).retrievalContext())
                .isNull();
    }

    @Test
    void render_indentsChildrenUnderParents_andIsBounded() {
        UUID root = UUID.randomUUID();
        String text = new TurnSpans(List.of(
                span(root, null, "agent", SpanType.AGENT, null),
                span(UUID.randomUUID(), root, "lookup", SpanType.TOOL, "x".repeat(5000)))).render();

        assertThat(text).startsWith("- [AGENT] agent (12 ms)\n  - [TOOL] lookup (12 ms) output: xxx");
        assertThat(text.length()).isLessThan(2200);

        List<Span> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(span(UUID.randomUUID(), null, "s" + i, SpanType.EVENT, null));
        }
        assertThat(new TurnSpans(many).render()).endsWith("... 50 more spans\n");
    }
}

package dev.assay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.trace.Span;
import dev.assay.trace.SpanType;
import dev.assay.web.DashboardViews.SpanView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SpanTreeTest {
    private static final UUID TURN = UUID.randomUUID();

    @Test
    void of_listsChildrenUnderTheirParent_depthFirstInStartOrder() {
        Span root = span("agent", null);
        Span search = span("search", root.id());
        Span rank = span("rank", search.id());
        Span answer = span("answer", root.id());
        Span second = span("second-root", null);

        List<SpanView> tree = SpanTree.of(List.of(root, search, answer, rank, second));

        assertThat(tree).extracting(SpanView::name).containsExactly("agent", "search", "rank", "answer", "second-root");
        assertThat(tree).extracting(SpanView::depth).containsExactly(0, 1, 2, 1, 0);
    }

    @Test
    void of_showsASpanWhoseParentIsMissingAsARoot() {
        Span orphan = span("orphan", UUID.randomUUID());

        assertThat(SpanTree.of(List.of(orphan))).extracting(SpanView::depth).containsExactly(0);
    }

    @Test
    void of_showsEverySpanOfACycleOnce_andStops() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Span first = span(a, "a", b);
        Span second = span(b, "b", a);
        Span self = span("self", null);
        Span selfParented = span(self.id(), "self", self.id());

        assertThat(SpanTree.of(List.of(first, second))).extracting(SpanView::name, SpanView::depth)
                .containsExactly(Tuple.tuple("a", 0), Tuple.tuple("b", 1));
        assertThat(SpanTree.of(List.of(selfParented))).extracting(SpanView::name).containsExactly("self");
    }

    @Test
    void of_showsAtMostTheLimit_andCapsTheIndentation() {
        List<Span> chain = new ArrayList<>();
        UUID parent = null;
        for (int i = 0; i < SpanTree.MAX_SPANS + 50; i++) {
            Span span = span("step-" + i, parent);
            chain.add(span);
            parent = span.id();
        }

        List<SpanView> tree = SpanTree.of(chain);

        assertThat(tree).hasSize(SpanTree.MAX_SPANS);
        assertThat(tree.getLast().depth()).isEqualTo(SpanTree.MAX_DEPTH_CLASS);
    }

    private static Span span(String name, @Nullable UUID parentId) {
        return span(UUID.randomUUID(), name, parentId);
    }

    private static Span span(UUID id, String name, @Nullable UUID parentId) {
        return new Span(id, UUID.randomUUID(), TURN, UUID.randomUUID(), parentId, name, SpanType.values()[0], null, null,
                null, null, null, null, null, null, Instant.EPOCH, null);
    }
}

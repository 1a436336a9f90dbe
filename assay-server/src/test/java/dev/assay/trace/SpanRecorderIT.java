package dev.assay.trace;

import static dev.assay.trace.TraceFixtures.aTurn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.api.InferenceResultResponse;
import dev.assay.api.TraceNodeResponse;
import dev.assay.api.TraceResponse;
import dev.assay.client.ListOptions;
import dev.assay.client.SpanRecorder;
import dev.assay.testing.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK's try-with-resources span recorder against the real server. */
class SpanRecorderIT extends ApiIntegrationTest {

    @Test
    void nestedBlocks_becomeATree_withTimesInputsOutputsAndErrors() {
        InferenceResultResponse turn = aTurn(client);
        String agentId;
        try (SpanRecorder spans = client.traces().recorder(turn.id())) {
            try (SpanRecorder.Span agent = spans.start("answer", "AGENT")) {
                agentId = agent.id();
                try (SpanRecorder.Span search = spans.start("search_docs", "RETRIEVER")) {
                    search.input(Map.of("query", "order 42")).output("Order 42 ships tomorrow.");
                }
                try (SpanRecorder.Span tool = spans.start("notify", "TOOL")) {
                    tool.error(new IllegalStateException("mail server down"));
                }
            }
            assertThat(spans.sentIds()).isEmpty();
        }

        List<TraceNodeResponse> tree = client.traces().tree(turn.id());
        assertThat(tree).singleElement().satisfies(root -> {
            assertThat(root.span().name()).isEqualTo("answer");
            assertThat(root.children()).extracting(child -> child.span().name()).containsExactly("search_docs", "notify");
        });
        TraceResponse search = tree.getFirst().children().getFirst().span();
        assertThat(search.type()).isEqualTo("RETRIEVER");
        assertThat(search.inputData()).isEqualTo(Map.of("query", "order 42"));
        assertThat(search.outputData()).isEqualTo("Order 42 ships tomorrow.");
        assertThat(search.latencyMs()).isNotNull().isGreaterThanOrEqualTo(0.0);
        assertThat(search.startTime()).isNotNull();
        assertThat(tree.getFirst().children().get(1).span().error()).contains("mail server down");
        // The recorder's id is the UUID the server stored, answered in the server's own id form.
        assertThat(client.traces().list(ListOptions.none().filter("ids", agentId))).singleElement()
                .satisfies(span -> assertThat(span.name()).isEqualTo("answer"));
    }

    @Test
    void spans_areSentInBatchesOfTheRecordersSize_onceTheirRootCloses() {
        InferenceResultResponse turn = aTurn(client);
        try (SpanRecorder spans = client.traces().recorder(turn.id(), 3)) {
            try (SpanRecorder.Span root = spans.start("root", "AGENT")) {
                for (int i = 0; i < 4; i++) {
                    spans.start("step-" + i, "TOOL").close();
                }
                assertThat(spans.sentIds()).as("nothing leaves before its root closes").isEmpty();
            }
            // Five finished spans: one batch of three went out, two wait for the next batch or close.
            assertThat(spans.sentIds()).hasSize(3);
            assertThat(client.traces().list(ListOptions.none().filter("inferenceResultIds", turn.id()))).hasSize(3);
        }
        assertThat(client.traces().list(ListOptions.none().filter("inferenceResultIds", turn.id()))).hasSize(5);
        assertThatThrownBy(() -> client.traces().recorder(turn.id(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spansOfAnUnknownTurn_areReportedAsRejected() {
        try (SpanRecorder spans = client.traces().recorder("inferenceResult_" + "a".repeat(26))) {
            spans.start("lost", "TOOL").close();
            assertThatThrownBy(spans::flush).hasMessageContaining("Inference result not found");
        }
    }
}

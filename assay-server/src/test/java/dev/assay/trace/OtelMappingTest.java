package dev.assay.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtelMappingTest {

    private static OtlpSpan span(String name, Map<String, Object> attributes, int status, String message) {
        return new OtlpSpan("5b8efff798038103d269b633813fc60c", "eee19b7ec3c1b174", null, name,
                1_700_000_000_000_000_000L, 1_700_000_000_250_000_000L, attributes, Map.of(), status, message);
    }

    @Test
    void galteaAttributes_winOverGenAi_andTheRestIsMetadata() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("galtea.span.type", "RETRIEVER");
        attributes.put("gen_ai.operation.name", "chat");
        attributes.put("galtea.span.input", "{\"q\": \"order\"}");
        attributes.put("gen_ai.input.messages", "ignored");
        attributes.put("galtea.span.metadata", "{\"team\": \"support\"}");
        attributes.put("galtea.trace.id", "inferenceResult_x");
        attributes.put("http.status_code", 200L);

        OtelMapping.Fields fields = OtelMapping.map(span("search", attributes, 0, null));

        assertThat(fields.type()).isEqualTo(SpanType.RETRIEVER);
        assertThat(fields.inputData()).isEqualTo(Map.of("q", "order"));
        assertThat(fields.latencyMs()).isEqualTo(250.0);
        assertThat(fields.metadata()).containsEntry("team", "support").containsEntry("http.status_code", 200L)
                .containsEntry("gen_ai.input.messages", "ignored").doesNotContainKey("galtea.trace.id")
                .doesNotContainKey("galtea.span.input");
    }

    @Test
    void olderKeys_genAiFallbacks_andErrorStatus() {
        OtelMapping.Fields older = OtelMapping.map(span("x", Map.of("galtea.trace.type", "LLM",
                "galtea.trace.output", "hello"), 0, null));
        assertThat(older.type()).isEqualTo(SpanType.GENERATION);
        assertThat(older.outputData()).isEqualTo("hello");
        assertThat(older.metadata()).containsEntry(SpanType.ORIGINAL_TYPE_KEY, "LLM");

        OtelMapping.Fields tool = OtelMapping.map(span("execute_tool", Map.of("gen_ai.operation.name", "execute_tool",
                "gen_ai.tool.name", "lookup_order", "gen_ai.tool.call.result", "[1, 2]"), 2, null));
        assertThat(tool.type()).isEqualTo(SpanType.TOOL);
        assertThat(tool.name()).isEqualTo("lookup_order");
        assertThat(tool.outputData()).isEqualTo(List.of(1, 2));
        assertThat(tool.error()).isEqualTo("error");

        assertThat(OtelMapping.map(span("retrieve", Map.of("openinference.span.kind", "RETRIEVER"), 0, null)).type())
                .isEqualTo(SpanType.RETRIEVER);
        assertThat(OtelMapping.map(span("plain", Map.of(), 0, null)).type()).isEqualTo(SpanType.SPAN);
    }

    @Test
    void valuesPostgresCannotHold_areCleaned() {
        OtelMapping.Fields fields = OtelMapping.map(span("na\u0000me", Map.of("galtea.span.output",
                "{\"te\\u0000xt\": \"a\\u0000b\"}"), 0, null));
        assertThat(fields.name()).isEqualTo("name");
        assertThat(fields.outputData()).isEqualTo(Map.of("text", "ab"));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("x", null);
        expected.put("list", Arrays.asList(1L, null));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("x", Double.NaN);
        input.put("list", List.of(1L, Double.NEGATIVE_INFINITY));
        assertThat(OtelMapping.storable(input)).isEqualTo(expected);
    }
}

package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OutputTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode ROWS = JSON.readTree("""
            [{"id":"a","name":"first, with comma","tags":["x","y"],"note":null},
             {"id":"b","name":"line\\nbreak","tags":[],"note":"n"}]""");

    private static String render(Output.Format format, JsonNode node, List<String> columns) {
        StringWriter text = new StringWriter();
        new Output(new PrintWriter(text), JSON, format).value(node, columns);
        return text.toString();
    }

    @Test
    void json_isOneArray_withTheObjectsUnchanged() {
        assertThat(JSON.readTree(render(Output.Format.JSON, ROWS, List.of()))).isEqualTo(ROWS);
        assertThat(render(Output.Format.JSON, JSON.createArrayNode(), List.of()).strip()).isEqualTo("[]");
    }

    @Test
    void jsonl_isOneObjectALine() {
        List<String> lines = render(Output.Format.JSONL, ROWS, List.of()).strip().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(1))).isEqualTo(ROWS.get(1));
    }

    @Test
    void csv_quotesWhatNeedsIt_andWritesNestedValuesAsJson() {
        String csv = render(Output.Format.CSV, ROWS, List.of());
        assertThat(csv).isEqualTo("id,name,tags,note\na,\"first, with comma\",\"[\"\"x\"\",\"\"y\"\"]\",\nb,\"line\nbreak\",[],n\n");
    }

    @Test
    void table_showsTheChosenColumns_onOneLineARow() {
        List<String> lines = render(Output.Format.TABLE, ROWS, List.of("id", "name")).lines().toList();
        assertThat(lines).containsExactly("id  name", "a   first, with comma", "b   line break");
    }

    @Test
    void table_ofOneObject_isFieldAndValue() {
        String table = render(Output.Format.TABLE, ROWS.get(0), List.of("id"));
        assertThat(table.lines().toList()).containsExactly("id    a", "name  first, with comma", "tags  [\"x\",\"y\"]", "note  ");
    }

    @Test
    void longCells_areCutInTables() {
        assertThat(Output.cell(JSON.getNodeFactory().stringNode("x".repeat(100)), 60)).hasSize(60).endsWith("…");
    }
}

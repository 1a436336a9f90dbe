package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RowReaderTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<RowReader.Row> read(String text, RowReader.Format format) throws Exception {
        List<RowReader.Row> rows = new ArrayList<>();
        try (RowReader reader = RowReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format, JSON)) {
            RowReader.Row row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
            assertThat(reader.bytesRead()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
        return rows;
    }

    @Test
    void camelCase_ofGaltesColumnNames() {
        assertThat(RowReader.camel("expected_output")).isEqualTo("expectedOutput");
        assertThat(RowReader.camel("User Persona")).isEqualTo("userPersona");
        assertThat(RowReader.camel("sessionId")).isEqualTo("sessionId");
        assertThat(RowReader.camel("_input")).isEqualTo("input");
    }

    @Test
    void jsonl_skipsBlankLines_numbersRows_andKeepsBadOnesAsErrors() throws Exception {
        List<RowReader.Row> rows = read("{\"input\":\"a\",\"retrieval_context\":\"c\"}\n\n[1]\n{oops\n", RowReader.Format.JSONL);
        assertThat(rows).extracting(RowReader.Row::number).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(0).fields().get("retrievalContext").asString()).isEqualTo("c");
        assertThat(rows.get(1).error()).isEqualTo("not a JSON object");
        assertThat(rows.get(2).error()).startsWith("invalid JSON");
    }

    @Test
    void csv_quotedMultilineCells_emptyCellsAbsent_andShortRowsRejected() throws Exception {
        List<RowReader.Row> rows = read("input,expected_output\n\"two\nlines\",\nonly-one-cell\n", RowReader.Format.CSV);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields().get("input").asString()).isEqualTo("two\nlines");
        assertThat(rows.get(0).fields().has("expectedOutput")).isFalse();
        assertThat(rows.get(1).error()).isEqualTo("has 1 cells, the header 2");
    }
}

package dev.assay.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes results in one of four formats. JSON is the stable shape for scripts: the server's own
 * objects, a list as one JSON array; JSONL is one compact object a line; CSV has a header of the
 * first row's fields (nested values as JSON text); a table is for people and may truncate.
 */
final class Output {
    /** The {@code -o} values. */
    enum Format {
        TABLE, JSON, JSONL, CSV
    }

    private static final int MAX_CELL = 60;
    private static final int TABLE_CHUNK = 1000;

    private final PrintWriter out;
    private final JsonMapper json;
    private final Format format;

    Output(PrintWriter out, JsonMapper json, Format format) {
        this.out = out;
        this.json = json;
        this.format = format;
    }

    Format format() {
        return format;
    }

    /** One object, or an array written as its rows. */
    void value(JsonNode node, List<String> tableColumns) {
        if (node.isArray()) {
            try (Rows rows = rows(tableColumns)) {
                node.forEach(rows::add);
            }
            return;
        }
        switch (format) {
            case JSON -> out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            case JSONL -> out.println(json.writeValueAsString(node));
            case CSV -> {
                try (Rows rows = rows(tableColumns)) {
                    rows.add(node);
                }
            }
            case TABLE -> {
                int width = 0;
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    width = Math.max(width, field.getKey().length());
                }
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.println(pad(field.getKey(), width) + "  " + cell(field.getValue(), Integer.MAX_VALUE));
                }
            }
        }
        out.flush();
    }

    /** A stream of rows; a table keeps them until {@link Rows#close()} to size its columns. */
    Rows rows(List<String> tableColumns) {
        return switch (format) {
            case JSON -> new JsonRows();
            case JSONL -> new JsonlRows();
            case CSV -> new CsvRows();
            case TABLE -> new TableRows(tableColumns);
        };
    }

    /** Rows written one at a time. */
    abstract static class Rows implements AutoCloseable {
        abstract void add(JsonNode row);

        @Override
        public abstract void close();
    }

    private final class JsonRows extends Rows {
        private boolean first = true;

        @Override
        void add(JsonNode row) {
            out.print(first ? "[\n  " : ",\n  ");
            out.print(json.writeValueAsString(row));
            first = false;
        }

        @Override
        public void close() {
            out.println(first ? "[]" : "\n]");
            out.flush();
        }
    }

    private final class JsonlRows extends Rows {
        @Override
        void add(JsonNode row) {
            out.println(json.writeValueAsString(row));
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private final class CsvRows extends Rows {
        private @Nullable CSVPrinter printer;
        private List<String> header = List.of();

        @Override
        void add(JsonNode row) {
            try {
                if (printer == null) {
                    header = new ArrayList<>(row.propertyNames());
                    printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
                    printer.printRecord(header);
                }
                List<String> values = new ArrayList<>(header.size());
                for (String column : header) {
                    values.add(cell(row.get(column), Integer.MAX_VALUE));
                }
                printer.printRecord(values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    /** Sized and printed a chunk at a time, so that a table of {@code --all} does not hold every row. */
    private final class TableRows extends Rows {
        private final List<String> columns;
        private final List<JsonNode> buffered = new ArrayList<>();
        private boolean printedHeader;

        TableRows(List<String> columns) {
            this.columns = columns;
        }

        @Override
        void add(JsonNode row) {
            buffered.add(row);
            if (buffered.size() >= TABLE_CHUNK) {
                print();
            }
        }

        @Override
        public void close() {
            if (buffered.isEmpty() && !printedHeader) {
                out.println("(no rows)");
            } else if (!buffered.isEmpty()) {
                print();
            }
            out.flush();
        }

        private void print() {
            List<String> shown = columns.isEmpty() ? scalarFields(buffered.get(0)) : columns;
            int[] widths = new int[shown.size()];
            for (int i = 0; i < shown.size(); i++) {
                widths[i] = shown.get(i).length();
                for (JsonNode row : buffered) {
                    widths[i] = Math.max(widths[i], cell(row.get(shown.get(i)), MAX_CELL).length());
                }
            }
            if (!printedHeader) {
                out.println(line(shown, widths));
                printedHeader = true;
            }
            for (JsonNode row : buffered) {
                List<String> cells = new ArrayList<>(shown.size());
                for (String column : shown) {
                    cells.add(cell(row.get(column), MAX_CELL));
                }
                out.println(line(cells, widths));
            }
            buffered.clear();
        }
    }

    private static List<String> scalarFields(JsonNode row) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : row.properties()) {
            if (!field.getValue().isContainer()) {
                fields.add(field.getKey());
            }
        }
        return fields;
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(i == cells.size() - 1 ? cells.get(i) : pad(cells.get(i), widths[i]));
        }
        return line.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** The text of a value: strings as they are, null as empty, objects and arrays as compact JSON. */
    static String cell(@Nullable JsonNode value, int max) {
        String text;
        if (value == null || value.isNull() || value.isMissingNode()) {
            text = "";
        } else if (value.isContainer()) {
            text = value.toString();
        } else {
            text = value.asString();
        }
        if (max == Integer.MAX_VALUE) {
            return text;
        }
        text = text.replace('\n', ' ').replace('\r', ' ');
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

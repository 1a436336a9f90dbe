package dev.assay.cli;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an import file one row at a time, never whole: JSONL (one JSON object a line, blank lines
 * skipped) or CSV with a header row. Field and column names are turned to camelCase
 * ({@code expected_output} → {@code expectedOutput}); empty CSV cells are left out.
 */
final class RowReader implements AutoCloseable {
    /** The n-th row (from 1), its fields, or why it could not be read. */
    record Row(long number, @Nullable ObjectNode fields, @Nullable String error) {}

    enum Format {
        JSONL, CSV
    }

    /** The longest JSONL line read whole; longer lines are rejected rows (the server takes 10 MiB bodies). */
    static final int MAX_LINE_CHARS = 16 * 1024 * 1024;

    private final Counting input;
    private final Iterator<Row> rows;
    private final List<String> columns;
    private final AutoCloseable closeable;

    private RowReader(Counting input, Iterator<Row> rows, List<String> columns, AutoCloseable closeable) {
        this.input = input;
        this.rows = rows;
        this.columns = columns;
        this.closeable = closeable;
    }

    static RowReader open(InputStream raw, Format format, JsonMapper json) throws IOException {
        Counting input = new Counting(raw);
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 1 << 16);
        if (format == Format.JSONL) {
            return new RowReader(input, new JsonlRows(reader, json), List.of(), reader);
        }
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(false)
                .setIgnoreEmptyLines(true).get().parse(reader);
        List<String> columns = new ArrayList<>();
        for (String header : parser.getHeaderNames()) {
            columns.add(camel(header.strip()));
        }
        return new RowReader(input, new CsvRows(parser, columns, json), List.copyOf(columns), parser);
    }

    /** The CSV columns in camelCase; empty for JSONL. */
    List<String> columns() {
        return columns;
    }

    @Nullable
    Row next() {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (UncheckedIOException e) {
            throw CliException.usage("Cannot read the input: " + e.getMessage());
        } catch (IllegalStateException e) {
            throw CliException.usage("Cannot read the CSV input: " + e.getMessage());
        }
    }

    long bytesRead() {
        return input.count;
    }

    @Override
    public void close() throws Exception {
        closeable.close();
    }

    /** {@code expected_output}, {@code Expected Output} → {@code expectedOutput}; camelCase stays. */
    static String camel(String name) {
        StringBuilder result = new StringBuilder();
        boolean upper = false;
        for (char ch : name.toCharArray()) {
            if (ch == '_' || ch == ' ' || ch == '-') {
                upper = result.length() > 0;
            } else if (upper) {
                result.append(Character.toUpperCase(ch));
                upper = false;
            } else {
                result.append(result.length() == 0 ? Character.toLowerCase(ch) : ch);
            }
        }
        return result.toString();
    }

    private static final class JsonlRows implements Iterator<Row> {
        private final BufferedReader reader;
        private final JsonMapper json;
        private long number;
        private @Nullable String line;

        JsonlRows(BufferedReader reader, JsonMapper json) {
            this.reader = reader;
            this.json = json;
        }

        private boolean tooLong;

        @Override
        public boolean hasNext() {
            try {
                while (line == null && !tooLong) {
                    StringBuilder read = new StringBuilder();
                    int ch;
                    while ((ch = reader.read()) >= 0 && ch != '\n') {
                        if (read.length() < MAX_LINE_CHARS) {
                            read.append((char) ch);
                        } else {
                            tooLong = true;
                        }
                    }
                    if (ch < 0 && read.isEmpty() && !tooLong) {
                        return false;
                    }
                    if (!tooLong && !read.toString().isBlank()) {
                        line = read.toString();
                    }
                }
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String text = line;
            line = null;
            number++;
            if (tooLong) {
                tooLong = false;
                return new Row(number, null, "longer than " + MAX_LINE_CHARS + " characters");
            }
            try {
                JsonNode node = json.readTree(text);
                if (!node.isObject()) {
                    return new Row(number, null, "not a JSON object");
                }
                ObjectNode fields = json.createObjectNode();
                node.properties().forEach(field -> fields.set(camel(field.getKey()), field.getValue()));
                return new Row(number, fields, null);
            } catch (JacksonException e) {
                return new Row(number, null, "invalid JSON: " + e.getOriginalMessage());
            }
        }
    }

    private static final class CsvRows implements Iterator<Row> {
        private final Iterator<CSVRecord> records;
        private final List<String> columns;
        private final JsonMapper json;
        private long number;

        CsvRows(CSVParser parser, List<String> columns, JsonMapper json) {
            this.records = parser.iterator();
            this.columns = columns;
            this.json = json;
        }

        @Override
        public boolean hasNext() {
            return records.hasNext();
        }

        @Override
        public Row next() {
            CSVRecord record = records.next();
            number++;
            if (record.size() != columns.size()) {
                return new Row(number, null, "has " + record.size() + " cells, the header " + columns.size());
            }
            ObjectNode fields = json.createObjectNode();
            for (int i = 0; i < columns.size(); i++) {
                String value = record.get(i);
                if (!value.isEmpty()) {
                    fields.put(columns.get(i), value);
                }
            }
            return new Row(number, fields, null);
        }
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    static Map<String, JsonNode> fields(ObjectNode node) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        node.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
        return fields;
    }
}

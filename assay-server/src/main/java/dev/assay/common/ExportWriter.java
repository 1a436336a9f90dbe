package dev.assay.common;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes wire records one at a time as JSON Lines (each line the record's JSON, as the list route
 * returns it) or CSV (RFC 4180: a header of the record's property names, then one line per record;
 * nested values as their JSON text, null as an empty field). Holds one record at a time, so an
 * export of any size runs in constant memory. Not thread-safe. {@link Exports} runs it for the export routes.
 */
public final class ExportWriter<T extends Record> {
    private static final int BUFFER_CHARS = 64 * 1024;

    private final Writer out;
    private final ExportFormat format;
    private final JsonMapper json;
    private final List<String> columns;
    private boolean started;

    public ExportWriter(OutputStream stream, ExportFormat format, JsonMapper json, Class<T> type) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER_CHARS);
        this.format = format;
        this.json = json;
        this.columns = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    public void write(T row) {
        try {
            start();
            switch (format) {
                case JSONL -> {
                    out.write(json.writeValueAsString(row));
                    out.write('\n');
                }
                case CSV -> writeCsvLine(json.valueToTree(row));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes what is buffered (the CSV header when there was no row) and flushes. */
    public void finish() {
        try {
            start();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start() throws IOException {
        if (started) {
            return;
        }
        started = true;
        if (format == ExportFormat.CSV) {
            out.write(String.join(",", columns.stream().map(ExportWriter::csvField).toList()));
            out.write("\r\n");
        }
    }

    private void writeCsvLine(JsonNode node) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            JsonNode value = node.get(columns.get(i));
            if (value == null || value.isNull()) {
                continue;
            }
            out.write(csvField(value.isValueNode() ? value.asString() : json.writeValueAsString(value)));
        }
        out.write("\r\n");
    }

    /** A field quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String csvField(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}

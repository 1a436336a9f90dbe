package dev.assay.common;

import java.util.List;
import java.util.Locale;

/** The formats of the export routes: JSON Lines (the default) or CSV with a header row. */
public enum ExportFormat {
    JSONL("application/x-ndjson", "jsonl"), CSV("text/csv", "csv");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The {@code format} parameter: {@code jsonl} when absent; 400 for anything but {@code jsonl} or {@code csv}. */
    public static ExportFormat of(ListQuery query) {
        List<String> values = query.ids("format");
        if (values.isEmpty()) {
            return JSONL;
        }
        if (values.size() > 1) {
            throw AssayException.invalidField("format", "must be given once");
        }
        return switch (values.getFirst().toLowerCase(Locale.ROOT)) {
            case "jsonl", "ndjson" -> JSONL;
            case "csv" -> CSV;
            default -> throw AssayException.invalidField("format", "must be jsonl or csv");
        };
    }

    /** The Content-Type of the response, UTF-8. */
    public String contentType() {
        return mediaType + ";charset=UTF-8";
    }

    public String extension() {
        return extension;
    }
}

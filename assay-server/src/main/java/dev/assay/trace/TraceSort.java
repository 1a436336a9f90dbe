package dev.assay.trace;

import dev.assay.common.SortField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields spans can be sorted by, with their columns. */
enum TraceSort implements SortField {
    CREATED_AT("s.created_at"), START_TIME("s.start_time");

    private final String column;

    TraceSort(String column) {
        this.column = column;
    }

    @Override
    public String column() {
        return column;
    }

    static @Nullable TraceSort fromWire(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "createdat" -> CREATED_AT;
            case "starttime" -> START_TIME;
            default -> null;
        };
    }
}

package dev.assay.metric;

import dev.assay.common.SortField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields metrics can be sorted by, with their columns. */
enum MetricSort implements SortField {
    CREATED_AT("m.created_at"), NAME("m.name");

    private final String column;

    MetricSort(String column) {
        this.column = column;
    }

    @Override
    public String column() {
        return column;
    }

    static @Nullable MetricSort fromWire(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "createdat" -> CREATED_AT;
            case "name" -> NAME;
            default -> null;
        };
    }
}

package dev.assay.session;

import dev.assay.common.SortField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields sessions can be sorted by, with their columns. */
enum SessionSort implements SortField {
    CREATED_AT("s.created_at");

    private final String column;

    SessionSort(String column) {
        this.column = column;
    }

    @Override
    public String column() {
        return column;
    }

    static @Nullable SessionSort fromWire(String name) {
        return name.toLowerCase(Locale.ROOT).equals("createdat") ? CREATED_AT : null;
    }
}

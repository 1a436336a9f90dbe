package dev.assay.specification;

import dev.assay.common.SortField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields specifications can be sorted by, with their columns. */
enum SpecificationSort implements SortField {
    CREATED_AT("s.created_at");

    private final String column;

    SpecificationSort(String column) {
        this.column = column;
    }

    @Override
    public String column() {
        return column;
    }

    static @Nullable SpecificationSort fromWire(String name) {
        return name.toLowerCase(Locale.ROOT).equals("createdat") ? CREATED_AT : null;
    }
}

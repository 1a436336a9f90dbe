package dev.assay.product;

import dev.assay.common.SortField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields products and versions can be sorted by, with their columns. */
enum ProductSort implements SortField {
    CREATED_AT("created_at"), NAME("name");

    private final String column;

    ProductSort(String column) {
        this.column = column;
    }

    @Override
    public String column() {
        return column;
    }

    static @Nullable ProductSort fromWire(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "createdat" -> CREATED_AT;
            case "name" -> NAME;
            default -> null;
        };
    }
}

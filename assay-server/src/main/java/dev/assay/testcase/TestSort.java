package dev.assay.testcase;

import dev.assay.common.SortField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields tests can be sorted by, with their columns. */
enum TestSort implements SortField {
    CREATED_AT("t.created_at"),
    NAME("t.name");

    private final String column;

    TestSort(String column) {
        this.column = column;
    }

    @Override
    public String column() {
        return column;
    }

    static @Nullable TestSort fromWire(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "createdat" -> CREATED_AT;
            case "name" -> NAME;
            default -> null;
        };
    }
}

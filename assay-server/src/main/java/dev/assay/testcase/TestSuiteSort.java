package dev.assay.testcase;

import dev.assay.common.SortField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields test suites can be sorted by, with their columns. */
enum TestSuiteSort implements SortField {
    CREATED_AT("t.created_at"), NAME("t.name");

    private final String column;

    TestSuiteSort(String column) {
        this.column = column;
    }

    @Override
    public String column() {
        return column;
    }

    static @Nullable TestSuiteSort fromWire(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "createdat" -> CREATED_AT;
            case "name" -> NAME;
            default -> null;
        };
    }
}

package dev.assay.testcase;

import dev.assay.common.SortField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields test cases can be sorted by, with their columns. */
enum TestCaseSort implements SortField {
    CREATED_AT("tc.created_at");

    private final String column;

    TestCaseSort(String column) {
        this.column = column;
    }

    @Override
    public String column() {
        return column;
    }

    static @Nullable TestCaseSort fromWire(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "createdat" -> CREATED_AT;
            default -> null;
        };
    }
}

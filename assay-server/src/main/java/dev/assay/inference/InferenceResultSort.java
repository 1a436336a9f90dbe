package dev.assay.inference;

import dev.assay.common.SortField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields inference results can be sorted by, with their columns. */
enum InferenceResultSort implements SortField {
    CREATED_AT("r.created_at"), INDEX("r.idx");

    private final String column;

    InferenceResultSort(String column) {
        this.column = column;
    }

    @Override
    public String column() {
        return column;
    }

    static @Nullable InferenceResultSort fromWire(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "createdat" -> CREATED_AT;
            case "index" -> INDEX;
            default -> null;
        };
    }
}

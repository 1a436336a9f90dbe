package dev.assay.evaluation;

import dev.assay.common.SortField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The fields evaluations can be sorted by, with their columns. */
enum EvaluationSort implements SortField {
    CREATED_AT("e.created_at"), SCORE("e.score");

    private final String column;

    EvaluationSort(String column) {
        this.column = column;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public boolean nullable() {
        return this == SCORE;
    }

    static @Nullable EvaluationSort fromWire(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "createdat" -> CREATED_AT;
            case "score" -> SCORE;
            default -> null;
        };
    }
}

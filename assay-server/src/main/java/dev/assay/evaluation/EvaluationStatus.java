package dev.assay.evaluation;

import dev.assay.common.AssayException;
import java.util.Locale;

/** The lifecycle of an evaluation. CANCELLED and OUTDATED are accepted as filters only. */
public enum EvaluationStatus {
    PENDING, PENDING_HUMAN, SUCCESS, FAILED, SKIPPED, CANCELLED, OUTDATED;

    static EvaluationStatus fromWire(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AssayException.invalidField("statuses", "unknown status '" + value + "'");
        }
    }

    /** Whether the evaluation has its one result and workers leave it alone. */
    public boolean isFinal() {
        return switch (this) {
            case SUCCESS, FAILED, SKIPPED, CANCELLED, OUTDATED -> true;
            case PENDING, PENDING_HUMAN -> false;
        };
    }
}

package dev.assay.inference;

import dev.assay.common.AssayException;
import java.util.Locale;

/** The state of a turn's output. */
public enum InferenceResultStatus {
    PENDING, GENERATED, FAILED, SKIPPED;

    static InferenceResultStatus fromWire(String field, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AssayException.invalidField(field, "must be one of PENDING, GENERATED, FAILED, SKIPPED");
        }
    }
}

package dev.assay.session;

import dev.assay.common.AssayException;
import java.util.Locale;

/** The lifecycle of a session. */
public enum SessionStatus {
    PENDING, COMPLETED, FAILED;

    /** Reads a status case-insensitively; anything else is a 400 naming the field. */
    static SessionStatus fromWire(String field, String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AssayException.invalidField(field, "must be one of PENDING, COMPLETED, FAILED");
        }
    }
}

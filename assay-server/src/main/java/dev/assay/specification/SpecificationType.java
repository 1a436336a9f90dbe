package dev.assay.specification;

import dev.assay.common.AssayException;
import java.util.Locale;
import java.util.Map;

/** What a specification states about the product. */
enum SpecificationType {
    CAPABILITY, INABILITY, POLICY;

    private static final Map<String, String> TEST_TYPES = Map.of(
            "ACCURACY", "ACCURACY", "QUALITY", "ACCURACY",
            "SECURITY", "SECURITY", "RED_TEAMING", "SECURITY",
            "BEHAVIOR", "BEHAVIOR", "SCENARIOS", "BEHAVIOR");

    static SpecificationType fromWire(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AssayException.invalidField("type", "must be CAPABILITY, INABILITY or POLICY");
        }
    }

    /** The canonical test type for either vocabulary (QUALITY → ACCURACY, ...). */
    static String testTypeFromWire(String value) {
        String canonical = TEST_TYPES.get(value.strip().toUpperCase(Locale.ROOT));
        if (canonical == null) {
            throw AssayException.invalidField("testType", "must be ACCURACY, SECURITY or BEHAVIOR");
        }
        return canonical;
    }
}

package dev.assay.testcase;

import dev.assay.common.AssayException;
import java.util.Locale;

/**
 * What a test suite checks. Galtea's docs use two vocabularies; both are accepted and the newer one is
 * emitted (docs/reference/galtea-contract.md §5.1, §8 item 25).
 */
public enum TestSuiteType {
    ACCURACY, SECURITY, BEHAVIOR;

    /** Either vocabulary, in any case: {@code QUALITY} is {@code ACCURACY}, and so on. */
    static TestSuiteType fromWire(String value) {
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "ACCURACY", "QUALITY" -> ACCURACY;
            case "SECURITY", "RED_TEAMING" -> SECURITY;
            case "BEHAVIOR", "SCENARIOS" -> BEHAVIOR;
            default -> throw AssayException.invalidField("type",
                    "must be ACCURACY, SECURITY or BEHAVIOR (or QUALITY, RED_TEAMING, SCENARIOS)");
        };
    }
}

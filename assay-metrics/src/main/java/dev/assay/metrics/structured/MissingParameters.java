package dev.assay.metrics.structured;

import dev.assay.metrics.MetricInput;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Finds the required parameters that count as missing under spec §0.2. */
final class MissingParameters {

    static final String ACTUAL_OUTPUT = "actual_output";
    static final String EXPECTED_OUTPUT = "expected_output";

    private MissingParameters() {}

    /** The Galtea names of {@code actual_output} and {@code expected_output} if absent or empty. */
    static List<String> ofOutputs(MetricInput input) {
        List<String> missing = new ArrayList<>(2);
        if (isMissing(input.actualOutput())) {
            missing.add(ACTUAL_OUTPUT);
        }
        if (isMissing(input.expectedOutput())) {
            missing.add(EXPECTED_OUTPUT);
        }
        return missing;
    }

    /** Whether a string parameter counts as missing: {@code null} or empty; whitespace is present. */
    static boolean isMissing(@Nullable String value) {
        return value == null || value.isEmpty();
    }
}

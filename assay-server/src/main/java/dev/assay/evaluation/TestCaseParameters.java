package dev.assay.evaluation;

import dev.assay.auth.Caller;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The evaluation parameters a session's test case provides (expected output, tools, goal, ...). */
@Component
class TestCaseParameters {

    /** What a test case contributes; every value absent for a production session. */
    record Values(
            @Nullable String expectedOutput,
            @Nullable String context,
            @Nullable List<String> expectedTools,
            @Nullable String userPersona,
            @Nullable String goal,
            @Nullable String scenario,
            @Nullable List<String> stoppingCriterias) {

        static final Values NONE = new Values(null, null, null, null, null, null, null);
    }

    Values of(Caller caller, @Nullable String testCaseId) {
        return Values.NONE;
    }
}

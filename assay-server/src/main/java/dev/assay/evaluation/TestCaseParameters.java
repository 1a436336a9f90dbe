package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.testcase.TestCase;
import dev.assay.testcase.TestCaseService;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The evaluation parameters a session's test case provides (expected output, tools, goal, ...). */
@Component
class TestCaseParameters {
    private final TestCaseService testCases;

    TestCaseParameters(TestCaseService testCases) {
        this.testCases = testCases;
    }

    /** What a test case contributes; every value absent for a production session. */
    record Values(
            @Nullable String input,
            @Nullable String expectedOutput,
            @Nullable String context,
            @Nullable List<String> expectedTools,
            @Nullable String userPersona,
            @Nullable String goal,
            @Nullable String scenario,
            @Nullable List<String> stoppingCriterias) {

        static final Values NONE = new Values(null, null, null, null, null, null, null, null);
    }

    /** The test case's values; none for a production session or a test case deleted since. */
    Values of(Caller caller, @Nullable String testCaseId) {
        if (testCaseId == null) {
            return Values.NONE;
        }
        return testCases.findTestCase(caller, testCaseId)
                .map(TestCaseParameters::values)
                .orElse(Values.NONE);
    }

    private static Values values(TestCase testCase) {
        return new Values(testCase.input(), testCase.expectedOutput(), testCase.context(), testCase.expectedTools(),
                testCase.userPersona(), testCase.goal(), testCase.scenario(), testCase.stoppingCriterias());
    }
}

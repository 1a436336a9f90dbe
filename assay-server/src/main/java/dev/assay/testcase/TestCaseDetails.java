package dev.assay.testcase;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The client-supplied fields of a test case, besides its test. */
public record TestCaseDetails(
        @Nullable String input,
        @Nullable String expectedOutput,
        @Nullable String context,
        @Nullable List<String> expectedTools,
        @Nullable String variant,
        @Nullable String strategy,
        @Nullable String source,
        @Nullable String userPersona,
        @Nullable String scenario,
        @Nullable String goal,
        @Nullable Integer maxIterations,
        @Nullable String initialPrompt,
        @Nullable List<String> stoppingCriterias,
        @Nullable String reviewedById,
        @Nullable String languageCode,
        @Nullable Integer userScore,
        @Nullable String userScoreReason,
        @Nullable Double confidence,
        @Nullable String confidenceReason) {

    public TestCaseDetails {
        expectedTools = expectedTools == null ? null : List.copyOf(expectedTools);
        stoppingCriterias = stoppingCriterias == null ? null : List.copyOf(stoppingCriterias);
    }
}

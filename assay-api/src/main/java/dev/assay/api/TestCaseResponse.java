package dev.assay.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A test case: one input with what a good answer looks like. Timestamps are ISO 8601 UTC with
 * milliseconds.
 *
 * @param expectedTools {@code null} when the test case names no expected tools
 * @param stoppingCriterias {@code null} when the test case has none
 * @param userScore {@code 1}, {@code 0}, {@code -1} or {@code null}
 */
public record TestCaseResponse(
        String id,
        String testId,
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
        @Nullable String confidenceReason,
        String createdAt,
        @Nullable String deletedAt) {}

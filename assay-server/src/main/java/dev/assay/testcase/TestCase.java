package dev.assay.testcase;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A test case: one input of a test with what a good answer looks like. Sessions take their
 * {@code context} from it, and evaluations their expected output, tools, goal, persona, scenario
 * and stopping criteria. {@code expectedTools} and {@code stoppingCriterias} are {@code null}
 * when the client gave none, which is not the same as an empty list.
 */
public record TestCase(
        UUID id,
        UUID organizationId,
        UUID testId,
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
        Instant createdAt,
        @Nullable Instant deletedAt) {

    public TestCase {
        requireNonNull(id, "id");
        requireNonNull(organizationId, "organizationId");
        requireNonNull(testId, "testId");
        expectedTools = expectedTools == null ? null : List.copyOf(expectedTools);
        stoppingCriterias = stoppingCriterias == null ? null : List.copyOf(stoppingCriterias);
        if (userScore != null && (userScore < -1 || userScore > 1)) {
            throw new IllegalArgumentException("userScore must be 1, 0 or -1: " + userScore);
        }
        requireNonNull(createdAt, "createdAt");
    }
}

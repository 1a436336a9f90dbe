package dev.assay.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Creates a test case of a test of the caller's organization. Only {@code testId} is required.
 *
 * <p>Sessions created with this test case's id take its {@code context}; evaluations read
 * {@code input}, {@code expectedOutput}, {@code expectedTools}, {@code goal}, {@code userPersona},
 * {@code scenario} and {@code stoppingCriterias} from it.
 *
 * @param expectedTools the tool names the product is expected to call; list elements must not be null
 * @param stoppingCriterias when a simulated conversation should end; list elements must not be null
 * @param maxIterations the most turns of a simulated conversation; positive when given
 * @param userScore a reviewer's verdict: {@code 1}, {@code 0} or {@code -1}
 */
public record CreateTestCaseRequest(
        @NotBlank @Nullable String testId,
        @Nullable String input,
        @Nullable String expectedOutput,
        @Nullable String context,
        @Nullable List<@NotNull String> expectedTools,
        @Nullable String variant,
        @Nullable String strategy,
        @Nullable String source,
        @Nullable String userPersona,
        @Nullable String scenario,
        @Nullable String goal,
        @Positive @Nullable Integer maxIterations,
        @Nullable String initialPrompt,
        @Nullable List<@NotNull String> stoppingCriterias,
        @Nullable String reviewedById,
        @Nullable String languageCode,
        @Min(-1) @Max(1) @Nullable Integer userScore,
        @Nullable String userScoreReason,
        @Nullable Double confidence,
        @Nullable String confidenceReason) {

    /** Starts a request for a test case of the given test. */
    public static Builder forTest(String testId) {
        return new Builder(testId);
    }

    /** Builds a {@link CreateTestCaseRequest}; every field but the test is optional. */
    public static final class Builder {
        private final String testId;
        private @Nullable String input;
        private @Nullable String expectedOutput;
        private @Nullable String context;
        private @Nullable List<String> expectedTools;
        private @Nullable String variant;
        private @Nullable String strategy;
        private @Nullable String source;
        private @Nullable String userPersona;
        private @Nullable String scenario;
        private @Nullable String goal;
        private @Nullable Integer maxIterations;
        private @Nullable String initialPrompt;
        private @Nullable List<String> stoppingCriterias;
        private @Nullable String reviewedById;
        private @Nullable String languageCode;
        private @Nullable Integer userScore;
        private @Nullable String userScoreReason;
        private @Nullable Double confidence;
        private @Nullable String confidenceReason;

        private Builder(String testId) {
            this.testId = testId;
        }

        public Builder input(@Nullable String value) {
            input = value;
            return this;
        }
        public Builder expectedOutput(@Nullable String value) {
            expectedOutput = value;
            return this;
        }
        public Builder context(@Nullable String value) {
            context = value;
            return this;
        }
        public Builder expectedTools(@Nullable List<String> value) {
            expectedTools = value;
            return this;
        }
        public Builder variant(@Nullable String value) {
            variant = value;
            return this;
        }
        public Builder strategy(@Nullable String value) {
            strategy = value;
            return this;
        }
        public Builder source(@Nullable String value) {
            source = value;
            return this;
        }
        public Builder userPersona(@Nullable String value) {
            userPersona = value;
            return this;
        }
        public Builder scenario(@Nullable String value) {
            scenario = value;
            return this;
        }
        public Builder goal(@Nullable String value) {
            goal = value;
            return this;
        }
        public Builder maxIterations(@Nullable Integer value) {
            maxIterations = value;
            return this;
        }
        public Builder initialPrompt(@Nullable String value) {
            initialPrompt = value;
            return this;
        }
        public Builder stoppingCriterias(@Nullable List<String> value) {
            stoppingCriterias = value;
            return this;
        }
        public Builder reviewedById(@Nullable String value) {
            reviewedById = value;
            return this;
        }
        public Builder languageCode(@Nullable String value) {
            languageCode = value;
            return this;
        }
        public Builder userScore(@Nullable Integer value) {
            userScore = value;
            return this;
        }
        public Builder userScoreReason(@Nullable String value) {
            userScoreReason = value;
            return this;
        }
        public Builder confidence(@Nullable Double value) {
            confidence = value;
            return this;
        }
        public Builder confidenceReason(@Nullable String value) {
            confidenceReason = value;
            return this;
        }

        public CreateTestCaseRequest build() {
            return new CreateTestCaseRequest(testId, input, expectedOutput, context, expectedTools, variant, strategy,
                    source, userPersona, scenario, goal, maxIterations, initialPrompt, stoppingCriterias, reviewedById,
                    languageCode, userScore, userScoreReason, confidence, confidenceReason);
        }
    }
}

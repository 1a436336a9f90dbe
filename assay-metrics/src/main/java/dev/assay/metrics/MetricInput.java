package dev.assay.metrics;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The evaluation parameters a deterministic metric may read, named as in Galtea's
 * {@code evaluation_params}.
 *
 * <p>Every component is nullable: {@code null} means the parameter is absent. For string
 * parameters an empty string also counts as missing; for list parameters an empty list is a real
 * value. Lists are copied on construction, so an instance is immutable.
 *
 * @param input the user's message ({@code input})
 * @param actualOutput the model's answer ({@code actual_output})
 * @param expectedOutput the reference answer ({@code expected_output})
 * @param retrievalContext the RAG context used to answer ({@code retrieval_context})
 * @param toolsUsed names of the tools the model called ({@code tools_used})
 * @param expectedTools names of the tools it should have called ({@code expected_tools})
 */
public record MetricInput(
        @Nullable String input,
        @Nullable String actualOutput,
        @Nullable String expectedOutput,
        @Nullable String retrievalContext,
        @Nullable List<String> toolsUsed,
        @Nullable List<String> expectedTools) {

    public MetricInput {
        toolsUsed = toolsUsed == null ? null : List.copyOf(toolsUsed);
        expectedTools = expectedTools == null ? null : List.copyOf(expectedTools);
    }

    /** An input with only the actual and expected output set. */
    public static MetricInput ofOutputs(@Nullable String actualOutput, @Nullable String expectedOutput) {
        return new MetricInput(null, actualOutput, expectedOutput, null, null, null);
    }

    /** An input with only the used and expected tools set. */
    public static MetricInput ofTools(@Nullable List<String> toolsUsed, @Nullable List<String> expectedTools) {
        return new MetricInput(null, null, null, null, toolsUsed, expectedTools);
    }
}

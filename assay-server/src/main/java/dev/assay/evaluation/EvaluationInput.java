package dev.assay.evaluation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a scorer may read about the evaluated turn or conversation, named after Galtea's
 * evaluation parameters. {@code null} means the parameter is not available. For a
 * conversation-level evaluation the single-turn parameters are those of the last turn and
 * {@code conversationTurns} holds every turn in order. {@code toolsUsed}, {@code traces} and, when
 * the turn has none of its own, {@code retrievalContext} come from the turn's spans.
 */
public record EvaluationInput(
        @Nullable String input,
        @Nullable String actualOutput,
        @Nullable String expectedOutput,
        @Nullable String context,
        @Nullable String retrievalContext,
        @Nullable List<String> toolsUsed,
        @Nullable List<String> expectedTools,
        @Nullable String productDescription,
        @Nullable String productCapabilities,
        @Nullable String productInabilities,
        @Nullable String productSecurityBoundaries,
        @Nullable String userPersona,
        @Nullable String goal,
        @Nullable String scenario,
        @Nullable List<String> stoppingCriterias,
        List<Turn> conversationTurns,
        @Nullable String traces) {

    /** The parameters without {@code traces} (a turn with no spans, or a caller that reads none). */
    public EvaluationInput(@Nullable String input, @Nullable String actualOutput, @Nullable String expectedOutput,
            @Nullable String context, @Nullable String retrievalContext, @Nullable List<String> toolsUsed,
            @Nullable List<String> expectedTools, @Nullable String productDescription,
            @Nullable String productCapabilities, @Nullable String productInabilities,
            @Nullable String productSecurityBoundaries, @Nullable String userPersona, @Nullable String goal,
            @Nullable String scenario, @Nullable List<String> stoppingCriterias, List<Turn> conversationTurns) {
        this(input, actualOutput, expectedOutput, context, retrievalContext, toolsUsed, expectedTools,
                productDescription, productCapabilities, productInabilities, productSecurityBoundaries, userPersona,
                goal, scenario, stoppingCriterias, conversationTurns, null);
    }

    public EvaluationInput {
        toolsUsed = toolsUsed == null ? null : List.copyOf(toolsUsed);
        expectedTools = expectedTools == null ? null : List.copyOf(expectedTools);
        stoppingCriterias = stoppingCriterias == null ? null : List.copyOf(stoppingCriterias);
        conversationTurns = List.copyOf(conversationTurns);
    }

    /** One turn of the conversation: the user's input and the model's output. */
    public record Turn(@Nullable String input, @Nullable String actualOutput) {}
}

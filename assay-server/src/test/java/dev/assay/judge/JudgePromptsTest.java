package dev.assay.judge;

import static dev.assay.judge.JudgeFixtures.builtIn;
import static dev.assay.judge.JudgeFixtures.everyParameter;
import static dev.assay.judge.JudgeFixtures.partialPrompt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.evaluation.EvaluationInput;
import dev.assay.metric.EvaluationParameter;
import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JudgePromptsTest {
    private static final Pattern BLOCK = Pattern.compile("(?m)^<([a-z_]+)>$");

    /** The parameter blocks of a user message, in order: the lines that are only an opening tag. */
    static List<String> blocks(String user) {
        List<String> names = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(user);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    static Stream<MetricDefinition> builtInJudgeMetrics() {
        return JudgeFixtures.builtInJudgeMetrics().stream();
    }

    private static JudgePrompts.JudgePrompt ready(MetricDefinition metric, EvaluationInput input) {
        JudgePrompts.Result result = JudgePrompts.build(metric, input);
        assertThat(result).isInstanceOf(JudgePrompts.Result.Ready.class);
        return ((JudgePrompts.Result.Ready) result).prompt();
    }

    @Nested
    class BuiltIns {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.assay.judge.JudgePromptsTest#builtInJudgeMetrics")
        void build_everyBuiltInJudgeMetric_hasItsOwnRubric(MetricDefinition metric) {
            assertThat(BuiltInRubrics.find(metric.name())).isPresent();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.assay.judge.JudgePromptsTest#builtInJudgeMetrics")
        void build_everyBuiltInJudgeMetric_sendsExactlyTheDeclaredParameters(MetricDefinition metric) {
            Rubric rubric = BuiltInRubrics.find(metric.name()).orElseThrow();

            JudgePrompts.JudgePrompt prompt = ready(metric, everyParameter());

            List<String> expected = new ArrayList<>();
            if (rubric.conversational()) {
                expected.add("conversation");
            }
            metric.evaluationParams().stream()
                    .filter(parameter -> !(rubric.conversational() && List.of("input", "actual_output").contains(parameter)))
                    .forEach(expected::add);
            assertThat(blocks(prompt.user())).containsExactlyElementsOf(expected);
            for (EvaluationParameter parameter : EvaluationParameter.values()) {
                String value = "value of " + parameter.wireName();
                boolean sent = metric.evaluationParams().contains(parameter.wireName())
                        && !(rubric.conversational() && List.of("input", "actual_output").contains(parameter.wireName()));
                assertThat(prompt.user().contains(value + "\n")).as("%s sent", parameter.wireName()).isEqualTo(sent);
            }
            assertThat(prompt.scale()).isEqualTo(rubric.scale());
            assertThat(prompt.system()).contains(metric.name()).contains(rubric.scale().instruction());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.assay.judge.JudgePromptsTest#builtInJudgeMetrics")
        void build_everyRubric_namesOnlyDeclaredParameters(MetricDefinition metric) {
            String criteria = BuiltInRubrics.find(metric.name()).orElseThrow().criteria();

            for (EvaluationParameter parameter : EvaluationParameter.values()) {
                if (criteria.contains("<" + parameter.wireName() + ">")) {
                    assertThat(metric.evaluationParams()).as("%s names <%s>", metric.name(), parameter.wireName())
                            .contains(parameter.wireName());
                }
            }
        }

        @Test
        void build_conversationalMetric_sendsEveryTurnInOrder() {
            JudgePrompts.JudgePrompt prompt = ready(builtIn("Conversation Completeness"), everyParameter());

            assertThat(prompt.user()).contains("""
                    <conversation>
                    <turn number="1">
                    <input>first question</input>
                    <actual_output>first answer</actual_output>
                    </turn>
                    <turn number="2">
                    <input>second question</input>
                    <actual_output>second answer</actual_output>
                    </turn>
                    <turn number="3">
                    <input>third question</input>
                    <actual_output>third answer</actual_output>
                    </turn>
                    </conversation>""");
            assertThat(prompt.user()).doesNotContain("value of input", "value of actual_output");
        }

        @Test
        void build_conversationalMetricWithoutTurns_isMissingInputAndOutput() {
            EvaluationInput noTurns = new EvaluationInput("q", "a", null, null, null, null, null, null, null, null, null, null,
                    "value of goal", null, null, List.of());

            assertThat(JudgePrompts.build(builtIn("User Objective Accomplished"), noTurns))
                    .isEqualTo(new JudgePrompts.Result.Missing(List.of("input", "actual_output")));
        }

        @Test
        void build_withEmptyStringParameter_treatsItAsMissing() {
            EvaluationInput input = new EvaluationInput("q", "a", null, null, "", null, null, null, null, null, null, null, null,
                    null, null, List.of());

            assertThat(JudgePrompts.build(builtIn("Faithfulness"), input))
                    .isEqualTo(new JudgePrompts.Result.Missing(List.of("retrieval_context")));
        }

        @Test
        void build_withWhitespaceOnlyParameter_sendsIt() {
            EvaluationInput input = new EvaluationInput("q", " ", null, null, null, null, null, null, null, null, null, null, null,
                    null, null, List.of());

            assertThat(JudgePrompts.build(builtIn("Answer Relevancy"), input)).isInstanceOf(JudgePrompts.Result.Ready.class);
        }

        @Test
        void build_builtInWithoutRubric_isUnusable() {
            MetricDefinition unknown = JudgeFixtures.custom(MetricSource.GEVAL, List.of("input"), null, null);

            assertThat(JudgePrompts.build(unknown, everyParameter())).isInstanceOf(JudgePrompts.Result.Unusable.class);
        }
    }

    @Nested
    class CustomPrompts {

        @Test
        void build_partialPrompt_isTheSelectedParametersInOrderThenTheJudgePrompt() {
            JudgePrompts.JudgePrompt prompt = ready(partialPrompt(List.of("input", "expected_tools", "context"),
                    "  Score 1 when the tools fit the request.  ", null), everyParameter());

            assertThat(prompt.user()).isEqualTo("""
                    <input>
                    value of input
                    </input>

                    <expected_tools>
                    - value of expected_tools
                    </expected_tools>

                    <context>
                    value of context
                    </context>

                    Score 1 when the tools fit the request.
                    """);
            assertThat(prompt.scale()).isEqualTo(ScoreScale.CONTINUOUS);
        }

        @Test
        void build_partialPromptWithConversationTurns_sendsTheTranscript() {
            JudgePrompts.JudgePrompt prompt = ready(partialPrompt(List.of("conversation_turns"), "Judge it.", null), everyParameter());

            assertThat(blocks(prompt.user())).containsExactly("conversation_turns");
            assertThat(prompt.user()).containsSubsequence("first question", "second answer", "third answer");
        }

        @Test
        void build_partialPromptWithTraces_isMissingTraces() {
            assertThat(JudgePrompts.build(partialPrompt(List.of("input", "traces"), "Judge it.", null), everyParameter()))
                    .isEqualTo(new JudgePrompts.Result.Missing(List.of("traces")));
        }

        @Test
        void build_partialPromptWithEmptyList_sendsNone() {
            EvaluationInput input = new EvaluationInput("q", "a", null, null, null, List.of(), null, null, null, null, null, null,
                    null, null, null, List.of());

            JudgePrompts.JudgePrompt prompt = ready(partialPrompt(List.of("tools_used"), "Judge it.", null), input);

            assertThat(prompt.user()).startsWith("<tools_used>\n(none)\n</tools_used>");
        }

        @Test
        void build_partialPromptWithoutJudgePrompt_isUnusable() {
            assertThat(JudgePrompts.build(partialPrompt(List.of("input"), " ", null), everyParameter()))
                    .isInstanceOf(JudgePrompts.Result.Unusable.class);
        }

        @Test
        void build_fullPrompt_fillsItsPlaceholdersAndPrependsTheOtherParameters() {
            MetricDefinition metric = JudgeFixtures.custom(MetricSource.FULL_PROMPT, List.of("input", "actual_output"),
                    "Question: {{input}}\nRate the answer's clarity.", null);

            JudgePrompts.JudgePrompt prompt = ready(metric, everyParameter());

            assertThat(prompt.user()).isEqualTo("""
                    <actual_output>
                    value of actual_output
                    </actual_output>

                    Question: value of input
                    Rate the answer's clarity.
                    """);
        }
    }
}

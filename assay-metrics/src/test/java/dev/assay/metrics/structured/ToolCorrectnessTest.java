package dev.assay.metrics.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ToolCorrectnessTest {

    private final ToolCorrectness metric = new ToolCorrectness();

    @Test
    void name_always_isGalteaDisplayName() {
        assertThat(metric.name()).isEqualTo("Tool Correctness");
    }

    /** docs/reference/metrics.md §14, Tool Correctness. */
    static Stream<Arguments> publicVectors() {
        return Stream.of(
                arguments(List.of("search", "calculator"), List.of("calculator", "search"), 1.0),
                arguments(List.of("search", "search", "calculator"), List.of("search", "calculator"), 1.0),
                arguments(List.of("search"), List.of("search", "calculator"), 0.0),
                arguments(List.of("search", "calculator", "send_email"), List.of("search", "calculator"), 0.0),
                arguments(List.of("Get_Weather"), List.of("get_weather"), 1.0),
                arguments(List.of("functions.get_weather"), List.of("get_weather"), 1.0),
                arguments(List.of("get-weather"), List.of("get_weather"), 1.0),
                arguments(List.of(" search "), List.of("search"), 1.0),
                arguments(List.of(), List.of("search"), 0.0),
                arguments(List.of(), List.of(), 1.0));
    }

    @ParameterizedTest
    @MethodSource("publicVectors")
    void score_publicVector_matchesSpecificationExactly(List<String> used, List<String> expected, double expectedScore) {
        MetricResult result = metric.score(MetricInput.ofTools(used, expected));

        assertThat(result).isInstanceOf(MetricResult.Scored.class);
        assertThat(((MetricResult.Scored) result).score()).isEqualTo(expectedScore);
    }

    static Stream<Arguments> normalizations() {
        return Stream.of(
                arguments("search", "search"),
                arguments("  `search`  ", "search"),
                arguments("\"search\"", "search"),
                arguments("'search'", "search"),
                arguments("\u00a0search\u2007", "search"),
                arguments("\u3000 ` search ` \u0085", "search"),
                arguments("SEARCH", "search"),
                arguments("functions.tools.get_weather", "get_weather"),
                arguments("function.get_weather", "get_weather"),
                arguments("tool.get_weather", "get_weather"),
                arguments("Tools.Get_Weather()", "get_weather"),
                arguments("functions.", "functions."),
                arguments("tool.functions.", "functions."),
                arguments("get_weather()", "get_weather"),
                arguments("get weather", "get_weather"),
                arguments("get - weather", "get_weather"),
                arguments("get__weather", "get_weather"),
                arguments("get\t\n-weather", "get_weather"),
                arguments("lookupOrder", "lookuporder"),
                arguments("my.namespace.tool", "my.namespace.tool"),
                arguments("buscar_canción", "buscar_canción"),
                arguments("İstanbul", "i̇stanbul"),
                arguments("``", ""),
                arguments("   ", ""));
    }

    @ParameterizedTest
    @MethodSource("normalizations")
    void normalize_rawName_followsSpecificationSteps(String raw, String normalized) {
        assertThat(ToolCorrectness.normalize(raw)).isEqualTo(normalized);
    }

    @Test
    void score_camelCaseVersusSnakeCase_doesNotMatch() {
        MetricResult result = metric.score(MetricInput.ofTools(List.of("lookupOrder"), List.of("lookup_order")));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.0);
    }

    @Test
    void score_namesEmptyAfterNormalization_areIgnored() {
        MetricResult result = metric.score(MetricInput.ofTools(List.of("search", " ", "``"), List.of("search", "")));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(1.0);
    }

    @Test
    void score_mismatch_reasonListsMissingAndUnexpectedTools() {
        MetricResult result = metric.score(MetricInput.ofTools(List.of("search", "send_email"), List.of("search", "calculator")));

        assertThat(result.reason()).contains("missing tools: calculator").contains("unexpected tools: send_email");
    }

    @Test
    void score_toolCalledWhenNoneExpected_scoresZero() {
        MetricResult result = metric.score(MetricInput.ofTools(List.of("search"), List.of()));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.0);
        assertThat(result.reason()).contains("unexpected tools: search");
    }

    @Test
    void score_manyToolCalls_comparesSetsInLinearTime() {
        List<String> used = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int index = 0; index < 100_000; index++) {
            used.add("tools.Tool-" + (index % 1_000));
            expected.add("tool_" + (999 - index % 1_000));
        }

        MetricResult result = metric.score(MetricInput.ofTools(used, expected));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(1.0);
    }

    @Nested
    class MissingLists {

        @Test
        void score_toolsUsedNull_skips() {
            MetricResult result = metric.score(MetricInput.ofTools(null, List.of("search")));

            assertThat(result).isInstanceOf(MetricResult.Skipped.class);
            assertThat(((MetricResult.Skipped) result).missingParameters()).containsExactly("tools_used");
        }

        @Test
        void score_expectedToolsNull_skips() {
            MetricResult result = metric.score(MetricInput.ofTools(List.of("search"), null));

            assertThat(((MetricResult.Skipped) result).missingParameters()).containsExactly("expected_tools");
        }

        @Test
        void score_bothListsNull_skipsNamingBoth() {
            MetricResult result = metric.score(MetricInput.ofTools(null, null));

            assertThat(((MetricResult.Skipped) result).missingParameters()).containsExactly("tools_used", "expected_tools");
        }
    }
}

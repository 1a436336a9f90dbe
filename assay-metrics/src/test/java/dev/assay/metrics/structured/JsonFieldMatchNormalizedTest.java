package dev.assay.metrics.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonFieldMatchNormalizedTest {

    private final JsonFieldMatchNormalized metric = new JsonFieldMatchNormalized();

    private double scoreOf(String actual, String expected) {
        MetricResult result = metric.score(MetricInput.ofOutputs(actual, expected));
        assertThat(result).isInstanceOf(MetricResult.Scored.class);
        return ((MetricResult.Scored) result).score();
    }

    @Test
    void name_always_isGalteaDisplayName() {
        assertThat(metric.name()).isEqualTo("JSON Field Match (Normalized)");
    }

    /** docs/reference/metrics.md §14, JSON Field Match (Normalized). */
    static Stream<Arguments> publicVectors() {
        return Stream.of(
                arguments("{\"answer\": \"SI\"}", "{\"answer\": \"Sí\"}", 1.0),
                arguments("{\"city\": \"jose\"}", "{\"city\": \"José\"}", 1.0),
                arguments("{\"roles\": [\"user\", \"admin\"]}", "{\"roles\": [\"ADMIN\", \"USER\"]}", 0.0),
                arguments("{\"roles\": [\"admin\", \"user\"]}", "{\"roles\": [\"ADMIN\", \"USER\"]}", 1.0),
                arguments("{\"age\": \"30\"}", "{\"age\": 30}", 0.0),
                arguments("{\"person\": {\"name\": \"maria\", \"city\": \"malaga\"}}",
                        "{\"person\": {\"name\": \"MARÍA\", \"city\": \"Málaga\"}}", 1.0),
                arguments("{\"ciudad\": \"Madrid\"}", "{\"Ciudad\": \"Madrid\"}", 0.0),
                arguments("{\"answer\": \"Si \"}", "{\"answer\": \"Sí\"}", 0.0),
                arguments("{\"a\": \"nandu\", \"b\": \"uber\", \"c\": \"y\"}", "{\"a\": \"Ñandú\", \"b\": \"Über\", \"c\": \"x\"}",
                        0.6667),
                arguments("{\"flag\": true, \"n\": null}", "{\"flag\": true, \"n\": null}", 1.0));
    }

    @ParameterizedTest
    @MethodSource("publicVectors")
    void score_publicVector_matchesSpecification(String actual, String expected, double expectedScore) {
        assertThat(scoreOf(actual, expected)).isCloseTo(expectedScore, within(0.001));
    }

    /** Pairs of strings and whether Python's NFD + drop-Mn + casefold makes them equal. */
    static Stream<Arguments> stringComparisons() {
        return Stream.of(
                arguments("François", "FRANCOIS", true),
                arguments("Straße", "STRASSE", true),
                arguments("ẞ", "ss", true),
                arguments("\u01C5ungla", "\u01C4UNGLA", true),
                arguments("\u01C5ungla", "D\u017DUNGLA", false),
                arguments("ﬁnal", "FINAL", true),
                arguments("ΟΔΟΣ", "οδος", true),
                arguments("ΟΔΟΣ", "οδοσ", true),
                arguments("µ", "μ", true),
                arguments("ſ", "s", true),
                arguments("İstanbul", "istanbul", true),
                arguments("ıstanbul", "istanbul", false),
                arguments("Ꭰ", "ꭰ", true),
                arguments("ǰ", "J", true),
                arguments("Å", "a", true),
                arguments("e\u0301", "É", true),
                arguments("ø", "o", false),
                arguments("ß", "s", false),
                arguments("\uD83D\uDE00", "\uD83D\uDE00", true),
                arguments("日本", "日本", true),
                arguments("sí", "SI ", false),
                arguments("", "", true));
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @MethodSource("stringComparisons")
    void score_stringValues_foldAccentsAndCaseLikePython(String actual, String expected, boolean equal) {
        double score = scoreOf("{\"v\": [\"" + actual + "\"]}", "{\"v\": [\"" + expected + "\"]}");

        assertThat(score).isEqualTo(equal ? 1.0 : 0.0);
    }

    @Test
    void score_numbersAndBooleans_stayStrict() {
        assertThat(scoreOf("{\"a\": 30.0, \"b\": 1, \"c\": \"28001\"}", "{\"a\": 30, \"b\": true, \"c\": 28001}"))
                .isCloseTo(1.0 / 3.0, within(1e-12));
    }

    @Test
    void score_nestedObjectKeys_areNotNormalized() {
        assertThat(scoreOf("{\"p\": {\"name\": \"ana\"}}", "{\"p\": {\"Name\": \"Ana\"}}")).isEqualTo(0.0);
    }

    @Test
    void score_longAccentedValues_normalizeInLinearTime() {
        String expected = "Ñandú ".repeat(20_000);
        String actual = "nandu ".repeat(20_000);

        assertThat(scoreOf("{\"v\": \"" + actual + "\"}", "{\"v\": \"" + expected + "\"}")).isEqualTo(1.0);
    }

    @Test
    void score_malformedExpected_fails() {
        MetricResult result = metric.score(MetricInput.ofOutputs("{\"a\": \"x\"}", "{\"a\": "));

        assertThat(result).isInstanceOf(MetricResult.Failed.class);
    }

    @Test
    void score_bothOutputsMissing_skips() {
        MetricResult result = metric.score(MetricInput.ofOutputs(null, ""));

        assertThat(((MetricResult.Skipped) result).missingParameters()).containsExactly("actual_output", "expected_output");
    }
}

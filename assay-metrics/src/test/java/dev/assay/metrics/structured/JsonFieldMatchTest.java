package dev.assay.metrics.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonFieldMatchTest {

    private final JsonFieldMatch metric = new JsonFieldMatch();

    private double scoreOf(String actual, String expected) {
        MetricResult result = metric.score(MetricInput.ofOutputs(actual, expected));
        assertThat(result).isInstanceOf(MetricResult.Scored.class);
        return ((MetricResult.Scored) result).score();
    }

    @Test
    void name_always_isGalteaDisplayName() {
        assertThat(metric.name()).isEqualTo("JSON Field Match");
    }

    /** docs/reference/metrics.md §14, JSON Field Match. */
    static Stream<Arguments> publicVectors() {
        return Stream.of(
                arguments("{\"name\": \"Ana\", \"age\": 30}", "{\"name\": \"Ana\", \"age\": 30}", 1.0),
                arguments("{\"name\": \"Ana\", \"age\": \"30\"}", "{\"name\": \"Ana\", \"age\": 30}", 0.5),
                arguments("```json\n{\"name\": \"Ana\", \"age\": 30}\n```", "{\"name\": \"Ana\", \"age\": 30}", 1.0),
                arguments("Here is the result: {\"name\": \"Ana\", \"age\": 30} Hope it helps!",
                        "{\"name\": \"Ana\", \"age\": 30}", 1.0),
                arguments("{\"name\": \"Ana\", \"age\": 30, \"city\": \"Madrid\"}", "{\"name\": \"Ana\", \"age\": 30}", 1.0),
                arguments("{\"name\": \"Ana\"}", "{\"name\": \"Ana\", \"age\": 30}", 0.5),
                arguments("{\"x\": 1}", "{}", 1.0),
                arguments("{\"address\": {\"zip\": \"28001\", \"city\": \"Madrid\"}}",
                        "{\"address\": {\"city\": \"Madrid\", \"zip\": \"28001\"}}", 1.0),
                arguments("{\"roles\": [\"user\", \"admin\"]}", "{\"roles\": [\"admin\", \"user\"]}", 0.0),
                arguments("{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 5}", "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4}", 0.75),
                arguments("{\"answer\": \"SI\"}", "{\"answer\": \"Sí\"}", 0.0));
    }

    @ParameterizedTest
    @MethodSource("publicVectors")
    void score_publicVector_matchesSpecification(String actual, String expected, double expectedScore) {
        assertThat(scoreOf(actual, expected)).isCloseTo(expectedScore, within(0.001));
    }

    /** Python's json.loads + == semantics, except true != 1 (spec §13.12). */
    static Stream<Arguments> valueComparisons() {
        return Stream.of(
                arguments("integer equals float with same value", "30", "30.0", true),
                arguments("exponent form", "100", "1E2", true),
                arguments("negative zero", "0", "-0.0", true),
                arguments("float rounding is not hidden", "0.30000000000000004", "0.3", false),
                arguments("same double from different text", "0.1", "0.10000000000000000001", true),
                arguments("big integers compare exactly", "123456789012345678901234567890",
                        "123456789012345678901234567890", true),
                arguments("big integers differing in last digit", "123456789012345678901234567890",
                        "123456789012345678901234567891", false),
                arguments("integer above 2^53 is not its rounded double", "9007199254740993", "9007199254740993.0", false),
                arguments("integer at 2^53 equals its double", "9007199254740992", "9007199254740992.0", true),
                arguments("overflowing floats are both infinity", "1e400", "2e999", true),
                arguments("infinity never equals an integer", "1e400",
                        "1" + "0".repeat(400), false),
                arguments("underflow is zero", "1e-400", "0", true),
                arguments("number never equals string", "30", "\"30\"", false),
                arguments("true is not 1", "true", "1", false),
                arguments("false is not 0", "false", "0", false),
                arguments("null equals null", "null", "null", true),
                arguments("null is not empty string", "null", "\"\"", false),
                arguments("null is not false", "null", "false", false),
                arguments("strings are case sensitive", "\"Madrid\"", "\"madrid\"", false),
                arguments("strings keep surrounding spaces", "\"Madrid \"", "\"Madrid\"", false),
                arguments("escaped and literal unicode are equal", "\"caf\\u00e9\"", "\"café\"", true),
                arguments("NFC and NFD differ in the strict variant", "\"caf\\u00e9\"", "\"cafe\\u0301\"", false),
                arguments("emoji", "\"\uD83D\uDE00\"", "\"\\ud83d\\ude00\"", true),
                arguments("arrays of different length", "[1, 2]", "[1, 2, 3]", false),
                arguments("arrays compare numbers by value", "[1, 2.0]", "[1.0, 2]", true),
                arguments("array element type matters", "[1, true]", "[1, 1]", false),
                arguments("empty containers", "[{}, []]", "[{}, []]", true),
                arguments("empty array is not empty object", "[]", "{}", false),
                arguments("nested objects need the same key set", "{\"a\": 1}", "{\"a\": 1, \"b\": null}", false),
                arguments("nested numbers by value", "{\"a\": [1, {\"b\": 2}]}", "{\"a\": [1.0, {\"b\": 2e0}]}", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueComparisons")
    void score_fieldValues_compareWithPythonSemantics(String description, String actualValue, String expectedValue,
            boolean equal) {
        double score = scoreOf("{\"v\": " + actualValue + "}", "{\"v\": " + expectedValue + "}");

        assertThat(score).isEqualTo(equal ? 1.0 : 0.0);
    }

    @Test
    void score_missingKeyVersusNull_isAMismatch() {
        assertThat(scoreOf("{\"a\": 1}", "{\"a\": 1, \"b\": null}")).isEqualTo(0.5);
    }

    @Test
    void score_duplicateKeys_lastValueWins() {
        assertThat(scoreOf("{\"a\": 2}", "{\"a\": 1, \"a\": 2}")).isEqualTo(1.0);
        assertThat(scoreOf("{\"a\": 2, \"a\": 1}", "{\"a\": 2}")).isEqualTo(0.0);
    }

    @Test
    void score_keysDifferingOnlyInCase_areDifferentFields() {
        assertThat(scoreOf("{\"Name\": \"Ana\"}", "{\"name\": \"Ana\"}")).isEqualTo(0.0);
    }

    @Test
    void score_mismatch_reasonNamesDifferentAndMissingKeys() {
        MetricResult result = metric.score(MetricInput.ofOutputs("{\"a\": 1, \"b\": 3}", "{\"a\": 1, \"b\": 2, \"c\": 3}"));

        assertThat(result.reason()).contains("1 of 3").contains("different values: b").contains("missing: c");
    }

    @Nested
    class ActualOutputExtraction {

        @Test
        void score_fenceWithoutLanguageTag_usesFenceContent() {
            assertThat(scoreOf("Result:\n```\n{\"a\": 1}\n```\nDone", "{\"a\": 1}")).isEqualTo(1.0);
        }

        @Test
        void score_twoFences_usesTheFirst() {
            String actual = "```json\n{\"a\": 1}\n```\nor maybe\n```json\n{\"a\": 2}\n```";

            assertThat(scoreOf(actual, "{\"a\": 1}")).isEqualTo(1.0);
        }

        @Test
        void score_fenceNotAnObject_fallsBackToBraces() {
            String actual = "```\nnot json\n``` but {\"a\": 1}";

            assertThat(scoreOf(actual, "{\"a\": 1}")).isEqualTo(1.0);
        }

        @Test
        void score_textSurroundedByUnicodeWhitespace_isTrimmed() {
            assertThat(scoreOf("\u00a0\u3000{\"a\": 1}\u2028", "{\"a\": 1}")).isEqualTo(1.0);
        }

        @Test
        void score_braceSpanOverTwoObjects_fails() {
            MetricResult result = metric.score(MetricInput.ofOutputs("{\"a\": 1} and {\"a\": 2}", "{\"a\": 1}"));

            assertThat(result).isInstanceOf(MetricResult.Failed.class);
        }

        @Test
        void score_arrayOfOneObject_usesBraceSpan() {
            assertThat(scoreOf("[{\"a\": 1}]", "{\"a\": 1}")).isEqualTo(1.0);
        }

        @Test
        void score_largeTextAroundLargeObject_scoresInLinearTime() {
            String filler = "lorem ipsum ".repeat(10_000);
            String value = "é".repeat(100_000);
            String actual = filler + "{\"text\": \"" + value + "\", \"n\": 1}" + filler;

            assertThat(actual.length()).isGreaterThan(300_000);
            assertThat(scoreOf(actual, "{\"text\": \"" + value + "\", \"n\": 1.0}")).isEqualTo(1.0);
        }

        @Test
        void score_deepButAllowedNesting_compares() {
            String nested = "[".repeat(400) + "1" + "]".repeat(400);

            assertThat(scoreOf("{\"a\": " + nested + "}", "{\"a\": " + nested + "}")).isEqualTo(1.0);
        }
    }

    static Stream<Arguments> unusableOutputs() {
        return Stream.of(
                arguments("expected is an array (public status vector)", "{\"a\": 1}", "[1, 2]"),
                arguments("expected is a string", "{\"a\": 1}", "\"a\""),
                arguments("expected is null", "{\"a\": 1}", "null"),
                arguments("expected is truncated", "{\"a\": 1}", "{\"a\": 1"),
                arguments("expected in a code fence is not strict JSON", "{\"a\": 1}", "```json\n{\"a\": 1}\n```"),
                arguments("expected with trailing text", "{\"a\": 1}", "{\"a\": 1} thanks"),
                arguments("expected whitespace only", "{\"a\": 1}", "  "),
                arguments("expected with NaN", "{\"a\": 1}", "{\"a\": NaN}"),
                arguments("expected with single quotes", "{\"a\": 1}", "{'a': 1}"),
                arguments("expected with trailing comma", "{\"a\": 1}", "{\"a\": 1,}"),
                arguments("expected with raw control character", "{\"a\": 1}", "{\"a\": \"x\u0001\"}"),
                arguments("expected nested too deep", "{\"a\": 1}", "{\"a\": " + "[".repeat(600) + "]".repeat(600) + "}"),
                arguments("actual has no JSON", "I could not find it.", "{\"a\": 1}"),
                arguments("actual is an array", "[1, 2]", "{\"a\": 1}"),
                arguments("actual with NaN", "{\"a\": NaN}", "{\"a\": 1}"),
                arguments("actual with Infinity", "{\"a\": -Infinity}", "{\"a\": 1}"),
                arguments("actual whitespace only", " \n", "{\"a\": 1}"),
                arguments("actual with unclosed fence and no braces", "```json\n[1]", "{\"a\": 1}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableOutputs")
    void score_unusableJson_fails(String description, String actual, String expected) {
        MetricResult result = metric.score(MetricInput.ofOutputs(actual, expected));

        assertThat(result).isInstanceOf(MetricResult.Failed.class);
        assertThat(result.reason()).isNotBlank();
    }

    @Test
    void score_expectedNotAnObject_reasonSaysSo() {
        MetricResult result = metric.score(MetricInput.ofOutputs("{\"a\": 1}", "[1, 2]"));

        assertThat(result.reason()).isEqualTo("expected_output must be a JSON object, not an array");
    }

    @Test
    void score_expectedOutputEmpty_skips() {
        MetricResult result = metric.score(MetricInput.ofOutputs("{\"a\": 1}", ""));

        assertThat(((MetricResult.Skipped) result).missingParameters()).containsExactly("expected_output");
    }

    @Test
    void score_actualOutputNull_skips() {
        MetricResult result = metric.score(MetricInput.ofOutputs(null, "{\"a\": 1}"));

        assertThat(((MetricResult.Skipped) result).missingParameters()).containsExactly("actual_output");
    }
}

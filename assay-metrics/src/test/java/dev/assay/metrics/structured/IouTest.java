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

class IouTest {

    private final Iou metric = new Iou();

    @Test
    void name_always_isGalteaDisplayName() {
        assertThat(metric.name()).isEqualTo("IOU");
    }

    /** docs/reference/metrics.md §14, IOU. */
    static Stream<Arguments> publicVectors() {
        return Stream.of(
                arguments("[[10, 10, 50, 50], [100, 100, 120, 120]]", "[10, 10, 50, 50]", 1.0),
                arguments("{\"bboxes\": [[10, 10, 50, 50], [100, 100, 120, 120]]}", "{\"bbox\": [10, 10, 50, 50]}", 1.0),
                arguments("[[0, 0, 10, 10]]", "[5, 5, 15, 15]", 0.1429),
                arguments("[[0, 0, 10, 10]]", "[20, 20, 30, 30]", 0.0),
                arguments("[[0, 0, 10, 10]]", "[10, 0, 20, 10]", 0.0),
                arguments("[[0, 0, 10, 10]]", "[2, 2, 8, 8]", 0.36),
                arguments("{\"bboxes\": [[0, 0, 4, 4]]}", "{\"bbox\": [2, 0, 6, 4]}", 0.3333),
                arguments("[[0.1, 0.1, 0.5, 0.5]]", "[0.3, 0.3, 0.7, 0.7]", 0.1429),
                arguments("[[0, 0, 10, 10], [5, 5, 15, 15], [100, 100, 110, 110]]", "[4, 4, 14, 14]", 0.6807),
                arguments("[0, 0, 10, 10]", "[[20, 20, 30, 30], [0, 0, 10, 5]]", 0.5));
    }

    @ParameterizedTest
    @MethodSource("publicVectors")
    void score_publicVector_matchesSpecification(String actual, String expected, double expectedScore) {
        MetricResult result = metric.score(MetricInput.ofOutputs(actual, expected));

        assertThat(result).isInstanceOf(MetricResult.Scored.class);
        assertThat(((MetricResult.Scored) result).score()).isCloseTo(expectedScore, within(0.001));
    }

    static Stream<Arguments> edgeCases() {
        return Stream.of(
                arguments("exact fraction 25/175", "[[0, 0, 10, 10]]", "[5, 5, 15, 15]", 25.0 / 175.0),
                arguments("empty predicted list", "[]", "[0, 0, 10, 10]", 0.0),
                arguments("empty bboxes object", "{\"bboxes\": []}", "{\"bbox\": [0, 0, 1, 1]}", 0.0),
                arguments("reversed corners have no area", "[[10, 10, 0, 0]]", "[0, 0, 10, 10]", 0.0),
                arguments("zero-area boxes", "[[5, 5, 5, 5]]", "[5, 5, 5, 5]", 0.0),
                arguments("corner touch", "[[0, 0, 10, 10]]", "[10, 10, 20, 20]", 0.0),
                arguments("negative coordinates", "[[-10, -10, 0, 0]]", "[-5, -5, 5, 5]", 25.0 / 175.0),
                arguments("exponent and decimals", "[[0e0, 0.0, 1E1, 10]]", "[0, 0, 10, 10.0]", 1.0),
                arguments("extra keys ignored", "{\"bboxes\": [[0, 0, 10, 10]], \"labels\": [\"cat\"]}",
                        "{\"bbox\": [0, 0, 10, 10], \"label\": \"cat\"}", 1.0),
                arguments("surrounding JSON whitespace", "\n [[0, 0, 10, 10]] \t", " [0, 0, 10, 10]\r\n", 1.0),
                arguments("huge integers", "[[0, 0, 100000000000000000000, 100000000000000000000]]",
                        "[0, 0, 100000000000000000000, 100000000000000000000]", 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edgeCases")
    void score_edgeCase_computesIou(String description, String actual, String expected, double expectedScore) {
        MetricResult result = metric.score(MetricInput.ofOutputs(actual, expected));

        assertThat(result).isInstanceOf(MetricResult.Scored.class);
        assertThat(((MetricResult.Scored) result).score()).isCloseTo(expectedScore, within(1e-12));
    }

    static Stream<Arguments> malformedInputs() {
        return Stream.of(
                arguments("truncated JSON (public status vector)", "[[0, 0, 10", "[0, 0, 10, 10]"),
                arguments("not JSON", "the box is at the top left", "[0, 0, 10, 10]"),
                arguments("three coordinates", "[[0, 0, 10]]", "[0, 0, 10, 10]"),
                arguments("five coordinates", "[[0, 0, 10, 10, 10]]", "[0, 0, 10, 10]"),
                arguments("flat box with wrong arity", "[0, 0, 10]", "[0, 0, 10, 10]"),
                arguments("string coordinate", "[[0, 0, \"10\", 10]]", "[0, 0, 10, 10]"),
                arguments("boolean coordinate", "[[0, 0, true, 10]]", "[0, 0, 10, 10]"),
                arguments("null coordinate", "[[0, 0, null, 10]]", "[0, 0, 10, 10]"),
                arguments("NaN token", "[[0, 0, NaN, 10]]", "[0, 0, 10, 10]"),
                arguments("Infinity token", "[[0, 0, Infinity, 10]]", "[0, 0, 10, 10]"),
                arguments("overflowing coordinate", "[[0, 0, 1e400, 10]]", "[0, 0, 10, 10]"),
                arguments("areas overflow a double", "[[-1e308, -1e308, 1e308, 1e308]]", "[0, 0, 10, 10]"),
                arguments("mixed list", "[[0, 0, 10, 10], 5]", "[0, 0, 10, 10]"),
                arguments("nested too deep", "[[[0, 0, 10, 10]]]", "[0, 0, 10, 10]"),
                arguments("wrong key in actual", "{\"boxes\": [[0, 0, 10, 10]]}", "[0, 0, 10, 10]"),
                arguments("wrong key in expected", "[[0, 0, 10, 10]]", "{\"bboxes\": [0, 0, 10, 10]}"),
                arguments("bboxes holding a flat box", "{\"bboxes\": [0, 0, 10, 10]}", "[0, 0, 10, 10]"),
                arguments("bbox holding a list of boxes", "[[0, 0, 10, 10]]", "{\"bbox\": [[0, 0, 10, 10]]}"),
                arguments("bboxes not an array", "{\"bboxes\": \"[0, 0, 10, 10]\"}", "[0, 0, 10, 10]"),
                arguments("scalar", "42", "[0, 0, 10, 10]"),
                arguments("empty ground truth", "[[0, 0, 10, 10]]", "[]"),
                arguments("whitespace only", "   ", "[0, 0, 10, 10]"),
                arguments("trailing garbage", "[[0, 0, 10, 10]] and more", "[0, 0, 10, 10]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInputs")
    void score_malformedBoxes_fails(String description, String actual, String expected) {
        MetricResult result = metric.score(MetricInput.ofOutputs(actual, expected));

        assertThat(result).isInstanceOf(MetricResult.Failed.class);
        assertThat(result.reason()).isNotBlank();
    }

    @Nested
    class WhenOutputsMissing {

        @Test
        void score_expectedOutputNull_skipsNamingIt() {
            MetricResult result = metric.score(MetricInput.ofOutputs("[[0, 0, 1, 1]]", null));

            assertThat(result).isInstanceOf(MetricResult.Skipped.class);
            assertThat(((MetricResult.Skipped) result).missingParameters()).containsExactly("expected_output");
        }

        @Test
        void score_bothOutputsEmpty_skipsNamingBoth() {
            MetricResult result = metric.score(MetricInput.ofOutputs("", ""));

            assertThat(((MetricResult.Skipped) result).missingParameters())
                    .containsExactly("actual_output", "expected_output");
        }
    }

    @Test
    void score_successfulMatch_reasonNamesBestPair() {
        MetricResult result = metric.score(MetricInput.ofOutputs("[[0, 0, 10, 10], [1.5, 0, 2, 1]]", "[5, 5, 15, 15]"));

        assertThat(result.reason()).contains("0.1429").contains("[0, 0, 10, 10]").contains("[5, 5, 15, 15]");
    }

    @Test
    void score_manyBoxes_takesMaximumOverAllPairs() {
        StringBuilder predicted = new StringBuilder("[");
        for (int index = 0; index < 5_000; index++) {
            predicted.append('[').append(index * 20).append(", 0, ").append(index * 20 + 10).append(", 10],");
        }
        predicted.append("[0, 0, 10, 10]]");
        StringBuilder truths = new StringBuilder("[");
        for (int index = 0; index < 50; index++) {
            truths.append("[1000000, 1000000, 1000001, 1000001],");
        }
        truths.append("[20000, 0, 20010, 10]]");

        MetricResult result = metric.score(MetricInput.ofOutputs(predicted.toString(), truths.toString()));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(1.0);
        assertThat(predicted.length()).isGreaterThan(100_000);
    }
}

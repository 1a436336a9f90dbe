package dev.assay.metrics.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpatialMatchTest {

    private final SpatialMatch metric = new SpatialMatch();

    @Test
    void name_always_isGalteaDisplayName() {
        assertThat(metric.name()).isEqualTo("Spatial Match");
    }

    /** docs/reference/metrics.md §14, Spatial Match. */
    static Stream<Arguments> publicVectors() {
        return Stream.of(
                arguments("[[10, 10, 50, 50], [100, 100, 120, 120]]", "[10, 10, 50, 50]", 1.0),
                arguments("[[0, 0, 10, 10]]", "[0, 0, 10, 5]", 1.0),
                arguments("[[0, 0, 4, 4]]", "[2, 0, 6, 4]", 0.0),
                arguments("[[0, 0, 10, 10]]", "[1, 0, 11, 10]", 1.0),
                arguments("[[0, 0, 10, 10]]", "[20, 20, 30, 30]", 0.0),
                arguments("{\"bboxes\": [[0, 0, 10, 10], [50, 50, 60, 60]]}", "{\"bbox\": [52, 52, 62, 62]}", 0.0),
                arguments("[[0, 0, 10, 10]]", "[2, 2, 8, 8]", 0.0),
                arguments("[[0, 0, 10, 10], [5, 5, 15, 15]]", "[4, 4, 14, 14]", 1.0));
    }

    @ParameterizedTest
    @MethodSource("publicVectors")
    void score_publicVector_matchesSpecificationExactly(String actual, String expected, double expectedScore) {
        MetricResult result = metric.score(MetricInput.ofOutputs(actual, expected));

        assertThat(result).isInstanceOf(MetricResult.Scored.class);
        assertThat(((MetricResult.Scored) result).score()).isEqualTo(expectedScore);
    }

    @Test
    void score_iouExactlyHalf_passes() {
        MetricResult result = metric.score(MetricInput.ofOutputs("[0, 0, 10, 10]", "[[0, 0, 10, 5]]"));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(1.0);
        assertThat(result.reason()).contains("0.5000");
    }

    @Test
    void score_iouJustBelowHalf_fails() {
        // 49.99 / 100 overlap of a 10x10 box with its lower part.
        MetricResult result = metric.score(MetricInput.ofOutputs("[[0, 0, 10, 10]]", "[0, 0, 10, 4.999]"));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.0);
    }

    @Test
    void score_emptyPrediction_scoresZero() {
        MetricResult result = metric.score(MetricInput.ofOutputs("{\"bboxes\": []}", "{\"bbox\": [0, 0, 1, 1]}"));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.0);
    }

    @Test
    void score_truncatedJson_fails() {
        MetricResult result = metric.score(MetricInput.ofOutputs("[[0, 0, 10", "[0, 0, 10, 10]"));

        assertThat(result).isInstanceOf(MetricResult.Failed.class);
    }

    @Test
    void score_actualOutputMissing_skips() {
        MetricResult result = metric.score(MetricInput.ofOutputs(null, "[0, 0, 10, 10]"));

        assertThat(((MetricResult.Skipped) result).missingParameters()).containsExactly("actual_output");
    }
}

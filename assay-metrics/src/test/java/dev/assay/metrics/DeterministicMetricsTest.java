package dev.assay.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeterministicMetricsTest {

    private static final List<String> OUTPUTS = List.of("actual_output", "expected_output");

    /** docs/reference/metrics.md §0.1: display name, alias and required evaluation parameters, in table order. */
    static Stream<Arguments> specTable() {
        return Stream.of(
                arguments("BLEU", "bleu", OUTPUTS),
                arguments("ROUGE", "rouge", OUTPUTS),
                arguments("METEOR", "meteor", OUTPUTS),
                arguments("Text Similarity", "text_similarity", OUTPUTS),
                arguments("Text Match", "text_match", OUTPUTS),
                arguments("IOU", "iou", OUTPUTS),
                arguments("Spatial Match", "spatial_match", OUTPUTS),
                arguments("URL Validation", "url_validation", List.of("actual_output")),
                arguments("Tool Correctness", "tool_correctness", List.of("tools_used", "expected_tools")),
                arguments("JSON Field Match", "json_field_match", OUTPUTS),
                arguments("JSON Field Match (Normalized)", "json_field_match_normalized", OUTPUTS));
    }

    @Nested
    class All {

        @Test
        void all_always_listsTheElevenMetricsInSpecOrder() {
            List<String> specNames = specTable().map(row -> (String) row.get()[0]).toList();

            assertThat(DeterministicMetrics.all()).extracting(Metric::name).containsExactlyElementsOf(specNames);
        }

        @Test
        void all_always_hasElevenDistinctNames() {
            assertThat(DeterministicMetrics.all()).extracting(Metric::name).hasSize(11).doesNotHaveDuplicates();
        }

        @Test
        void all_calledTwice_returnsTheSameInstances() {
            List<Metric> first = DeterministicMetrics.all();
            List<Metric> second = DeterministicMetrics.all();

            for (int index = 0; index < first.size(); index++) {
                assertThat(second.get(index)).isSameAs(first.get(index));
            }
        }

        @Test
        void all_modified_throws() {
            assertThatThrownBy(() -> DeterministicMetrics.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Find {

        @ParameterizedTest
        @MethodSource("dev.assay.metrics.DeterministicMetricsTest#specTable")
        void find_displayName_returnsMetricWithThatName(String displayName, String alias, List<String> parameters) {
            assertThat(DeterministicMetrics.find(displayName)).hasValueSatisfying(
                    metric -> assertThat(metric.name()).isEqualTo(displayName));
        }

        @ParameterizedTest
        @MethodSource("dev.assay.metrics.DeterministicMetricsTest#specTable")
        void find_alias_returnsMetricNamedByDisplayName(String displayName, String alias, List<String> parameters) {
            assertThat(DeterministicMetrics.find(alias)).hasValueSatisfying(
                    metric -> assertThat(metric.name()).isEqualTo(displayName));
        }

        @ParameterizedTest
        @MethodSource("dev.assay.metrics.DeterministicMetricsTest#specTable")
        void find_nameAndAlias_returnTheSharedInstanceOfAll(String displayName, String alias, List<String> parameters) {
            Metric listed = DeterministicMetrics.all().stream()
                    .filter(metric -> metric.name().equals(displayName))
                    .findFirst()
                    .orElseThrow();

            assertThat(DeterministicMetrics.find(displayName)).containsSame(listed);
            assertThat(DeterministicMetrics.find(alias)).containsSame(listed);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Bleu", "bleU", "Rouge", "Meteor", "text similarity", "Text similarity", "TEXT SIMILARITY", "TEXT_SIMILARITY",
                "Iou", "url validation", "Json Field Match", "JSON Field Match (normalized)", "JSON_FIELD_MATCH"
        })
        void find_displayNameInOtherCase_isEmpty(String wrongCase) {
            assertThat(DeterministicMetrics.find(wrongCase)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "", " ", "BLEU ", " bleu", "Faithfulness", "rouge-l", "text-similarity", "Text Match (Deprecated)",
                "json_field_match_normalised"
        })
        void find_unknownName_isEmpty(String unknown) {
            assertThat(DeterministicMetrics.find(unknown)).isEmpty();
        }

        @Test
        void find_null_throws() {
            assertThatThrownBy(() -> DeterministicMetrics.find(null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class RequiredParametersOf {

        @ParameterizedTest
        @MethodSource("dev.assay.metrics.DeterministicMetricsTest#specTable")
        void requiredParameters_displayNameOrAlias_areTheSpecParameters(
                String displayName, String alias, List<String> parameters) {
            assertThat(DeterministicMetrics.requiredParameters(displayName)).isEqualTo(parameters);
            assertThat(DeterministicMetrics.requiredParameters(alias)).isEqualTo(parameters);
        }

        @Test
        void requiredParameters_everyMetric_areWhatItNamesWhenNothingIsGiven() {
            MetricInput nothing = new MetricInput(null, null, null, null, null, null);

            for (Metric metric : DeterministicMetrics.all()) {
                MetricResult result = metric.score(nothing);

                assertThat(result).as(metric.name()).isInstanceOf(MetricResult.Skipped.class);
                assertThat(((MetricResult.Skipped) result).missingParameters())
                        .as(metric.name())
                        .isEqualTo(DeterministicMetrics.requiredParameters(metric.name()));
            }
        }

        @Test
        void requiredParameters_unknownName_throws() {
            assertThatThrownBy(() -> DeterministicMetrics.requiredParameters("Bleu"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unknown deterministic metric: Bleu");
        }

        @Test
        void requiredParameters_modified_throws() {
            assertThatThrownBy(() -> DeterministicMetrics.requiredParameters("BLEU").add("input"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }
}

package dev.assay.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextSimilarityTest {

    private final TextSimilarity similarity = new TextSimilarity();

    @Test
    void name_always_isGalteaDisplayName() {
        assertThat(similarity.name()).isEqualTo("Text Similarity");
    }

    @Nested
    class KnownAnswers {

        static Stream<Arguments> publicVectors() {
            return Stream.of(
                    arguments("this is a test", "this is a test!", 0.9655, "rapidfuzz fuzz.ratio docstring (96.55)"),
                    arguments("lewenstein", "levenshtein", 0.8571, "rapidfuzz Indel.normalized_similarity docstring (0.857)"),
                    arguments("South Korea", "North Korea", 0.8182, "rapidfuzz test_Indel.py issue 196 (distance 4)"),
                    arguments("aaaa", "bbbb", 0.0, "rapidfuzz test_Indel.py test_basic (distance 8)"),
                    arguments("new york mets", "new york mets", 1.0, "rapidfuzz test_fuzz.py test_no_processor"),
                    arguments("new york mets", "new YORK mets", 0.6923, "rapidfuzz test_fuzz.py (case-sensitive, != 100)"),
                    arguments("qabxcd", "abycdf", 0.6667, "rapidfuzz test_Indel.py editops (4 ops)"),
                    arguments("Lorem ipsum.", "XYZLorem ABC iPsum", 0.6667, "rapidfuzz test_Indel.py editops (10 ops)"),
                    arguments("caf\u00e9", "cafe", 0.75, "computed with the reference implementation"),
                    arguments("aaabaaa", "abbaaabba", 0.625, "computed with the reference implementation"));
        }

        @ParameterizedTest(name = "[{index}] {3}")
        @MethodSource("publicVectors")
        void score_publicVector_matchesRapidfuzzRatio(String actual, String expected, double expectedScore, String origin) {
            MetricResult result = similarity.score(MetricInput.ofOutputs(actual, expected));

            assertThat(((MetricResult.Scored) result).score()).isCloseTo(expectedScore, within(1e-4));
        }

        static Stream<Arguments> codePointVectors() {
            return Stream.of(
                    arguments("\ud83d\ude00", "\ud83d\ude01", 0.0, "one emoji each, different: no common code point"),
                    arguments("a\ud83d\ude00", "a\ud83d\ude01", 0.5, "2 * 1 / 4 code points, not 2 * 2 / 6 UTF-16 units"),
                    arguments("\u6211\u559c\u6b22\u732b", "\u6211\u559c\u6b22\u72d7", 0.75, "CJK: 2 * 3 / 8"),
                    arguments("cafe\u0301", "caf\u00e9", 2.0 * 3 / 9, "no Unicode normalisation: 5 vs 4 code points"),
                    arguments(" ", "  ", 2.0 * 1 / 3, "whitespace-only is scored"));
        }

        @ParameterizedTest(name = "[{index}] {3}")
        @MethodSource("codePointVectors")
        void score_unicodeText_comparesCodePoints(String actual, String expected, double expectedScore, String origin) {
            MetricResult result = similarity.score(MetricInput.ofOutputs(actual, expected));

            assertThat(((MetricResult.Scored) result).score()).isCloseTo(expectedScore, within(1e-12));
        }

        @Test
        void score_oneCharacterAdded_reasonGivesDistance() {
            MetricResult result = similarity.score(MetricInput.ofOutputs("this is a test", "this is a test!"));

            assertThat(result.reason())
                    .isEqualTo("Text Similarity 0.9655: Indel distance 1 over 29 characters (longest common subsequence 14)");
        }
    }

    @Nested
    class MissingParameters {

        @Test
        void score_actualOutputEmpty_skipsNamingIt() {
            MetricResult result = similarity.score(MetricInput.ofOutputs("", "hello"));

            assertThat(result).isEqualTo(MetricResult.Skipped.missing(List.of("actual_output")));
        }

        @Test
        void score_expectedOutputNull_skipsNamingIt() {
            MetricResult result = similarity.score(MetricInput.ofOutputs("hello", null));

            assertThat(result).isEqualTo(MetricResult.Skipped.missing(List.of("expected_output")));
        }
    }

    @Nested
    class LargeInputs {

        @Test
        @Timeout(10)
        void score_hundredThousandCharacterTexts_finishesQuickly() {
            String actual = LongTexts.words(100_000, 11);
            String expected = LongTexts.words(100_000, 12);

            MetricResult result = similarity.score(MetricInput.ofOutputs(actual, expected));

            // rapidfuzz 3.14.6 fuzz.ratio / 100 on the same two texts: 0.5005274868128297.
            assertThat(((MetricResult.Scored) result).score()).isCloseTo(0.5005274868128297, within(1e-12));
        }

        @Test
        @Timeout(10)
        void score_hundredThousandCodePointsOfCjkAndEmoji_finishesQuickly() {
            String actual = LongTexts.codePoints(100_000, 0x1F300, 500, 13) + LongTexts.codePoints(100_000, 0x4E00, 5_000, 14);
            String expected = LongTexts.codePoints(100_000, 0x4E00, 5_000, 15);

            MetricResult result = similarity.score(MetricInput.ofOutputs(actual, expected));

            assertThat(((MetricResult.Scored) result).score()).isBetween(0.0, 2.0 / 3);
        }

        @Test
        void score_hundredThousandCharactersDifferingInTheMiddle_isExact() {
            String half = LongTexts.words(50_000, 16);
            String actual = half + "X" + half;
            String expected = half + "YZ" + half;

            MetricResult result = similarity.score(MetricInput.ofOutputs(actual, expected));

            int lengthSum = actual.length() + expected.length();
            assertThat(((MetricResult.Scored) result).score()).isEqualTo(1.0 - 3.0 / lengthSum);
        }
    }
}

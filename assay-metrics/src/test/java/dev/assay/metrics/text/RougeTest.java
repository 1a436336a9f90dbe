package dev.assay.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RougeTest {

    private final Rouge rouge = new Rouge();

    @Test
    void name_always_isGalteaDisplayName() {
        assertThat(rouge.name()).isEqualTo("ROUGE");
    }

    @Nested
    class KnownAnswers {

        static Stream<Arguments> publicVectors() {
            return Stream.of(
                    arguments("testing one", "testing one two", 0.8, "rouge_scorer_test.py testRougeLConsecutive (0.8)"),
                    arguments("testing two", "testing one two", 0.8, "rouge_scorer_test.py testRougeLNonConsecutive (0.8)"),
                    arguments("rFDJCRtion Ht-LM EKtDXkME,yz'RBr q'wer wrojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxi",
                            "ZfbCUIUuePaiLVUlCaUXxkpu XPeWing tUHfPMuZ',-Xd Y BrUgVJing M-HV.-DgdDaY.rFDJCRing Ht-LM EKBDXkME,yz'RBr q'wtion wIojNbN wL,b .a-'XdQggyFl jB-RPP'iyOIcUxer tKM L",
                            0.5116, "rouge_scorer_test.py testRougeLAgainstRouge155, line 1 (0.51163)"),
                    arguments(
                            "n cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMer pstion sbKao Q m qier LMmed HqqLFXe,XPY,J XsurkMeo ,ed nB'wH'bWVHjWFEer tQ.saefZwJtKrTlixYpMMNJtion UCAPwNHeYVjD",
                            "KsJdPByEtAor fE-Qg Dpdbring cw-WeFyu vC MoBL Xdn g wkvcEiGvKtion BDFhrpMtion psing sbKao Q m qiing LMmer HqqLFXe,XPY,J XsurkMer ,ed nB'wH'bWVHjWFEing tQ.saefZwJtKrTlixYpMMsJing UCAPwNHeYVjDing c T BUySKtion gMPfJpwGw p'NvxAoping eu pBwMBKV'I DNxqelhu,PHPxDEq,mtion SN",
                            0.5, "rouge_scorer_test.py testRougeLAgainstRouge155, line 2 (0.50000)"),
                    arguments("/", "w1 w2 w3 w4 w5", 0.0, "rouge_scorer_test.py: prediction of only non-word characters (0.0)"),
                    arguments("The quick brown dog jumps on the log.", "The quick brown fox jumps over the lazy dog", 0.5882,
                            "computed with rouge-score (the RougeScorer docstring sample pair)"),
                    arguments("hello world", "Hello, World!", 1.0,
                            "computed with rouge-score; tokenizer lower-cases and drops punctuation"),
                    arguments("d c b a", "a b c d", 0.25, "computed with the reference implementation"),
                    arguments("the cat is running", "the cats are running", 0.5,
                            "computed with rouge-score, use_stemmer=False (cats/cat and is/are differ)"),
                    arguments("El nino comio", "El ni\u00f1o comi\u00f3", 0.2857,
                            "computed with rouge-score; \u00f1 and \u00f3 act as separators (ni, o, comi)"),
                    arguments("\u6211\u559c\u6b22\u732b \ud83d\ude00", "\u6211\u559c\u6b22\u732b", 0.0,
                            "hand-computed: CJK and emoji are separators only, no tokens"),
                    arguments("Caf\u00e9 au lait", "cafe au lait", 0.6667,
                            "hand-computed: \u00e9 separates (caf, au, lait vs cafe, au, lait), LCS 2 of 3 on both sides"));
        }

        @ParameterizedTest(name = "[{index}] {3}")
        @MethodSource("publicVectors")
        void score_publicVector_matchesRougeScore(String actual, String expected, double expectedScore, String origin) {
            MetricResult result = rouge.score(MetricInput.ofOutputs(actual, expected));

            assertThat(((MetricResult.Scored) result).score()).isCloseTo(expectedScore, within(1e-4));
        }

        @Test
        void score_nonConsecutiveMatch_reasonGivesLcsPrecisionAndRecall() {
            MetricResult result = rouge.score(MetricInput.ofOutputs("testing two", "testing one two"));

            assertThat(result.reason()).isEqualTo(
                    "ROUGE-L 0.8000: longest common subsequence 2 tokens, precision 1.0000 (actual 2 tokens), recall 0.6667 (expected 3)");
        }
    }

    @Nested
    class Tokenization {

        static Stream<Arguments> tokenizations() {
            return Stream.of(
                    arguments("Hello, World!", List.of("hello", "world")),
                    arguments("El ni\u00f1o comi\u00f3", List.of("el", "ni", "o", "comi")),
                    arguments("informaci\u00f3n", List.of("informaci", "n")),
                    arguments("COVID-19 in 2020's", List.of("covid", "19", "in", "2020", "s")),
                    arguments("\u0130stanbul", List.of("i", "stanbul")),
                    arguments(" \t ", List.of()));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("tokenizations")
        void tokenize_text_keepsLowerCaseAsciiAlphanumericRuns(String text, List<String> expectedTokens) {
            assertThat(Rouge.tokenize(text)).containsExactlyElementsOf(expectedTokens);
        }
    }

    @Nested
    class EdgeCases {

        @Test
        void score_expectedOutputNull_skipsNamingIt() {
            MetricResult result = rouge.score(MetricInput.ofOutputs("text", null));

            assertThat(result).isEqualTo(MetricResult.Skipped.missing(List.of("expected_output")));
        }

        @Test
        void score_whitespaceOnlyActualOutput_scoresZero() {
            MetricResult result = rouge.score(MetricInput.ofOutputs("   ", "some words"));

            assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.0);
        }

        @Test
        @Timeout(10)
        void score_hundredThousandCharacterTexts_finishesQuickly() {
            String actual = LongTexts.words(100_000, 31);
            String expected = LongTexts.words(100_000, 32);

            MetricResult result = rouge.score(MetricInput.ofOutputs(actual, expected));

            // rouge-score's F-measure formula with rapidfuzz LCSseq for the LCS: 0.29907769780234816.
            assertThat(((MetricResult.Scored) result).score()).isCloseTo(0.29907769780234816, within(1e-12));
        }

        @Test
        void score_hundredThousandCharacterIdenticalTexts_scoresOne() {
            String text = LongTexts.words(100_000, 33);

            MetricResult result = rouge.score(MetricInput.ofOutputs(text, text.toUpperCase(Locale.ROOT)));

            assertThat(((MetricResult.Scored) result).score()).isEqualTo(1.0);
        }
    }
}

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

class BleuTest {

    private final Bleu bleu = new Bleu();

    @Test
    void name_always_isGalteaDisplayName() {
        assertThat(bleu.name()).isEqualTo("BLEU");
    }

    @Nested
    class KnownAnswers {

        static Stream<Arguments> publicVectors() {
            return Stream.of(
                    arguments(
                            "Produc\u021bia de zah\u0103r prim\u0103 va fi exprimat\u0103 \u00een ceea ce prive\u0219te zah\u0103rul alb;",
                            "produc\u0163ia de zah\u0103r brut se exprim\u0103 \u00een zah\u0103r alb;", 0.0849,
                            "sacrebleu test_sentence_bleu.py (exp, 13a): 8.493/100"),
                    arguments("this is a test", "this is a test", 1.0, "sacrebleu test_bleu.py raw case (1.0)"),
                    arguments("this is a fest", "this is a test", 0.5946, "computed with sacrebleu sentence_bleu defaults"),
                    arguments("test", "a test", 0.3679, "sacrebleu test_bleu.py effective-order case (0.3679)"),
                    arguments("a little test", "a test", 0.3467, "computed with sacrebleu sentence_bleu defaults"),
                    arguments("this is a cat", "okay thanks", 0.0, "sacrebleu test_sentence_bleu.py zero-BLEU case (#141)"),
                    arguments("The dog bit the man.", "The dog bit the man.", 1.0, "sacrebleu README example sentence vs itself"),
                    arguments("It wasn't surprising.", "It was not unexpected.", 0.1479,
                            "computed with sacrebleu sentence_bleu defaults (sentences from the sacrebleu README example)"),
                    arguments("The man had just bitten him.", "The man bit him first.", 0.1562,
                            "computed with sacrebleu sentence_bleu defaults (sentences from the sacrebleu README example)"),
                    arguments("The cat sat on the mat.", "the cat sat on the mat.", 0.8091,
                            "computed with sacrebleu sentence_bleu defaults; case-sensitive (\"The\" vs \"the\")"),
                    arguments("The quick brown dog jumps on the log.", "The quick brown fox jumps over the lazy dog", 0.2111,
                            "computed with sacrebleu sentence_bleu defaults"),
                    arguments("\u00bfQu\u00e9 tal?", "\u00bfQu\u00e9 tal?", 1.0,
                            "hand-computed: identical text, non-ASCII punctuation stays glued"));
        }

        @ParameterizedTest(name = "[{index}] {3}")
        @MethodSource("publicVectors")
        void score_publicVector_matchesSacrebleu(String actual, String expected, double expectedScore, String origin) {
            MetricResult result = bleu.score(MetricInput.ofOutputs(actual, expected));

            assertThat(result).isInstanceOf(MetricResult.Scored.class);
            assertThat(((MetricResult.Scored) result).score()).isCloseTo(expectedScore, within(1e-4));
        }

        @Test
        void score_partialOverlap_reasonListsPrecisionsAndLengths() {
            MetricResult result = bleu.score(MetricInput.ofOutputs("this is a fest", "this is a test"));

            assertThat(result.reason())
                    .isEqualTo("BLEU 0.5946: precisions 0.75/0.67/0.50/0.50, brevity penalty 1.00 (hypothesis 4 tokens, reference 4)");
        }
    }

    /** Random word salads from a differential run against sacrebleu 2.6.0 (13,000 pairs, no difference above 1e-15). */
    @Nested
    class ReferenceCrossChecks {

        static Stream<Arguments> computedWithSacrebleu() {
            return Stream.of(
                    arguments("by mat 2,000ational guide.", "\ud83d\ude00s barter away mat 2,000ational guide", 0.32555630133216135),
                    arguments("happy Goose a.", "happy Goose noter in", 0.31947155212313627),
                    arguments("that  formalise  They  geese!", "that formalise tiesment geese", 0.23643540225079385),
                    arguments("Home!", "Home", 0.49999999999999994),
                    arguments("ran trail auto solar would denotativeed hg in preachifiedfully snuck Running e-mail guide.",
                            "ski trail auto solar would reallot hg in preachifiedfully snuck Running e-mail guide", 0.6162607099729587),
                    arguments("flies  genus  allometric  impossible!", "carest stageful genus impossible allometric", 0.14058533129758727));
        }

        @ParameterizedTest
        @MethodSource("computedWithSacrebleu")
        void score_randomPair_equalsSacrebleuToTheLastDigits(String actual, String expected, double sacrebleuScore) {
            MetricResult result = bleu.score(MetricInput.ofOutputs(actual, expected));

            assertThat(((MetricResult.Scored) result).score()).isCloseTo(sacrebleuScore, within(1e-12));
        }
    }

    @Nested
    class MissingParameters {

        @Test
        void score_expectedOutputNull_skipsNamingIt() {
            MetricResult result = bleu.score(MetricInput.ofOutputs("The cat sat.", null));

            assertThat(result).isEqualTo(MetricResult.Skipped.missing(List.of("expected_output")));
        }

        @Test
        void score_actualOutputEmpty_skipsNamingIt() {
            MetricResult result = bleu.score(MetricInput.ofOutputs("", "The cat sat."));

            assertThat(result).isEqualTo(MetricResult.Skipped.missing(List.of("actual_output")));
        }

        @Test
        void score_bothMissing_skipsNamingBoth() {
            MetricResult result = bleu.score(MetricInput.ofOutputs(null, ""));

            assertThat(result).isEqualTo(MetricResult.Skipped.missing(List.of("actual_output", "expected_output")));
        }

        @Test
        void score_actualOutputWhitespaceOnly_scoresZero() {
            MetricResult result = bleu.score(MetricInput.ofOutputs(" \t\n", "The cat sat."));

            assertThat(result).isEqualTo(new MetricResult.Scored(0.0,
                    "BLEU 0.0000: no n-gram of the hypothesis occurs in the reference (hypothesis 0 tokens, reference 4)"));
        }
    }

    @Nested
    class EdgeCases {

        @Test
        void score_identicalEmojiAndCjkText_scoresOne() {
            String text = "\u6211\u559c\u6b22\u732b \ud83d\ude00 \u00e9t\u00e9 na\u00efve \u6211\u559c\u6b22\u72d7";

            MetricResult result = bleu.score(MetricInput.ofOutputs(text, text));

            assertThat(((MetricResult.Scored) result).score()).isEqualTo(1.0);
        }

        @Test
        void score_caseDiffers_isCaseSensitive() {
            MetricResult result = bleu.score(MetricInput.ofOutputs("HELLO WORLD", "hello world"));

            assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.0);
        }

        @Test
        @Timeout(10)
        void score_hundredThousandCharacterTexts_finishesQuickly() {
            String actual = LongTexts.words(100_000, 1);
            String expected = LongTexts.words(100_000, 2);

            MetricResult result = bleu.score(MetricInput.ofOutputs(actual, expected));

            // sacrebleu 2.6.0 sentence_bleu on the same two texts: 0.31893770478488115.
            assertThat(((MetricResult.Scored) result).score()).isCloseTo(0.31893770478488115, within(1e-12));
        }

        @Test
        void score_hundredThousandCharacterIdenticalTexts_scoresOne() {
            String text = LongTexts.words(100_000, 3);

            MetricResult result = bleu.score(MetricInput.ofOutputs(text, text));

            assertThat(((MetricResult.Scored) result).score()).isEqualTo(1.0);
        }
    }
}

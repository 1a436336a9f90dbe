package dev.assay.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MeteorTest {

    private final Meteor meteor = new Meteor();

    @Test
    void name_always_isGalteaDisplayName() {
        assertThat(meteor.name()).isEqualTo("METEOR");
    }

    @Nested
    class KnownAnswers {

        static Stream<Arguments> publicVectors() {
            return Stream.of(
                    arguments("It is a guide to action which ensures that the military always obeys the commands of the party",
                            "It is a guide to action that ensures that the military will forever heed Party commands", 0.6944,
                            "NLTK meteor_score docstring (0.6944)"),
                    arguments("John loves Mary", "The candidate has no alignment to any of the references", 0.0,
                            "NLTK meteor.doctest no-alignment (0.0)"),
                    arguments("The cat sat on the mat", "The cat sat on the mat", 0.9977,
                            "NLTK meteor.doctest wikipedia example (~0.9977)"),
                    arguments("on the mat sat the cat", "The cat sat on the mat", 0.5, "NLTK meteor.doctest wikipedia example (0.5)"),
                    arguments("The cat was sat on the mat", "The cat sat on the mat", 0.9654,
                            "NLTK meteor.doctest wikipedia example (0.9654)"),
                    arguments("creates or updates a virtual machine scale set", "create or update a vm set", 0.7806,
                            "NLTK meteor.doctest issue #2751 (0.7806)"),
                    arguments("THIS Is a tEST", "this is a test", 0.9922,
                            "NLTK test_meteor.py (0.9921875, best of two references there; same value with this single reference)"),
                    arguments("It is to insure the troops forever hearing the activity guidebook that party direct",
                            "It is a guide to action that ensures that the military will forever heed Party commands", 0.3035,
                            "computed with NLTK meteor + WordNet 3.0 (hypothesis2 vs reference1 of the NLTK docstring)"),
                    arguments("the car is red", "the auto is red", 0.9922,
                            "computed with NLTK meteor + WordNet 3.0; car/auto matched in the synonym stage"),
                    arguments("the house is big", "the house is large", 0.7361,
                            "computed with NLTK meteor + WordNet 3.0; big/large NOT matched because the synonym stage compares against the stem \"larg\""),
                    arguments("The cat sat on the mat.", "The cat sat on the mat", 0.83,
                            "computed with NLTK meteor on whitespace tokens; \"mat.\" never matches \"mat\" (spec choice: whitespace tokenisation)"),
                    arguments("the flies", "the fly", 0.9375,
                            "computed with NLTK meteor; needs the NLTK_EXTENSIONS Porter stemmer (fly and flies both -> fli); Martin-mode Porter gives 0.25"));
        }

        @ParameterizedTest(name = "[{index}] {3}")
        @MethodSource("publicVectors")
        void score_publicVector_matchesNltk(String actual, String expected, double expectedScore, String origin) {
            MetricResult result = meteor.score(MetricInput.ofOutputs(actual, expected));

            assertThat(((MetricResult.Scored) result).score()).isCloseTo(expectedScore, within(1e-4));
        }

        @Test
        void score_synonymStage_reasonCountsEachStage() {
            MetricResult result = meteor.score(MetricInput.ofOutputs("the cars is red", "the auto is red"));

            assertThat(result.reason()).isEqualTo("METEOR 0.9922: 4 aligned words (3 exact, 0 stem, 1 synonym) in 1 chunks,"
                    + " precision 1.0000 (hypothesis 4 tokens), recall 1.0000 (reference 4), fragmentation penalty 0.0078");
        }
    }

    /**
     * Random word salads from a differential run against NLTK 3.10.3 {@code single_meteor_score} with
     * WordNet 3.0 and NLTK 3.8's {@code _morphy} restored (13,000 pairs, no difference above 1e-15).
     */
    @Nested
    class ReferenceCrossChecks {

        static Stream<Arguments> computedWithNltk() {
            return Stream.of(
                    arguments("by mat 2,000ational guide.", "\ud83d\ude00s barter away mat 2,000ational guide", 0.5076628352490421,
                            "synonym stage used"),
                    arguments("caf\u00e9ful she tarponest (see mat in HEED goosier party &amp;est!",
                            "caf\u00e9 she (see all mat in obeysness bestational HEED goosier party &amp;", 0.635593220338983,
                            "stem stage used"),
                    arguments("Monocracy peeed bardeen sat wicket doorest robed WASN'T rally ",
                            "Monocracy pee large sat wicket doorest robed WASN'T her", 0.7687074829931974, "synonym stage used"),
                    arguments("its fare across serrate.", "its come across serrate", 0.7361111111111112, "synonym stage used"),
                    arguments("resettle  unrealised  littlely  onfullyed  reiterateful ", "2,000 unrealised little onfully reiterateful",
                            0.7937500000000002, "stem stage used"),
                    arguments("unbalanced  happily  minor", "unbalanced happily child", 0.9814814814814815, "synonym stage used"),
                    arguments("MONKEY around or monophysiteation runsed exoergic reaction wellation abbreviate",
                            "Monkey around or monophysiteation runs exoergic reaction wellation abbreviate idler", 0.9084673899488716,
                            "synonym stage used"),
                    arguments("just glory fill X\u00a0ymentational sat!", "Good glory fill X\u00a0yment sat", 0.6614583333333333,
                            "synonym stage used"),
                    arguments("ready-cooked  banter  frequency-response  telekinesis  Retransmitted  bovine!",
                            "ready-cooked initialize frequency-response kid telekinesis Retransmitted Dying bovine", 0.47692307692307695,
                            "synonym stage used"),
                    arguments("have irk ran was gabon extend to chiliastic large be their runs.",
                            "have irk for was gabon extend to chiliastic large be their runs <b>", 0.8440643218655903,
                            "synonym stage used"),
                    arguments("ferment man A boastfully!", "working man a large", 0.7361111111111112, "synonym stage used"),
                    arguments("genus  were  (SEE  that  druse  push  barter  wasn't",
                            "genus hydnocarpus (see that druse meditate push out be wasn't", 0.5841316118284048, "synonym stage used"));
        }

        @ParameterizedTest(name = "[{index}] {3}")
        @MethodSource("computedWithNltk")
        void score_randomPair_equalsNltkToTheLastDigits(String actual, String expected, double nltkScore, String stage) {
            MetricResult result = meteor.score(MetricInput.ofOutputs(actual, expected));

            assertThat(((MetricResult.Scored) result).score()).isCloseTo(nltkScore, within(1e-12));
        }
    }

    @Nested
    class EdgeCases {

        @Test
        void score_actualOutputNull_skipsNamingIt() {
            MetricResult result = meteor.score(MetricInput.ofOutputs(null, "The cat sat on the mat"));

            assertThat(result).isEqualTo(MetricResult.Skipped.missing(List.of("actual_output")));
        }

        @Test
        void score_whitespaceOnlyExpectedOutput_scoresZero() {
            MetricResult result = meteor.score(MetricInput.ofOutputs("The cat", "\u00a0\u3000"));

            assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.0);
        }

        @Test
        void score_singleIdenticalToken_isOneMinusHalf() {
            MetricResult result = meteor.score(MetricInput.ofOutputs("Hello", "hello"));

            assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.5);
        }

        @Test
        void score_accentedCjkAndEmojiTokens_matchExactlyAfterLowerCasing() {
            MetricResult result = meteor.score(MetricInput.ofOutputs("\u00c9T\u00c9 \u6211\u559c\u6b22\u732b \ud83d\ude00",
                    "\u00e9t\u00e9 \u6211\u559c\u6b22\u732b \ud83d\ude00"));

            assertThat(((MetricResult.Scored) result).score()).isCloseTo(1 - 0.5 / 27, within(1e-12));
        }

        @Test
        void score_concurrentCallsOnOneInstance_allAgree() {
            MetricInput input = MetricInput.ofOutputs("the cars were quick", "the auto was fast");
            MetricResult sequential = meteor.score(input);

            List<MetricResult> concurrent = IntStream.range(0, 64).parallel().mapToObj(index -> meteor.score(input)).toList();

            assertThat(concurrent).containsOnly(sequential);
        }

        @Test
        @Timeout(20)
        void score_hundredThousandCharacterTexts_finishesQuickly() {
            String actual = LongTexts.words(100_000, 41);
            String expected = LongTexts.words(100_000, 42);

            MetricResult result = meteor.score(MetricInput.ofOutputs(actual, expected));

            // NLTK 3.10.3 single_meteor_score on the same two texts: 0.4880788596603847.
            assertThat(((MetricResult.Scored) result).score()).isCloseTo(0.4880788596603847, within(1e-12));
        }

        @Test
        @Timeout(20)
        void score_hundredThousandCharacterSingleTokens_finishesQuickly() {
            String actual = "x" + "es".repeat(50_000);
            String expected = "y".repeat(100_000) + "s";

            MetricResult result = meteor.score(MetricInput.ofOutputs(actual, expected));

            assertThat(((MetricResult.Scored) result).score()).isEqualTo(0.0);
        }
    }
}

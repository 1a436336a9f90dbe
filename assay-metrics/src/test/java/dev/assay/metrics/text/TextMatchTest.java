package dev.assay.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextMatchTest {

    private final TextMatch match = new TextMatch();

    static Stream<Arguments> publicVectors() {
        return Stream.of(
                arguments("this is a test", "this is a test!", 1.0, "rapidfuzz ratio 96.55 > 85"),
                arguments("lewenstein", "levenshtein", 1.0, "rapidfuzz ratio 85.71 > 85"),
                arguments("South Korea", "North Korea", 0.0, "rapidfuzz ratio 81.82"),
                arguments("new york mets", "new YORK mets", 0.0, "rapidfuzz ratio 69.23"),
                arguments("new york mets", "new york mets", 1.0, "rapidfuzz ratio 100"),
                arguments("abcdefghijklmnopqrst", "abcdefghijklmnopqXYZ", 0.0, "rapidfuzz ratio exactly 85.0 -> not a match"),
                arguments("The answer is 42", "The answer is 42.", 1.0, "rapidfuzz ratio 96.97"),
                arguments("kitten", "sitting", 0.0, "rapidfuzz ratio 61.54"),
                arguments("\ud83d\ude00bcdefghijklmnopqrst", "\ud83d\ude00bcdefghijklmnopqXYZ", 0.0,
                        "exactly 85 in code points (34 of 40); 86.05 if counted in UTF-16 units"),
                arguments("\u00e9t\u00e9 \u00e0 Paris!", "\u00e9t\u00e9 \u00e0 Paris", 1.0,
                        "hand-computed: 2 * 11 / 23 = 95.65 (rapidfuzz agrees)"));
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @MethodSource("publicVectors")
    void score_publicVector_matchesThresholdedRatio(String actual, String expected, double expectedScore, String origin) {
        MetricResult result = match.score(MetricInput.ofOutputs(actual, expected));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(expectedScore);
    }

    @Test
    void name_always_isGalteaDisplayName() {
        assertThat(match.name()).isEqualTo("Text Match");
    }

    @Test
    void score_ratioExactlyEightyFive_reasonShowsNotAbove() {
        MetricResult result = match.score(MetricInput.ofOutputs("abcdefghijklmnopqrst", "abcdefghijklmnopqXYZ"));

        assertThat(result.reason()).isEqualTo("Text Match 0.0: similarity ratio 85.00 <= 85");
    }

    @Test
    void score_expectedOutputEmpty_skipsNamingIt() {
        MetricResult result = match.score(MetricInput.ofOutputs("hello", ""));

        assertThat(result).isEqualTo(MetricResult.Skipped.missing(List.of("expected_output")));
    }

    @Test
    @Timeout(10)
    void score_hundredThousandCharacterNearCopy_matches() {
        String text = LongTexts.words(100_000, 21);

        MetricResult result = match.score(MetricInput.ofOutputs(text, text.substring(0, 90_000)));

        assertThat(((MetricResult.Scored) result).score()).isEqualTo(1.0);
    }

    @Test
    void score_withTheEarlyExit_agreesWithTheFullRatioOnEveryPair() {
        Random random = new Random(85);
        for (int pair = 0; pair < 2_000; pair++) {
            String actual = LongTexts.words(1 + random.nextInt(4_000), random.nextLong());
            String expected = random.nextBoolean()
                    ? mutate(actual, random, random.nextInt(40))
                    : LongTexts.words(1 + random.nextInt(4_000), random.nextLong());
            boolean matches = IndelRatio.of(actual, expected).exceedsPercent(85);

            MetricResult.Scored result = (MetricResult.Scored) match.score(MetricInput.ofOutputs(actual, expected));

            assertThat(result.score()).as("pair %d", pair).isEqualTo(matches ? 1.0 : 0.0);
        }
    }

    @Test
    void score_lengthsTooFarApart_isZeroWithoutComparing() {
        MetricResult result = match.score(MetricInput.ofOutputs("a".repeat(10), "a".repeat(1_000)));

        assertThat(result).isEqualTo(new MetricResult.Scored(0.0,
                "Text Match 0.0: similarity ratio < 85 (at most 1.98): the lengths differ too much"));
    }

    @Test
    @Timeout(10)
    void score_longUnrelatedTexts_stopsOnceTheThresholdIsOutOfReach() {
        String actual = LongTexts.words(100_000, 1);
        String expected = LongTexts.words(100_000, 2);

        MetricResult result = match.score(MetricInput.ofOutputs(actual, expected));

        assertThat(result).isEqualTo(new MetricResult.Scored(0.0,
                "Text Match 0.0: similarity ratio < 85: stopped once the threshold could no longer be met"));
    }

    /** {@code text} with {@code edits} random characters replaced, inserted or removed. */
    private static String mutate(String text, Random random, int edits) {
        StringBuilder mutated = new StringBuilder(text);
        for (int i = 0; i < edits && !mutated.isEmpty(); i++) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(3)) {
                case 0 -> mutated.setCharAt(at, (char) ('a' + random.nextInt(26)));
                case 1 -> mutated.insert(at, (char) ('a' + random.nextInt(26)));
                default -> mutated.deleteCharAt(at);
            }
        }
        return mutated.toString();
    }
}

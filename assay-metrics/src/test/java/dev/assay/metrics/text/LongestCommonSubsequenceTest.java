package dev.assay.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LongestCommonSubsequenceTest {

    /** Random pairs whose lengths cross 64-bit word boundaries, over tiny and huge alphabets. */
    static Stream<Arguments> randomPairs() {
        return IntStream.range(0, 300).mapToObj(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            int alphabet = new int[]{1, 2, 4, 26, 1000, 1_000_000}[seed % 6];
            int[] first = random.ints(random.nextInt(0, 260), 0, alphabet).toArray();
            int[] second = random.ints(random.nextInt(0, 260), 0, alphabet).toArray();
            return arguments(first, second);
        });
    }

    @ParameterizedTest
    @MethodSource("randomPairs")
    void length_randomPair_agreesWithDynamicProgramming(int[] first, int[] second) {
        int expected = dynamicProgramming(first, second);

        assertThat(LongestCommonSubsequence.length(first, second)).isEqualTo(expected);
        assertThat(LongestCommonSubsequence.length(second, first)).isEqualTo(expected);
    }

    @Test
    void length_emptySide_isZero() {
        assertThat(LongestCommonSubsequence.length(new int[0], new int[]{1, 2})).isZero();
    }

    @Test
    void length_carryRunsAcrossManyWords_isCounted() {
        int[] pattern = new int[640];
        pattern[0] = 7;
        int[] text = {7, 7, 7};

        assertThat(LongestCommonSubsequence.length(pattern, text)).isEqualTo(1);
        assertThat(LongestCommonSubsequence.length(new int[]{5, 1, 1, 1}, new int[]{1, 1, 1, 5})).isEqualTo(3);
    }

    @Test
    @Timeout(10)
    void length_twoHundredThousandLargeAlphabetCodePoints_finishesQuickly() {
        int[] first = LongTexts.codePoints(100_000, 0x4E00, 20_000, 1).codePoints().toArray();
        int[] second = LongTexts.codePoints(100_000, 0x4E00, 20_000, 2).codePoints().toArray();

        assertThat(LongestCommonSubsequence.length(first, second)).isBetween(1, 100_000);
    }

    private static int dynamicProgramming(int[] first, int[] second) {
        int[] previous = new int[second.length + 1];
        int[] current = new int[second.length + 1];
        for (int row = 1; row <= first.length; row++) {
            for (int column = 1; column <= second.length; column++) {
                current[column] = first[row - 1] == second[column - 1]
                        ? previous[column - 1] + 1
                        : Math.max(previous[column], current[column - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[second.length];
    }

    @Test
    void length_onAnInterruptedThread_stopsWithACancellation() {
        int[] first = LongTexts.words(50_000, 3).codePoints().toArray();
        int[] second = LongTexts.words(50_000, 4).codePoints().toArray();
        Thread.currentThread().interrupt();
        try {
            Assertions.assertThatThrownBy(() -> LongestCommonSubsequence.length(first, second))
                    .isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void lengthIfAtLeast_reachable_isTheExactLength_andOutOfReach_isMinusOne() {
        int[] first = LongTexts.words(20_000, 5).codePoints().toArray();
        int[] second = LongTexts.words(20_000, 6).codePoints().toArray();
        int exact = LongestCommonSubsequence.length(first, second);

        assertThat(LongestCommonSubsequence.lengthIfAtLeast(first, second, exact)).isEqualTo(exact);
        assertThat(LongestCommonSubsequence.lengthIfAtLeast(first, second, 19_990)).isEqualTo(-1);
    }
}

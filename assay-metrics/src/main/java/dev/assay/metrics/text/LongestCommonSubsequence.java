package dev.assay.metrics.text;

import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * Length of the longest common subsequence of two integer sequences (code points or token ids),
 * computed with the bit-parallel algorithm of Allison-Dix and Hyyrö that rapidfuzz uses.
 *
 * <p>The shorter sequence becomes a bit pattern of {@code ceil(m / 64)} words. Each element of the
 * longer sequence then updates the state with one add-with-carry per pattern word in which that
 * element occurs (plus the words a carry runs into), so time is at most {@code O(n * m / 64)} and
 * memory {@code O(m + n)}. A common prefix and suffix are removed first; they do not change the
 * result.
 *
 * <p>The quadratic part stops early in two cases: when the calling thread is interrupted (a caller's
 * time budget ran out), with a {@link CancellationException}; and, for {@link #lengthIfAtLeast},
 * as soon as the subsequence can no longer reach the length asked for. Both are checked every
 * {@value #CHECK_EVERY} elements, so their cost is negligible.
 */
final class LongestCommonSubsequence {

    static final int CHECK_EVERY = 1024;

    private LongestCommonSubsequence() {}

    /** The length of a longest common subsequence of {@code first} and {@code second}; neither is modified. */
    static int length(int[] first, int[] second) {
        return lengthIfAtLeast(first, second, 0);
    }

    /**
     * The length of a longest common subsequence of {@code first} and {@code second}, or -1 once it
     * is known to be below {@code needed} (it is then computed no further); neither array is
     * modified. A result of at least 0 is always the exact length.
     */
    static int lengthIfAtLeast(int[] first, int[] second, int needed) {
        int start = 0;
        int firstEnd = first.length;
        int secondEnd = second.length;
        while (start < firstEnd && start < secondEnd && first[start] == second[start]) {
            start++;
        }
        while (firstEnd > start && secondEnd > start && first[firstEnd - 1] == second[secondEnd - 1]) {
            firstEnd--;
            secondEnd--;
        }
        int affixes = start + (first.length - firstEnd);
        if (firstEnd == start || secondEnd == start) {
            return affixes;
        }
        int[] firstMiddle = Arrays.copyOfRange(first, start, firstEnd);
        int[] secondMiddle = Arrays.copyOfRange(second, start, secondEnd);
        int middle = firstMiddle.length <= secondMiddle.length
                ? bitParallel(firstMiddle, secondMiddle, needed - affixes)
                : bitParallel(secondMiddle, firstMiddle, needed - affixes);
        return middle < 0 ? -1 : affixes + middle;
    }

    /**
     * LCS length with {@code pattern} encoded as bit vectors; {@code pattern} is not empty. Returns
     * -1 early once the LCS cannot reach {@code needed}.
     */
    private static int bitParallel(int[] pattern, int[] text, int needed) {
        int[] alphabet = distinctSorted(pattern);
        int wordCount = (pattern.length + 63) >>> 6;

        // For each symbol, the pattern words where it occurs and its bit mask there, in word order
        // (compressed sparse rows: entries of symbol s are offsets[s] .. offsets[s + 1] - 1).
        int[] offsets = new int[alphabet.length + 1];
        int[] lastWord = new int[alphabet.length];
        Arrays.fill(lastWord, -1);
        int[] symbols = new int[pattern.length];
        for (int position = 0; position < pattern.length; position++) {
            int symbol = Arrays.binarySearch(alphabet, pattern[position]);
            symbols[position] = symbol;
            int word = position >>> 6;
            if (lastWord[symbol] != word) {
                lastWord[symbol] = word;
                offsets[symbol + 1]++;
            }
        }
        for (int symbol = 0; symbol < alphabet.length; symbol++) {
            offsets[symbol + 1] += offsets[symbol];
        }
        int[] entryWords = new int[offsets[alphabet.length]];
        long[] entryMasks = new long[entryWords.length];
        int[] fill = Arrays.copyOf(offsets, alphabet.length);
        Arrays.fill(lastWord, -1);
        for (int position = 0; position < pattern.length; position++) {
            int symbol = symbols[position];
            int word = position >>> 6;
            if (lastWord[symbol] != word) {
                lastWord[symbol] = word;
                entryWords[fill[symbol]++] = word;
            }
            entryMasks[fill[symbol] - 1] |= 1L << (position & 63);
        }

        long[] state = new long[wordCount];
        Arrays.fill(state, -1L);
        for (int position = 0; position < text.length; position++) {
            int symbol = Arrays.binarySearch(alphabet, text[position]);
            if (symbol >= 0) {
                advance(state, entryWords, entryMasks, offsets[symbol], offsets[symbol + 1]);
            }
            if ((position + 1) % CHECK_EVERY == 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("longest common subsequence stopped: the thread was interrupted");
                }
                // Each further element adds at most one to the subsequence found so far.
                int reachable = zeros(state) + (text.length - position - 1);
                if (reachable < needed) {
                    return -1;
                }
            }
        }
        return zeros(state);
    }

    /** The LCS of the pattern and the text read so far: the zero bits of the state. */
    private static int zeros(long[] state) {
        int zeros = 0;
        for (long word : state) {
            zeros += Long.bitCount(~word);
        }
        return zeros;
    }

    /**
     * One step {@code S = (S + (S & M)) | (S & ~M)} over all words. Words where the symbol does not
     * occur and no carry arrives are unchanged, so only the symbol's entries and carry runs are
     * visited.
     */
    private static void advance(long[] state, int[] entryWords, long[] entryMasks, int from, int to) {
        int entry = from;
        int word = -1;
        boolean carry = false;
        while (true) {
            long mask;
            if (carry) {
                word++;
                if (word >= state.length) {
                    return;
                }
                mask = entry < to && entryWords[entry] == word ? entryMasks[entry++] : 0L;
            } else {
                if (entry >= to) {
                    return;
                }
                word = entryWords[entry];
                mask = entryMasks[entry++];
            }
            long current = state[word];
            long matched = current & mask;
            long partial = current + matched;
            boolean overflow = Long.compareUnsigned(partial, current) < 0;
            long sum = carry ? partial + 1 : partial;
            carry = overflow || (carry && sum == 0L);
            state[word] = sum | (current - matched);
        }
    }

    private static int[] distinctSorted(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int count = 0;
        for (int index = 0; index < sorted.length; index++) {
            if (index == 0 || sorted[index] != sorted[index - 1]) {
                sorted[count++] = sorted[index];
            }
        }
        return Arrays.copyOf(sorted, count);
    }
}

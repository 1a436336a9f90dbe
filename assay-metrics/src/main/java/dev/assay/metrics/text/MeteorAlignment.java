package dev.assay.metrics.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * NLTK's greedy unigram alignment for METEOR (metrics spec §3.1), and the chunk count it implies.
 *
 * <p>Three stages run on the still-unmatched tokens: exact, then Porter stem (every remaining
 * token is replaced by its stem), then WordNet synonym of the stem. Each stage walks the
 * hypothesis from its last unmatched token to its first and pairs it with the last unmatched
 * reference token that matches. NLTK scans the reference linearly; here each stage indexes the
 * reference tokens by word, which picks the same pair in time linear in the token count (times the
 * synonym-set size in the last stage). WordNet is loaded only when the synonym stage has tokens on
 * both sides. Immutable once built.
 */
final class MeteorAlignment {

    private final int exactMatches;
    private final int stemMatches;
    private final int synonymMatches;
    private final int chunkCount;

    private MeteorAlignment(int exactMatches, int stemMatches, int synonymMatches, int chunkCount) {
        this.exactMatches = exactMatches;
        this.stemMatches = stemMatches;
        this.synonymMatches = synonymMatches;
        this.chunkCount = chunkCount;
    }

    /** Aligns lower-cased hypothesis tokens with lower-cased reference tokens. */
    static MeteorAlignment align(List<String> hypothesis, List<String> reference) {
        String[] hypothesisWords = hypothesis.toArray(String[]::new);
        String[] referenceWords = reference.toArray(String[]::new);
        int[] referenceOfHypothesis = new int[hypothesisWords.length];
        Arrays.fill(referenceOfHypothesis, -1);
        boolean[] referenceMatched = new boolean[referenceWords.length];

        int exact = matchEqualWords(hypothesisWords, referenceWords, referenceOfHypothesis, referenceMatched);
        stemUnmatched(hypothesisWords, referenceOfHypothesis, referenceWords, referenceMatched);
        int stem = matchEqualWords(hypothesisWords, referenceWords, referenceOfHypothesis, referenceMatched);
        int synonym = 0;
        if (exact + stem < Math.min(hypothesisWords.length, referenceWords.length)) {
            synonym = matchSynonyms(hypothesisWords, referenceWords, referenceOfHypothesis, referenceMatched);
        }
        return new MeteorAlignment(exact, stem, synonym, countChunks(referenceOfHypothesis));
    }

    /** The number of aligned token pairs, m. */
    int matchCount() {
        return exactMatches + stemMatches + synonymMatches;
    }

    int exactMatches() {
        return exactMatches;
    }

    int stemMatches() {
        return stemMatches;
    }

    int synonymMatches() {
        return synonymMatches;
    }

    /**
     * 1 + the number of neighbouring pairs (in hypothesis order) that are not consecutive on both
     * sides; 1 also when nothing is aligned, as in NLTK (the score is 0 then anyway).
     */
    int chunkCount() {
        return chunkCount;
    }

    private static int matchEqualWords(
            String[] hypothesisWords, String[] referenceWords, int[] referenceOfHypothesis, boolean[] referenceMatched) {
        Map<String, Deque<Integer>> unmatchedReference = indexUnmatched(referenceWords, referenceMatched);
        int matches = 0;
        for (int hypothesisIndex = hypothesisWords.length - 1; hypothesisIndex >= 0; hypothesisIndex--) {
            if (referenceOfHypothesis[hypothesisIndex] >= 0) {
                continue;
            }
            Deque<Integer> positions = unmatchedReference.get(hypothesisWords[hypothesisIndex]);
            if (positions != null && !positions.isEmpty()) {
                pair(hypothesisIndex, positions.pollLast(), referenceOfHypothesis, referenceMatched);
                matches++;
            }
        }
        return matches;
    }

    private static void stemUnmatched(
            String[] hypothesisWords, int[] referenceOfHypothesis, String[] referenceWords, boolean[] referenceMatched) {
        for (int index = 0; index < hypothesisWords.length; index++) {
            if (referenceOfHypothesis[index] < 0) {
                hypothesisWords[index] = PorterStemmer.stem(hypothesisWords[index]);
            }
        }
        for (int index = 0; index < referenceWords.length; index++) {
            if (!referenceMatched[index]) {
                referenceWords[index] = PorterStemmer.stem(referenceWords[index]);
            }
        }
    }

    private static int matchSynonyms(
            String[] hypothesisWords, String[] referenceWords, int[] referenceOfHypothesis, boolean[] referenceMatched) {
        WordNet wordNet = WordNet.instance();
        Map<String, Deque<Integer>> unmatchedReference = indexUnmatched(referenceWords, referenceMatched);
        int matches = 0;
        for (int hypothesisIndex = hypothesisWords.length - 1; hypothesisIndex >= 0; hypothesisIndex--) {
            if (referenceOfHypothesis[hypothesisIndex] >= 0) {
                continue;
            }
            Set<String> synonyms = wordNet.synonyms(hypothesisWords[hypothesisIndex]);
            @Nullable
            Deque<Integer> best = null;
            for (String synonym : synonyms) {
                Deque<Integer> positions = unmatchedReference.get(synonym);
                if (positions != null && !positions.isEmpty() && (best == null || positions.peekLast() > best.peekLast())) {
                    best = positions;
                }
            }
            if (best != null) {
                pair(hypothesisIndex, best.pollLast(), referenceOfHypothesis, referenceMatched);
                matches++;
            }
        }
        return matches;
    }

    /** Unmatched reference positions by word, ascending, so the last one is the one NLTK's backward scan finds. */
    private static Map<String, Deque<Integer>> indexUnmatched(String[] referenceWords, boolean[] referenceMatched) {
        Map<String, Deque<Integer>> positionsByWord = new HashMap<>();
        for (int index = 0; index < referenceWords.length; index++) {
            if (!referenceMatched[index]) {
                positionsByWord.computeIfAbsent(referenceWords[index], word -> new ArrayDeque<>()).addLast(index);
            }
        }
        return positionsByWord;
    }

    private static void pair(
            int hypothesisIndex, int referenceIndex, int[] referenceOfHypothesis, boolean[] referenceMatched) {
        referenceOfHypothesis[hypothesisIndex] = referenceIndex;
        referenceMatched[referenceIndex] = true;
    }

    private static int countChunks(int[] referenceOfHypothesis) {
        List<int[]> pairs = new ArrayList<>();
        for (int index = 0; index < referenceOfHypothesis.length; index++) {
            if (referenceOfHypothesis[index] >= 0) {
                pairs.add(new int[]{index, referenceOfHypothesis[index]});
            }
        }
        int chunks = 1;
        for (int index = 0; index + 1 < pairs.size(); index++) {
            int[] current = pairs.get(index);
            int[] next = pairs.get(index + 1);
            if (next[0] != current[0] + 1 || next[1] != current[1] + 1) {
                chunks++;
            }
        }
        return chunks;
    }
}

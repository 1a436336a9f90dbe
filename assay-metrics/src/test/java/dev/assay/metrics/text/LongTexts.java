package dev.assay.metrics.text;

import java.util.SplittableRandom;

/** Deterministic long inputs for the large-input tests. */
final class LongTexts {

    private static final String[] VOCABULARY = {
            "the", "model", "answer", "is", "correct", "because", "it", "cites", "sources", "and", "explains",
            "running", "flies", "better", "cars", "quickly", "evaluation", "metric", "score", "of", "a", "to", "in",
            "large", "children", "were", "geese", "dogs", "meeting", "happy", "3.50", "2,000", "don't", "end.",
    };

    private LongTexts() {}

    /** About {@code characters} characters of space-separated English-like words drawn with {@code seed}. */
    static String words(int characters, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(characters + 16);
        while (text.length() < characters) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        }
        return text.toString();
    }

    /** Exactly {@code length} code points drawn with {@code seed} from the {@code alphabetSize} code points starting at {@code first}. */
    static String codePoints(int length, int first, int alphabetSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(length * 2);
        for (int index = 0; index < length; index++) {
            text.appendCodePoint(first + random.nextInt(alphabetSize));
        }
        return text.toString();
    }
}

package dev.assay.metrics.text;

/**
 * A word being stemmed by {@link PorterStemmer}: a buffer of Unicode code points whose suffix is
 * rewritten in place (no rule makes a word longer than the input), with Porter's letter tests.
 * Not thread-safe; each stemming call owns its instance.
 */
final class PorterWord {
    private final int[] codePoints;
    private int length;

    PorterWord(int[] codePoints) {
        this.codePoints = codePoints;
        this.length = codePoints.length;
    }

    int length() {
        return length;
    }

    int at(int index) {
        return codePoints[index];
    }

    int last() {
        return codePoints[length - 1];
    }

    boolean endsWith(String suffix) {
        int suffixLength = suffix.length();
        if (suffixLength > length) {
            return false;
        }
        for (int index = 0; index < suffixLength; index++) {
            if (codePoints[length - suffixLength + index] != suffix.charAt(index)) {
                return false;
            }
        }
        return true;
    }

    /** Drops the last {@code removed} letters and appends {@code replacement}; never grows the buffer. */
    void replaceSuffix(int removed, String replacement) {
        length -= removed;
        for (int index = 0; index < replacement.length(); index++) {
            codePoints[length++] = replacement.charAt(index);
        }
    }

    /** Porter's consonant test: not a, e, i, o, u, and not a y that follows a consonant. */
    boolean isConsonant(int index) {
        int letter = codePoints[index];
        if (isVowel(letter)) {
            return false;
        }
        if (letter != 'y') {
            return true;
        }
        int runStart = index;
        while (runStart > 0 && codePoints[runStart - 1] == 'y') {
            runStart--;
        }
        // y at the start is a consonant; y after a non-y letter is the opposite of that letter;
        // within a run of y's the answer alternates.
        boolean runStartsConsonant = runStart == 0 || isVowel(codePoints[runStart - 1]);
        return ((index - runStart) % 2 == 0) == runStartsConsonant;
    }

    /** Porter's measure m of the first {@code stemLength} letters: the number of vowel-consonant pairs. */
    int measure(int stemLength) {
        int count = 0;
        boolean previousConsonant = true;
        for (int index = 0; index < stemLength; index++) {
            boolean consonant = isConsonantAfter(index, previousConsonant);
            if (consonant && index > 0 && !previousConsonant) {
                count++;
            }
            previousConsonant = consonant;
        }
        return count;
    }

    boolean containsVowel(int stemLength) {
        boolean previousConsonant = true;
        for (int index = 0; index < stemLength; index++) {
            boolean consonant = isConsonantAfter(index, previousConsonant);
            if (!consonant) {
                return true;
            }
            previousConsonant = consonant;
        }
        return false;
    }

    boolean endsWithDoubleConsonant() {
        return length >= 2 && codePoints[length - 1] == codePoints[length - 2] && isConsonant(length - 1);
    }

    /** Porter's *o on the first {@code stemLength} letters, with NLTK's two-letter vowel-consonant case. */
    boolean endsWithConsonantVowelConsonant(int stemLength) {
        if (stemLength >= 3
                && isConsonant(stemLength - 3)
                && !isConsonant(stemLength - 2)
                && isConsonant(stemLength - 1)) {
            int last = codePoints[stemLength - 1];
            if (last != 'w' && last != 'x' && last != 'y') {
                return true;
            }
        }
        return stemLength == 2 && !isConsonant(0) && isConsonant(1);
    }

    @Override
    public String toString() {
        return new String(codePoints, 0, length);
    }

    /** The consonant test at {@code index} given the answer for the letter before it. */
    private boolean isConsonantAfter(int index, boolean previousConsonant) {
        int letter = codePoints[index];
        if (isVowel(letter)) {
            return false;
        }
        return letter != 'y' || index == 0 || !previousConsonant;
    }

    private static boolean isVowel(int letter) {
        return letter == 'a' || letter == 'e' || letter == 'i' || letter == 'o' || letter == 'u';
    }
}

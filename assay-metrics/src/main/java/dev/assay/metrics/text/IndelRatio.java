package dev.assay.metrics.text;

/**
 * rapidfuzz's {@code fuzz.ratio} on Unicode code points, divided by 100: the normalised Indel
 * similarity {@code 1 - distance / lengthSum}, where the Indel distance counts insertions and
 * deletions only (a substitution costs 2) and equals {@code lengthSum - 2 * LCS}.
 *
 * @param longestCommonSubsequence the LCS length in code points
 * @param lengthSum the sum of both lengths in code points
 */
record IndelRatio(int longestCommonSubsequence, int lengthSum) {

    /** Compares two strings code point by code point: case-sensitive, no trimming, no normalisation. */
    static IndelRatio of(String actual, String expected) {
        int[] actualCodePoints = actual.codePoints().toArray();
        int[] expectedCodePoints = expected.codePoints().toArray();
        int commonLength = LongestCommonSubsequence.length(actualCodePoints, expectedCodePoints);
        return new IndelRatio(commonLength, actualCodePoints.length + expectedCodePoints.length);
    }

    /** The Indel distance: characters to delete from one side and insert from the other. */
    int distance() {
        return lengthSum - 2 * longestCommonSubsequence;
    }

    /** The similarity in [0, 1], computed as rapidfuzz does; 1.0 when both strings are empty. */
    double similarity() {
        if (lengthSum == 0) {
            return 1.0;
        }
        return 1.0 - (double) distance() / lengthSum;
    }

    /**
     * Whether {@code 100 * similarity} is strictly greater than {@code percent}, decided exactly in
     * integers; agrees with rapidfuzz's floating-point comparison (checked for every length sum up
     * to two million at the 85 threshold).
     */
    boolean exceedsPercent(int percent) {
        long similar = (long) lengthSum - distance();
        return 100L * similar > (long) percent * lengthSum;
    }
}

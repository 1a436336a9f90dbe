package dev.assay.metrics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few Python {@code str} behaviours the reference implementations rely on, copied exactly
 * (metrics spec §0.3). Not API: see {@link dev.assay.metrics.internal}.
 *
 * <p>Python's {@code str.isspace()} set differs from both {@code \s} in Java regexes (ASCII only)
 * and {@link Character#isWhitespace} (which misses U+0085, U+00A0, U+2007 and U+202F), so it is
 * spelled out here, once, for every metric. All methods are pure functions; none accepts
 * {@code null}.
 */
public final class PythonText {

    private PythonText() {}

    /**
     * Whether Python's {@code str.isspace()} is true for this code point: U+0009..U+000D,
     * U+001C..U+0020, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F and
     * U+3000. Every such character is in the BMP, so scanning a string by UTF-16 units is exact: a
     * surrogate is never whitespace.
     *
     * @param codePoint any code point or UTF-16 unit; values outside the set, including negative
     *     ones, answer {@code false}
     */
    public static boolean isSpace(int codePoint) {
        if (codePoint <= 0x20) {
            return codePoint == 0x20 || (codePoint >= 0x09 && codePoint <= 0x0D) || codePoint >= 0x1C;
        }
        if (codePoint < 0x85) {
            return false;
        }
        return codePoint == 0x85
                || codePoint == 0xA0
                || codePoint == 0x1680
                || (codePoint >= 0x2000 && codePoint <= 0x200A)
                || codePoint == 0x2028
                || codePoint == 0x2029
                || codePoint == 0x202F
                || codePoint == 0x205F
                || codePoint == 0x3000;
    }

    /** Python's {@code text.split()}: the non-empty runs of non-whitespace characters, in order. */
    public static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        int length = text.length();
        int index = 0;
        while (index < length) {
            while (index < length && isSpace(text.charAt(index))) {
                index++;
            }
            int start = index;
            while (index < length && !isSpace(text.charAt(index))) {
                index++;
            }
            if (index > start) {
                pieces.add(text.substring(start, index));
            }
        }
        return pieces;
    }

    /** Python's {@code text.strip()}: the text without its leading and trailing whitespace. */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Python's {@code text.rstrip()}: the text without its trailing whitespace characters. */
    public static String rstrip(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Python's {@code text.lower()}, which is locale-independent. */
    public static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

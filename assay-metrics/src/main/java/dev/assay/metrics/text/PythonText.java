package dev.assay.metrics.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The few Python {@code str} behaviours the reference implementations rely on, copied exactly.
 *
 * <p>Python's {@code str.isspace()} set differs from both {@code \s} in Java regexes (ASCII only)
 * and {@link Character#isWhitespace} (which misses U+0085, U+00A0, U+2007 and U+202F), so it is
 * spelled out here. All methods are pure functions.
 */
final class PythonText {

    private PythonText() {}

    /**
     * Whether Python's {@code str.isspace()} is true for this character: U+0009..U+000D,
     * U+001C..U+0020, U+0085, U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F and
     * U+3000. Every such character is in the BMP, so a surrogate is never whitespace.
     */
    static boolean isSpace(char character) {
        if (character <= 0x20) {
            return character == 0x20 || (character >= 0x09 && character <= 0x0D) || character >= 0x1C;
        }
        if (character < 0x85) {
            return false;
        }
        return character == 0x85
                || character == 0xA0
                || character == 0x1680
                || (character >= 0x2000 && character <= 0x200A)
                || character == 0x2028
                || character == 0x2029
                || character == 0x202F
                || character == 0x205F
                || character == 0x3000;
    }

    /** Python's {@code text.split()}: the non-empty runs of non-whitespace characters, in order. */
    static List<String> split(String text) {
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

    /** Python's {@code text.rstrip()}: the text without its trailing whitespace characters. */
    static String rstrip(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Python's {@code text.lower()}, which is locale-independent. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

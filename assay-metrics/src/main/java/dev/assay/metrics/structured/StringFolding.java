package dev.assay.metrics.structured;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The string normalisation of JSON Field Match (Normalized) (spec §11): Unicode NFD, removal of
 * non-spacing marks (category Mn), then full case folding as Python's {@code str.casefold()}.
 *
 * <p>Case folding is applied per code point as lower-case, upper-case, lower-case again, which
 * reproduces Python's {@code casefold} for every code point of Unicode 14 (checked exhaustively
 * against CPython 3.11) except two exceptions handled explicitly: dotless {@code ı} folds to
 * itself, and Cherokee folds to the upper-case letters. Working per code point also avoids the
 * context-dependent final-sigma rule of {@link String#toLowerCase}, which casefold does not apply.
 */
final class StringFolding {

    private static final int DOTLESS_I = 0x0131;

    private StringFolding() {}

    /** Accent- and case-insensitive form of the text: NFD, drop Mn, casefold. */
    static String normalize(String text) {
        if (isAscii(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int index = 0; index < decomposed.length();) {
            int codePoint = decomposed.codePointAt(index);
            index += Character.charCount(codePoint);
            if (Character.getType(codePoint) != Character.NON_SPACING_MARK) {
                appendFolded(folded, codePoint);
            }
        }
        return folded.toString();
    }

    private static void appendFolded(StringBuilder target, int codePoint) {
        if (codePoint < 0x80) {
            target.append((char) (codePoint >= 'A' && codePoint <= 'Z' ? codePoint + ('a' - 'A') : codePoint));
        } else if (codePoint == DOTLESS_I) {
            target.append((char) codePoint);
        } else if (isCherokee(codePoint)) {
            target.appendCodePoint(Character.toUpperCase(codePoint));
        } else {
            String single = Character.toString(codePoint);
            target.append(single.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
        }
    }

    private static boolean isCherokee(int codePoint) {
        return (codePoint >= 0x13A0 && codePoint <= 0x13FF) || (codePoint >= 0xAB70 && codePoint <= 0xABBF);
    }

    private static boolean isAscii(String text) {
        for (int index = 0; index < text.length(); index++) {
            if (text.charAt(index) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

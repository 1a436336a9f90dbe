package dev.assay.metrics.structured;

/**
 * Python's {@code str.isspace()} character set and {@code str.strip()}, which the reference
 * implementations use and which neither {@code \s} nor {@link Character#isWhitespace} reproduce.
 */
final class PythonWhitespace {

    private PythonWhitespace() {}

    /** Whether Python's {@code str.isspace()} is true for this code point. */
    static boolean isWhitespace(int codePoint) {
        if (codePoint <= 0x20) {
            return codePoint == 0x20 || (codePoint >= 0x09 && codePoint <= 0x0D) || (codePoint >= 0x1C && codePoint <= 0x1F);
        }
        return switch (codePoint) {
            case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> codePoint >= 0x2000 && codePoint <= 0x200A;
        };
    }

    /** The text without leading and trailing whitespace, as Python's {@code str.strip()}. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        // Every character of the set is in the BMP, so scanning UTF-16 units is exact.
        while (start < end && isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}

package dev.assay.metrics.text;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over the lines and whitespace-separated fields of a WordNet dictionary file held as
 * bytes (the files are ASCII). Fields never span lines: at the end of a line {@link #hasToken()}
 * is false until {@link #nextLine()} moves on. Not thread-safe; each parse owns its instance.
 */
final class DictionaryLineScanner {

    private final byte[] bytes;
    private int position;

    /** A scanner positioned at byte {@code position}, which should be the start of a line. */
    DictionaryLineScanner(byte[] bytes, int position) {
        this.bytes = bytes;
        this.position = position;
    }

    /** Whether any byte is left. */
    boolean hasLine() {
        return position < bytes.length;
    }

    /** Moves to the start of the next line. */
    void nextLine() {
        while (position < bytes.length && bytes[position] != '\n') {
            position++;
        }
        position++;
    }

    /** Whether the current line starts with a space, as the license lines at the top of each file do. */
    boolean startsWithSpace() {
        return position < bytes.length && bytes[position] == ' ';
    }

    /** Whether another field follows on the current line. */
    boolean hasToken() {
        skipSeparators();
        return position < bytes.length && bytes[position] != '\n';
    }

    /** The next field of the current line. */
    String nextToken() {
        int start = startOfToken();
        return new String(bytes, start, position - start, StandardCharsets.ISO_8859_1);
    }

    /** Skips the next field of the current line. */
    void skipToken() {
        startOfToken();
    }

    /** The next field, read as a non-negative decimal number. */
    int nextDecimal() {
        return parse(10);
    }

    /** The next field, read as a non-negative hexadecimal number (the word count of a data line). */
    int nextHexadecimal() {
        return parse(16);
    }

    private int parse(int radix) {
        int start = startOfToken();
        int value = 0;
        for (int index = start; index < position; index++) {
            int digit = Character.digit(bytes[index], radix);
            if (digit < 0 || value > (Integer.MAX_VALUE - digit) / radix) {
                throw malformed("a base-" + radix + " number", start);
            }
            value = value * radix + digit;
        }
        return value;
    }

    private int startOfToken() {
        if (!hasToken()) {
            throw malformed("another field", position);
        }
        int start = position;
        while (position < bytes.length && !isSeparator(bytes[position]) && bytes[position] != '\n') {
            position++;
        }
        return start;
    }

    private void skipSeparators() {
        while (position < bytes.length && isSeparator(bytes[position])) {
            position++;
        }
    }

    private static boolean isSeparator(byte value) {
        return value == ' ' || value == '\t' || value == '\r';
    }

    private IllegalStateException malformed(String expected, int at) {
        return new IllegalStateException("Malformed WordNet file: expected " + expected + " at byte " + at);
    }
}

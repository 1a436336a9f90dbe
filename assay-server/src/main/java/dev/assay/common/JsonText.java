package dev.assay.common;

/** Checks on raw JSON text that the parser lets through. */
final class JsonText {

    private JsonText() {}

    /**
     * Refuses a lone UTF-16 surrogate, written as a {@code \}{@code uD800}-style escape or as the
     * UTF-8 bytes of a surrogate code point: such a string cannot be stored as it was sent.
     * Escapes are followed in order, so an escaped backslash followed by {@code uD800} is text.
     */
    static void requirePairedSurrogates(byte[] json) {
        boolean expectLow = false;
        int i = 0;
        while (i < json.length) {
            int b = json[i] & 0xFF;
            if (b == 0xED && i + 1 < json.length && (json[i + 1] & 0xFF) >= 0xA0) {
                throw loneSurrogate();
            }
            if (b != '\\') {
                if (expectLow) {
                    throw loneSurrogate();
                }
                i++;
                continue;
            }
            if (i + 1 >= json.length || json[i + 1] != 'u') {
                if (expectLow) {
                    throw loneSurrogate();
                }
                i += 2;
                continue;
            }
            int unit = hex(json, i + 2);
            boolean high = unit >= 0xD800 && unit <= 0xDBFF;
            boolean low = unit >= 0xDC00 && unit <= 0xDFFF;
            if (expectLow != low) {
                throw loneSurrogate();
            }
            expectLow = high;
            i += unit < 0 ? 2 : 6;
        }
        if (expectLow) {
            throw loneSurrogate();
        }
    }

    /** The code unit of the four hex digits at {@code from}, or -1 if they are not four hex digits. */
    private static int hex(byte[] json, int from) {
        if (from + 4 > json.length) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + 4; i++) {
            int digit = Character.digit(json[i], 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private static AssayException loneSurrogate() {
        return AssayException.invalid(
                "Request body contains an unpaired UTF-16 surrogate (\\uD800-\\uDFFF); send valid Unicode text");
    }
}

package dev.assay.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Generates time-ordered UUIDv7 ids and converts them to and from the wire form
 * {@code <prefix>_<26 lowercase base32 characters>}.
 *
 * <p>Wire ids are opaque to clients: {@link #parse} answers empty for anything that is not an id
 * of the expected kind, so callers turn it into a 404 rather than a 400.
 */
public final class Ids {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int ENCODED_LENGTH = 26;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastTimeAndCounter;

    private Ids() {}

    /**
     * A new UUIDv7 whose first 48 bits are the clock's milliseconds. Ids made by this process
     * increase strictly, also within one millisecond: the 12 bits after the version hold a counter
     * (RFC 9562, method 1), so sorting by id follows creation order.
     */
    public static UUID newId(Clock clock) {
        long timeAndCounter = nextTimeAndCounter(clock.millis());
        long randomLow = RANDOM.nextLong();
        long mostSignificant = ((timeAndCounter >>> 12) << 16) | 0x7000L | (timeAndCounter & 0x0FFFL);
        long leastSignificant = (randomLow & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    /** Milliseconds and a 12-bit counter as one number; a full counter borrows the next millisecond. */
    private static synchronized long nextTimeAndCounter(long millis) {
        long candidate = (millis << 12) | RANDOM.nextInt(1 << 11);
        lastTimeAndCounter = Math.max(candidate, lastTimeAndCounter + 1);
        return lastTimeAndCounter;
    }

    /** The wire form of an id: the kind's prefix, an underscore and 26 base32 characters. */
    public static String format(IdKind kind, UUID id) {
        char[] out = new char[ENCODED_LENGTH];
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        // 128 bits in 26 groups of 5 bits: the first group holds the top 3 bits (left-padded).
        for (int i = ENCODED_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low = (low >>> 5) | ((high & 31) << 59);
            high >>>= 5;
        }
        return kind.prefix() + "_" + new String(out);
    }

    /** The id behind a wire id of the given kind, or empty when the text is not one. */
    public static Optional<UUID> parse(IdKind kind, String text) {
        String prefix = kind.prefix() + "_";
        if (text == null || text.length() != prefix.length() + ENCODED_LENGTH || !text.startsWith(prefix)) {
            return Optional.empty();
        }
        long high = 0;
        long low = 0;
        for (int i = prefix.length(); i < text.length(); i++) {
            int value = decode(text.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            high = (high << 5) | (low >>> 59);
            low = (low << 5) | value;
        }
        int firstGroup = decode(text.charAt(prefix.length()));
        if (firstGroup > 7) {
            return Optional.empty();
        }
        return Optional.of(new UUID(high, low));
    }

    private static int decode(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        return -1;
    }
}

package dev.assay.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Generates API key secrets and the hashes that are stored in their place. */
final class Secrets {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final int RANDOM_LENGTH = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A new key: {@code gsk_} and 40 random alphanumerics (about 238 bits). */
    static String newKey() {
        StringBuilder key = new StringBuilder("gsk_");
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            key.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return key.toString();
    }

    /** Whether the text has the shape of a key: the new {@code gsk_} or legacy {@code gsk-} prefix. */
    static boolean looksLikeKey(String text) {
        return (text.startsWith("gsk_") || text.startsWith("gsk-")) && text.length() >= 12 && text.length() <= 512;
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** The first characters of a key, enough to recognise it in a list and useless to an attacker. */
    static String hint(String key) {
        return key.substring(0, Math.min(8, key.length())) + "...";
    }
}

package dev.assay.judge;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads how long a provider asks to be left alone: OpenAI's {@code retry-after-ms}
 * (milliseconds), else the standard {@code Retry-After} in seconds or as an HTTP date.
 */
final class RetryAfter {

    private RetryAfter() {}

    /** The pause asked for, or null when the headers ask none or cannot be read. */
    static @Nullable Duration from(Map<String, List<String>> headers, Instant now) {
        String millis = first(headers, "retry-after-ms");
        if (millis != null) {
            Duration parsed = seconds(millis, 0.001);
            if (parsed != null) {
                return parsed;
            }
        }
        String value = first(headers, "retry-after");
        if (value == null) {
            return null;
        }
        Duration parsed = seconds(value, 1);
        if (parsed != null) {
            return parsed;
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable Duration seconds(String value, double scale) {
        try {
            double amount = Double.parseDouble(value.strip()) * scale;
            if (!Double.isFinite(amount) || amount > Duration.ofDays(1).toSeconds()) {
                return null;
            }
            return Duration.ofMillis(Math.max(0, Math.round(amount * 1000)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().toLowerCase(Locale.ROOT).equals(name) && !header.getValue().isEmpty()) {
                return header.getValue().getFirst();
            }
        }
        return null;
    }
}

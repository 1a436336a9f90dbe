package dev.assay.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How the dashboard writes numbers, times and turn inputs: short, fixed, in UTC. */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private Formats() {}

    static String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String day(Instant instant) {
        return DAY.format(instant);
    }

    static String score(@Nullable Double score) {
        return score == null ? "—" : String.format(Locale.ROOT, "%.3f", score);
    }

    static String number(@Nullable Number value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            return d != 0 && Math.abs(d) < 0.01 ? String.format(Locale.ROOT, "%.6f", d) : String.format(Locale.ROOT, "%.2f", d);
        }
        return String.format(Locale.ROOT, "%,d", value.longValue());
    }

    /** A turn's input: the user message when that is all it holds, else its fields as {@code key: value} lines. */
    static String input(@Nullable Map<String, Object> input) {
        if (input == null || input.isEmpty()) {
            return "";
        }
        if (input.size() == 1 && input.get("user_message") instanceof String message) {
            return message;
        }
        StringBuilder text = new StringBuilder();
        input.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
        return text.toString().strip();
    }

    static String shorten(@Nullable String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

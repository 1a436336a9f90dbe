package dev.assay.common;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** The wire form of timestamps: ISO 8601 in UTC with exactly three fraction digits and {@code Z}. */
public final class Timestamps {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /**
     * The wire form of an instant. Written digit by digit for the years 0 to 9999 (every stored
     * timestamp): lists format two or three per row, and {@link DateTimeFormatter} was a visible
     * share of a list's CPU time (BENCHMARKS.md, "Lists"); {@code TimestampsTest} checks both agree.
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return WIRE.format(instant);
        }
        int secondOfDay = (int) Math.floorMod(seconds, 86_400);
        byte[] out = new byte[24];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        digits(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, secondOfDay % 60, 2);
        out[19] = '.';
        digits(out, 20, instant.getNano() / 1_000_000, 3);
        out[23] = 'Z';
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    public static @Nullable String formatNullable(@Nullable Instant instant) {
        return instant == null ? null : format(instant);
    }

    /** Stored timestamps keep milliseconds only, so a value read back matches its own row. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

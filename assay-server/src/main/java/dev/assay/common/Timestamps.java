package dev.assay.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** The wire form of timestamps: ISO 8601 in UTC with exactly three fraction digits and {@code Z}. */
public final class Timestamps {
    private static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String format(Instant instant) {
        return WIRE.format(instant);
    }

    public static @Nullable String formatNullable(@Nullable Instant instant) {
        return instant == null ? null : WIRE.format(instant);
    }

    /** Stored timestamps keep milliseconds only, so a value read back matches its own row. */
    public static Instant now(java.time.Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

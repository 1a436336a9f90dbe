package dev.assay.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    /** The reference: what the JDK's formatter writes for the wire pattern. */
    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void format_randomInstantsOfYears0To9999_matchesTheJdkFormatter() {
        SplittableRandom random = new SplittableRandom(42);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), random.nextInt(1_000_000_000));
            assertThat(Timestamps.format(instant)).isEqualTo(REFERENCE.format(instant));
        }
    }

    @Test
    void format_edges_matchTheJdkFormatter() {
        for (String text : new String[]{"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2000-02-29T12:00:00.5Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-12-04T18:30:00.123456Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(Timestamps.format(instant)).as(text).isEqualTo(REFERENCE.format(instant));
        }
    }

    @Test
    void format_yearsOutsideFourDigits_fallBackToTheJdkFormatter() {
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        Instant before = Instant.parse("-0001-06-01T00:00:00Z");

        assertThat(Timestamps.format(far)).isEqualTo(REFERENCE.format(far));
        assertThat(Timestamps.format(before)).isEqualTo(REFERENCE.format(before));
    }

    @Test
    void formatNullable_null_isNull() {
        assertThat(Timestamps.formatNullable(null)).isNull();
    }
}

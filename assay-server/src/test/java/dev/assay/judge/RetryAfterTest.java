package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void from_seconds_isThatManySeconds() {
        assertThat(RetryAfter.from(Map.of("Retry-After", List.of("7")), NOW)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void from_fractionalSeconds_keepsMilliseconds() {
        assertThat(RetryAfter.from(Map.of("retry-after", List.of("0.25")), NOW)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void from_httpDate_isTheTimeUntilThen() {
        assertThat(RetryAfter.from(Map.of("Retry-After", List.of("Thu, 01 Jan 2026 00:00:30 GMT")), NOW))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void from_pastHttpDate_isZero() {
        assertThat(RetryAfter.from(Map.of("Retry-After", List.of("Wed, 31 Dec 2025 23:00:00 GMT")), NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void from_openAiMilliseconds_winsOverSeconds() {
        assertThat(RetryAfter.from(Map.of("retry-after-ms", List.of("1500"), "retry-after", List.of("2")), NOW))
                .isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void from_nothingOrGarbage_isNull() {
        assertThat(RetryAfter.from(Map.of(), NOW)).isNull();
        assertThat(RetryAfter.from(Map.of("Retry-After", List.of("soon")), NOW)).isNull();
    }
}

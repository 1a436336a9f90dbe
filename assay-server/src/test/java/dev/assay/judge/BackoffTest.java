package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void before_withoutJitter_doublesPerRetryUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5, () -> 0.0);

        assertThat(backoff.before(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.before(2, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.before(3, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.before(4, null)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.before(60, null)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void before_withJitter_takesUpToThatFractionOff() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0.5, () -> 0.999);

        assertThat(backoff.before(2, null)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1002));
    }

    @Test
    void before_withLongerRetryAfter_waitsTheRetryAfter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0, () -> 0.0);

        assertThat(backoff.before(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.before(3, Duration.ofMillis(100))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void isTooLong_beyondTheMaximum_isTrue() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 0, () -> 0.0);

        assertThat(backoff.isTooLong(Duration.ofSeconds(6))).isTrue();
        assertThat(backoff.isTooLong(Duration.ofSeconds(5))).isFalse();
        assertThat(backoff.isTooLong(null)).isFalse();
    }
}

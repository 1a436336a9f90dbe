package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final JudgeFixtures.MutableClock clock = new JudgeFixtures.MutableClock();
    private final CircuitBreaker circuit = new CircuitBreaker(3, Duration.ofSeconds(30), clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(circuit.tryAcquire()).isTrue();
            circuit.onFailure();
        }
    }

    @Test
    void tryAcquire_belowTheThreshold_letsCallsThrough() {
        fail(2);

        assertThat(circuit.tryAcquire()).isTrue();
        assertThat(circuit.openUntil()).isEmpty();
    }

    @Test
    void onFailure_atTheThreshold_opensForTheOpenDuration() {
        fail(2);
        circuit.tryAcquire();

        assertThat(circuit.onFailure()).isTrue();
        assertThat(circuit.tryAcquire()).isFalse();
        assertThat(circuit.openUntil()).contains(clock.instant().plusSeconds(30));
    }

    @Test
    void onSuccess_resetsTheFailuresInARow() {
        fail(2);
        circuit.tryAcquire();
        circuit.onSuccess();
        fail(2);

        assertThat(circuit.tryAcquire()).isTrue();
    }

    @Test
    void tryAcquire_afterTheOpenDuration_letsOneProbeThrough() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));

        assertThat(circuit.tryAcquire()).isTrue();
        assertThat(circuit.tryAcquire()).isFalse();
    }

    @Test
    void onFailure_ofTheProbe_opensAgain() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        circuit.tryAcquire();
        circuit.onFailure();

        assertThat(circuit.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(30));
        assertThat(circuit.tryAcquire()).isTrue();
    }

    @Test
    void onSuccess_ofTheProbe_closes() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        circuit.tryAcquire();
        circuit.onSuccess();

        assertThat(circuit.tryAcquire()).isTrue();
        assertThat(circuit.tryAcquire()).isTrue();
    }

    @Test
    void abandon_ofTheProbe_letsTheNextProbeThrough() {
        fail(3);
        clock.advance(Duration.ofSeconds(30));
        circuit.tryAcquire();
        circuit.abandon();

        assertThat(circuit.tryAcquire()).isTrue();
    }

    @Test
    void pauseUntil_holdsTheCircuitOpenUntilThen() {
        circuit.pauseUntil(clock.instant().plusSeconds(120));

        clock.advance(Duration.ofSeconds(119));
        assertThat(circuit.tryAcquire()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(circuit.tryAcquire()).isTrue();
    }
}

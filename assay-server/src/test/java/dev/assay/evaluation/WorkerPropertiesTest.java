package dev.assay.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WorkerPropertiesTest {

    @Nested
    class Binding {

        @Test
        void bind_withNothingSet_usesDefaults() {
            WorkerProperties properties = bind(Map.of());

            assertThat(properties.enabled()).isTrue();
            assertThat(properties.threads()).isEqualTo(2);
            assertThat(properties.judgeConcurrency()).isEqualTo(8);
            assertThat(properties.batchSize()).isEqualTo(128);
            assertThat(properties.lease()).isEqualTo(Duration.ofMinutes(2));
            assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(500));
            assertThat(properties.maxAttempts()).isEqualTo(3);
            assertThat(properties.backoff()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.maxBackoff()).isEqualTo(Duration.ofMinutes(5));
            assertThat(properties.heartbeat()).isEqualTo(Duration.ofSeconds(30));
            assertThat(properties.scoreBudget()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.maxTextLength()).isEqualTo(100_000);
            assertThat(properties.timeSlice()).isEqualTo(Duration.ofMillis(200));
        }

        @Test
        void bind_withOnlyALease_heartbeatsFourTimesPerLease() {
            assertThat(bind(Map.of("assay.evaluation.worker.lease", "3s")).heartbeat()).isEqualTo(Duration.ofMillis(750));
        }

        @Test
        void bind_withHeartbeatNotShorterThanLease_fails() {
            assertThatThrownBy(() -> bind(Map.of("assay.evaluation.worker.lease", "10s",
                    "assay.evaluation.worker.heartbeat", "10s")))
                    .hasStackTraceContaining("must be shorter than assay.evaluation.worker.lease");
        }

        @Test
        void bind_withExplicitValues_mapsEveryProperty() {
            WorkerProperties properties = bind(Map.ofEntries(
                    Map.entry("assay.evaluation.worker.enabled", "false"),
                    Map.entry("assay.evaluation.worker.threads", "8"),
                    Map.entry("assay.evaluation.worker.judge-concurrency", "32"),
                    Map.entry("assay.evaluation.worker.batch-size", "4"),
                    Map.entry("assay.evaluation.worker.lease", "30s"),
                    Map.entry("assay.evaluation.worker.poll-interval", "20ms"),
                    Map.entry("assay.evaluation.worker.max-attempts", "7"),
                    Map.entry("assay.evaluation.worker.backoff", "100ms"),
                    Map.entry("assay.evaluation.worker.max-backoff", "1m"),
                    Map.entry("assay.evaluation.worker.heartbeat", "5s"),
                    Map.entry("assay.evaluation.worker.score-budget", "500ms"),
                    Map.entry("assay.evaluation.worker.max-text-length", "1000"),
                    Map.entry("assay.evaluation.worker.time-slice", "50ms")));

            assertThat(properties).isEqualTo(new WorkerProperties(false, 8, 32, 4, Duration.ofSeconds(30),
                    Duration.ofMillis(20), 7, Duration.ofMillis(100), Duration.ofMinutes(1), Duration.ofSeconds(5),
                    Duration.ofMillis(500), 1000, Duration.ofMillis(50)));
        }
    }

    @Nested
    class BackoffAfter {
        private final WorkerProperties properties = new WorkerProperties(true, 2, 8, 16, Duration.ofMinutes(2),
                Duration.ofMillis(500), 3, Duration.ofSeconds(2), Duration.ofMinutes(5), null, Duration.ofSeconds(2), 100_000,
                Duration.ofMillis(200));

        @Test
        void backoffAfter_firstAttempt_isTheConfiguredBackoff() {
            assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        }

        @Test
        void backoffAfter_eachFurtherAttempt_doublesTheWait() {
            assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
            assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(8));
            assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofSeconds(32));
        }

        @Test
        void backoffAfter_beyondTheCap_isTheMaximumBackoff() {
            assertThat(properties.backoffAfter(8)).isEqualTo(Duration.ofSeconds(256));
            assertThat(properties.backoffAfter(9)).isEqualTo(Duration.ofMinutes(5));
        }

        @Test
        void backoffAfter_hugeAttemptCount_staysAtTheCapWithoutOverflow() {
            assertThat(properties.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
        }

        @Test
        void backoffAfter_attemptZero_isTheConfiguredBackoff() {
            assertThat(properties.backoffAfter(0)).isEqualTo(Duration.ofSeconds(2));
        }
    }

    private static WorkerProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("assay.evaluation.worker", WorkerProperties.class);
    }
}

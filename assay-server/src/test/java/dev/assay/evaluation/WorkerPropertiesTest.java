package dev.assay.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class WorkerPropertiesTest {

    @Test
    void bind_withNothingSet_usesDefaults() {
        WorkerProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.threads()).isEqualTo(2);
        assertThat(properties.judgeConcurrency()).isEqualTo(8);
        assertThat(properties.batchSize()).isEqualTo(16);
        assertThat(properties.lease()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.maxAttempts()).isEqualTo(3);
        assertThat(properties.backoff()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.maxBackoff()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void bind_withExplicitValues_mapsEveryProperty() {
        WorkerProperties properties = bind(Map.of(
                "assay.evaluation.worker.enabled", "false",
                "assay.evaluation.worker.threads", "4",
                "assay.evaluation.worker.judge-concurrency", "32",
                "assay.evaluation.worker.batch-size", "8",
                "assay.evaluation.worker.lease", "5m",
                "assay.evaluation.worker.poll-interval", "1s",
                "assay.evaluation.worker.max-attempts", "6",
                "assay.evaluation.worker.backoff", "3s",
                "assay.evaluation.worker.max-backoff", "10m"));

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.threads()).isEqualTo(4);
        assertThat(properties.judgeConcurrency()).isEqualTo(32);
        assertThat(properties.batchSize()).isEqualTo(8);
        assertThat(properties.lease()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.maxAttempts()).isEqualTo(6);
        assertThat(properties.backoff()).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.maxBackoff()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void backoffAfter_doublesPerAttemptUpToTheMaximum() {
        WorkerProperties properties = bind(Map.of("assay.evaluation.worker.max-backoff", "5s"));

        assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(5));
    }

    private static WorkerProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("assay.evaluation.worker", WorkerProperties.class);
    }
}

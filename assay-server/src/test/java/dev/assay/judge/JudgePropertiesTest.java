package dev.assay.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class JudgePropertiesTest {

    @Test
    void bind_withNothingSet_isNoJudgeWithDefaults() {
        JudgeProperties properties = bind(Map.of());

        assertThat(properties.isConfigured()).isFalse();
        assertThat(properties.baseUrl()).isEmpty();
        assertThat(properties.apiKey()).isEmpty();
        assertThat(properties.model()).isEmpty();
        assertThat(properties.metricModels()).isTrue();
        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.maxRetries()).isEqualTo(2);
        assertThat(properties.backoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.maxBackoff()).isEqualTo(Duration.ofSeconds(15));
        assertThat(properties.jitter()).isEqualTo(0.5);
        assertThat(properties.maxConcurrency()).isEqualTo(8);
        assertThat(properties.temperature()).isNull();
        assertThat(properties.jsonMode()).isTrue();
        assertThat(properties.circuitBreaker().failureThreshold()).isEqualTo(5);
        assertThat(properties.circuitBreaker().openDuration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void bind_withExplicitValues_mapsEveryProperty() {
        JudgeProperties properties = bind(Map.ofEntries(
                Map.entry("assay.judge.base-url", "http://localhost:11434/v1"),
                Map.entry("assay.judge.api-key", "sk-explicit"),
                Map.entry("assay.judge.model", "llama3.1:8b"),
                Map.entry("assay.judge.metric-models", "false"),
                Map.entry("assay.judge.timeout", "90s"),
                Map.entry("assay.judge.max-retries", "4"),
                Map.entry("assay.judge.backoff", "250ms"),
                Map.entry("assay.judge.max-backoff", "1m"),
                Map.entry("assay.judge.jitter", "0.2"),
                Map.entry("assay.judge.max-concurrency", "3"),
                Map.entry("assay.judge.temperature", "0"),
                Map.entry("assay.judge.json-mode", "false"),
                Map.entry("assay.judge.circuit-breaker.failure-threshold", "10"),
                Map.entry("assay.judge.circuit-breaker.open-duration", "2m")));

        assertThat(properties.isConfigured()).isTrue();
        assertThat(properties.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(properties.apiKey()).isEqualTo("sk-explicit");
        assertThat(properties.model()).isEqualTo("llama3.1:8b");
        assertThat(properties.metricModels()).isFalse();
        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(properties.maxRetries()).isEqualTo(4);
        assertThat(properties.backoff()).isEqualTo(Duration.ofMillis(250));
        assertThat(properties.maxBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.jitter()).isEqualTo(0.2);
        assertThat(properties.maxConcurrency()).isEqualTo(3);
        assertThat(properties.temperature()).isEqualTo(0.0);
        assertThat(properties.jsonMode()).isFalse();
        assertThat(properties.circuitBreaker().failureThreshold()).isEqualTo(10);
        assertThat(properties.circuitBreaker().openDuration()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void bind_withBaseUrlButNoModel_isRefused() {
        assertThatThrownBy(() -> bind(Map.of("assay.judge.base-url", "https://api.openai.com/v1")))
                .rootCause().hasMessageContaining("ASSAY_JUDGE_MODEL");
    }

    @Test
    void bind_withBaseUrlThatIsNoHttpUrl_isRefused() {
        assertThatThrownBy(() -> bind(Map.of("assay.judge.base-url", "api.openai.com", "assay.judge.model", "gpt-4.1")))
                .rootCause().hasMessageContaining("must be an http(s) URL");
    }

    private static JudgeProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("assay.judge", JudgeProperties.class);
    }
}

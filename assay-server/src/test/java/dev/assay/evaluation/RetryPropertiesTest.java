package dev.assay.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RetryPropertiesTest {

    @Test
    void bind_withNothingSet_allowsFiveRetries() {
        assertThat(bind(Map.of()).maxRetries()).isEqualTo(5);
    }

    @Test
    void bind_withExplicitValue_mapsMaxRetries() {
        assertThat(bind(Map.of("assay.evaluation.retry.max-retries", "2")).maxRetries()).isEqualTo(2);
    }

    private static RetryProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("assay.evaluation.retry", RetryProperties.class);
    }
}

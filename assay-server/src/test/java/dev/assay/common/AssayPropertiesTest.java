package dev.assay.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AssayPropertiesTest {

    @Test
    void bind_withNothingSet_usesDefaults() {
        AssayProperties properties = bind(Map.of());

        assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("assay-data"));
        assertThat(properties.bootstrapApiKey()).isEmpty();
        assertThat(properties.http().maxBodyBytes()).isEqualTo(10 * 1024 * 1024);
    }

    @Test
    void bind_withExplicitValues_mapsEveryProperty() {
        AssayProperties properties = bind(Map.of(
                "assay.data-dir", "/var/lib/assay",
                "assay.bootstrap-api-key", "gsk_explicit-key-000",
                "assay.http.max-body-bytes", "2048"));

        assertThat(properties.dataDir()).isEqualTo(Path.of("/var/lib/assay"));
        assertThat(properties.bootstrapApiKey()).isEqualTo("gsk_explicit-key-000");
        assertThat(properties.http().maxBodyBytes()).isEqualTo(2048);
    }

    private static AssayProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("assay", AssayProperties.class);
    }
}

package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ConfigTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void directory_followsAssayConfigDir_thenXdg() {
        assertThat(Config.directory(Map.of("ASSAY_CONFIG_DIR", "/a", "XDG_CONFIG_HOME", "/b"))).isEqualTo(Path.of("/a"));
        assertThat(Config.directory(Map.of("XDG_CONFIG_HOME", "/b"))).isEqualTo(Path.of("/b", "assay"));
    }

    @Test
    void saveAndLoad_keepProfilesAndTheCurrentOne(@TempDir Path directory) {
        Map<String, String> env = Map.of("ASSAY_CONFIG_DIR", directory.toString());
        Config config = Config.load(env, JSON);
        assertThat(config.currentProfileName()).isEqualTo("default");
        config.put("ci", new Config.Profile("https://assay.example.com", "gsk_secret-key-1234"));
        config.use("ci");
        config.save(JSON);

        Config loaded = Config.load(env, JSON);
        assertThat(loaded.currentProfileName()).isEqualTo("ci");
        assertThat(loaded.profile("ci")).isEqualTo(new Config.Profile("https://assay.example.com", "gsk_secret-key-1234"));
        assertThat(loaded.remove("ci")).isTrue();
        assertThat(loaded.currentProfileName()).isEqualTo("default");
    }

    @Test
    void aBrokenFile_isAUsageError(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("config.json"), "{not json");
        try {
            Config.load(Map.of("ASSAY_CONFIG_DIR", directory.toString()), JSON);
        } catch (CliException e) {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            return;
        }
        throw new AssertionError("expected a usage error");
    }

    @Test
    void mask_showsOnlyThePrefixAndTheLastFour() {
        assertThat(Config.mask("gsk_0123456789abcdef")).isEqualTo("gsk_…cdef");
        assertThat(Config.mask("short")).isEqualTo("****");
        assertThat(Config.mask(null)).isEmpty();
    }

    @Test
    void flags_areTheFieldsInKebabCase() {
        assertThat(ApiCommands.flag("productIds")).isEqualTo("--product-ids");
        assertThat(ApiCommands.flag("name")).isEqualTo("--name");
        assertThat(ApiCommands.flag("costPerCacheReadInputToken")).isEqualTo("--cost-per-cache-read-input-token");
    }
}

package dev.assay.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher script {@code target/assay-server} (docs/decisions/0007-start-up.md): its first run
 * records a class cache and writes it when it stops, the next run maps it.
 */
class LauncherIT {
    /** JDK 25+ records the ahead-of-time cache; JDK 21 to 24 a class-data sharing archive. */
    private static final boolean AOT_CACHE = Runtime.version().feature() >= 25;

    @Test
    void launcher_recordsAClassCacheOnTheFirstRun_andMapsItOnTheNext() throws Exception {
        Path directory = Files.createTempDirectory(Path.of("target"), "launcher-");
        Map<String, String> environment = Map.of(
                "ASSAY_DATA_DIR", directory.resolve("data").toString(),
                "ASSAY_CACHE_DIR", directory.resolve("cache").toString());

        try (ServerProcess first = ServerProcess.startWithLauncher(directory.resolve("first.log"), environment)) {
            assertThat(first.arguments()).anySatisfy(argument -> assertThat(argument)
                    .startsWith(AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:SharedArchiveFile="));
            assertThat(first.terminate(Duration.ofMinutes(3))).as("the first run stopped and wrote its cache").isNotNull();
        }
        List<Path> caches = cacheFiles(directory.resolve("cache"));
        assertThat(caches).as("one cache file, not empty").singleElement()
                .satisfies(cache -> assertThat(Files.size(cache)).isPositive());

        try (ServerProcess second = ServerProcess.startWithLauncher(directory.resolve("second.log"), environment)) {
            if (AOT_CACHE) {
                assertThat(second.arguments()).contains("-XX:AOTCache=" + caches.get(0));
            }
            assertThat(second.arguments()).contains(caches.get(0).getParent().resolve("assay-server.jar").toString());
        }
        assertThat(Files.readString(directory.resolve("second.log"))).doesNotContain("[warning][aot").doesNotContain("[warning][cds");
    }

    private static List<Path> cacheFiles(Path cache) throws Exception {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(file -> file.toString().endsWith(".aot") || file.toString().endsWith(".jsa")).toList();
        }
    }
}

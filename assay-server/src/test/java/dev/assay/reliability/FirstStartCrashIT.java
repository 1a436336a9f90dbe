package dev.assay.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateProductRequest;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import dev.assay.testing.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * kill -9 at random points of a first start (initdb, the first PostgreSQL start, the migrations,
 * the bootstrap), several times over on one data directory; the next start must still come up
 * with a working database (docs/decisions/0009-crash-safe-first-start.md). Kills and seed are
 * system properties, for soak runs (docs/reliability.md).
 */
class FirstStartCrashIT {
    private static final String KEY = "gsk_first-start-crash-key-0001";

    /** Log lines that open the stages of a first start, in order. */
    private static final List<String> STAGES = List.of(
            "Creating the embedded PostgreSQL cluster",
            "Starting embedded PostgreSQL",
            "Migrating schema",
            "Successfully applied",
            "Tomcat started");

    /**
     * Waits until the log has the line (true), or the start is over without it (false): the
     * process ended, Tomcat is up, or five minutes passed. A cluster that exists already is not
     * created again, and migrations applied already are not run again.
     */
    private static boolean awaitLogLine(ServerProcess process, Path log, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline && process.isAlive()) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            if (text.contains(line)) {
                return true;
            }
            if (text.contains("Tomcat started")) {
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Test
    void killsDuringFirstStart_thenStart_comesUpWithAWorkingDatabase() throws Exception {
        int kills = Integer.getInteger("assay.reliability.first-start-kills", 4);
        long seed = Long.getLong("assay.reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        Path directory = Files.createDirectories(Path.of("target", "reliability", "first-start-" + UUID.randomUUID()));
        Map<String, String> environment = Map.of(
                "ASSAY_DATA_DIR", directory.resolve("data").toString(),
                "ASSAY_BOOTSTRAP_API_KEY", KEY);

        for (int kill = 0; kill < kills; kill++) {
            // A stage of the start picked at random, then a random moment within it: the kill lands in
            // initdb, the first PostgreSQL start, the migrations or the bootstrap however fast the machine is.
            String stage = STAGES.get(random.nextInt(STAGES.size()));
            long extra = random.nextInt(1500);
            Path log = directory.resolve("start-" + kill + ".log");
            ServerProcess starting = ServerProcess.launch(log, environment, List.of());
            boolean reached = awaitLogLine(starting, log, stage);
            Thread.sleep(extra);
            starting.kill();
            System.out.printf("first-start kill %d: %s + %d ms (stage reached: %b, seed %d)%n", kill, stage, extra, reached, seed);
        }

        try (ServerProcess server = ServerProcess.start(directory.resolve("final.log"), environment, List.of());
                AssayClient client = AssayClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).build()) {
            String name = "after-crashes-" + UUID.randomUUID();
            client.products().create(CreateProductRequest.named(name));
            assertThat(client.products().list(ListOptions.none())).extracting(product -> product.name()).contains(name);
        }
        try (Stream<Path> entries = Files.list(directory.resolve("data"))) {
            assertThat(entries.map(path -> path.getFileName().toString()))
                    .as("no temporary cluster is left once a start succeeded (seed %d)", seed)
                    .noneMatch(name -> name.startsWith("postgres.init-"));
        }
    }

    @Test
    void start_onAnInitdbInterruptedInPlace_setsItAsideAndComesUp() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "reliability", "interrupted-initdb-" + UUID.randomUUID()));
        Path postgres = Files.createDirectories(directory.resolve("data").resolve("postgres"));
        Files.writeString(postgres.resolve("PG_VERSION"), "17\n");
        Files.createDirectories(postgres.resolve("base"));
        Map<String, String> environment = Map.of(
                "ASSAY_DATA_DIR", directory.resolve("data").toString(),
                "ASSAY_BOOTSTRAP_API_KEY", KEY);

        try (ServerProcess server = ServerProcess.start(directory.resolve("server.log"), environment, List.of());
                AssayClient client = AssayClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).build()) {
            assertThat(client.products().list(ListOptions.none())).isEmpty();
        }
        try (Stream<Path> entries = Files.list(directory.resolve("data"))) {
            assertThat(entries.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("postgres.incomplete-"));
        }
    }
}

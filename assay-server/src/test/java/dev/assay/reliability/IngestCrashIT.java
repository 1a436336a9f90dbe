package dev.assay.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.testing.IngestLoad;
import dev.assay.testing.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server while eight writers log batches of turns, round after round on one data
 * directory. After each restart every batch the server acknowledged is stored whole, and no batch
 * is stored in part. Rounds, writers and seed are system properties, for soak runs
 * (docs/reliability.md).
 */
class IngestCrashIT {
    private static final String KEY = "gsk_ingest-crash-test-key-0001";
    private static final int TURNS_PER_BATCH = 25;

    @Test
    void killDuringBatchIngest_everyAcknowledgedTurnSurvivesAndNoBatchIsPartial() throws Exception {
        int rounds = Integer.getInteger("assay.reliability.ingest-rounds", 2);
        int writers = Integer.getInteger("assay.reliability.ingest-writers", 8);
        long seed = Long.getLong("assay.reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        Path directory = Files.createDirectories(Path.of("target", "reliability", "ingest-crash-" + UUID.randomUUID()));
        Map<String, String> environment = Map.of(
                "ASSAY_DATA_DIR", directory.resolve("data").toString(),
                "ASSAY_BOOTSTRAP_API_KEY", KEY);

        IngestLoad previous = null;
        long acknowledgedTurns = 0;
        for (int round = 0; round <= rounds; round++) {
            ServerProcess server = ServerProcess.start(directory.resolve("round-" + round + ".log"), environment, List.of());
            if (previous != null) {
                int stored = previous.verify(server.baseUrl());
                assertThat(stored).as("seed %d", seed).isGreaterThanOrEqualTo(previous.acknowledgedBatches() * TURNS_PER_BATCH);
                acknowledgedTurns += (long) previous.acknowledgedBatches() * TURNS_PER_BATCH;
            }
            if (round == rounds) {
                server.close();
                break;
            }
            IngestLoad load = IngestLoad.start(server.baseUrl(), KEY, writers, TURNS_PER_BATCH);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledgedBatches() >= 10);
            Thread.sleep(500 + random.nextInt(3000));
            server.kill();
            load.close();
            assertThat(load.serverErrors()).as("5xx before the kill (seed %d)", seed).isEmpty();
            System.out.printf("ingest round %d: %d batches acknowledged, outcomes %s (seed %d)%n",
                    round, load.acknowledgedBatches(), load.outcomes(), seed);
            previous = load;
        }
        System.out.printf("ingest crash: %d rounds, %d acknowledged turns, all stored (seed %d)%n", rounds, acknowledgedTurns, seed);
    }
}

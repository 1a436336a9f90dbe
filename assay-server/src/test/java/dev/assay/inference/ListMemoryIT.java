package dev.assay.inference;

import static dev.assay.testing.Fixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ConversationTurn;
import dev.assay.api.SessionResponse;
import dev.assay.client.AssayClient;
import dev.assay.testing.ServerProcess;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lists stream: a server with a 256 MB heap answers four concurrent reads of a session whose
 * turns add up to about 100 MB each, all complete, and stays healthy. Materialised, the four
 * responses alone would need more than the whole heap.
 */
class ListMemoryIT {
    private static final String KEY = "gsk_list-memory-test-key-0001";
    private static final int TURNS = 250;
    private static final int TEXT = 200_000;

    @Test
    void concurrentListsOfLargeTurns_completeUnderASmallHeap() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "list-memory-" + UUID.randomUUID()));
        Map<String, String> environment = Map.of(
                "ASSAY_DATA_DIR", directory.resolve("data").toString(),
                "ASSAY_BOOTSTRAP_API_KEY", KEY,
                "JAVA_TOOL_OPTIONS", "-Xmx256m");
        try (ServerProcess server = ServerProcess.start(directory.resolve("server.log"), environment,
                List.of("--assay.evaluation.worker.enabled=false"));
                AssayClient client = AssayClient.builder().baseUrl(server.baseUrl()).apiKey(KEY).build()) {
            SessionResponse session = aSession(client);
            String question = "q".repeat(TEXT);
            String answer = "a".repeat(TEXT);
            for (int batch = 0; batch < TURNS / 10; batch++) {
                List<ConversationTurn> turns = new ArrayList<>();
                for (int t = 0; t < 10; t++) {
                    turns.add(ConversationTurn.user(question));
                    turns.add(ConversationTurn.assistant(answer));
                }
                client.inferenceResults().createBatch(session.id(), turns);
            }

            HttpClient http = HttpClient.newHttpClient();
            HttpRequest list = HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/inferenceResults?limit=10000&sessionIds=" + session.id()))
                    .header("Authorization", "Bearer " + KEY)
                    .build();
            List<Future<Integer>> reads = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (int i = 0; i < 4; i++) {
                    reads.add(pool.submit(() -> {
                        HttpResponse<InputStream> response = http.send(list, HttpResponse.BodyHandlers.ofInputStream());
                        assertThat(response.statusCode()).isEqualTo(200);
                        return completeTurns(response.body());
                    }));
                }
                for (Future<Integer> read : reads) {
                    assertThat(read.get()).isEqualTo(TURNS);
                }
            }
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("UP");
        }
    }

    /** The turns of a complete JSON array whose answers arrived whole; parsing fails on a truncated body. */
    private static int completeTurns(InputStream body) throws Exception {
        int turns = 0;
        try (InputStream in = body; JsonParser parser = JsonMapper.builder().build().createParser(in)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (name.equals("actualOutput")) {
                        assertThat(parser.getString()).hasSize(TEXT);
                    } else {
                        parser.skipChildren();
                    }
                }
                turns++;
            }
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
        }
        return turns;
    }
}

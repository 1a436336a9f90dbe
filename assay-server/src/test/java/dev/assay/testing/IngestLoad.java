package dev.assay.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writers that log batches of turns into sessions of their own, as fast as the server takes them,
 * and remember which batches the server acknowledged (201). After a crash or a stop, {@link
 * #verify} checks that every acknowledged turn is stored and that no batch is stored in part.
 *
 * <p>Each assistant message names its writer, batch and position ({@code w3-b17-m4}), so the
 * stored turns say which batch they came from.
 */
public final class IngestLoad implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MARK = Pattern.compile("w(\\d+)-b(\\d+)-m(\\d+)");

    private final String baseUrl;
    private final String apiKey;
    private final int turnsPerBatch;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> sessionIds = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;

    private IngestLoad(String baseUrl, String apiKey, int turnsPerBatch) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.turnsPerBatch = turnsPerBatch;
    }

    /** Creates a product, a version and one session per writer, then starts the writers. */
    public static IngestLoad start(String baseUrl, String apiKey, int writers, int turnsPerBatch) throws Exception {
        IngestLoad load = new IngestLoad(baseUrl, apiKey, turnsPerBatch);
        String productId = load.post("/products", "{\"name\":\"load-" + System.nanoTime() + "\"}").get("id").stringValue();
        String versionId = load.post("/versions", "{\"productId\":\"" + productId + "\",\"name\":\"v1\"}").get("id").stringValue();
        for (int i = 0; i < writers; i++) {
            load.sessionIds.add(load.post("/sessions", "{\"versionId\":\"" + versionId + "\"}").get("id").stringValue());
        }
        for (int i = 0; i < writers; i++) {
            int writer = i;
            load.writers.add(Thread.ofPlatform().name("ingest-writer-" + i).daemon().start(() -> load.write(writer)));
        }
        return load;
    }

    private void write(int writer) {
        for (int batch = 0; running; batch++) {
            StringBuilder turns = new StringBuilder();
            for (int m = 0; m < turnsPerBatch; m++) {
                if (m > 0) {
                    turns.append(',');
                }
                turns.append("{\"role\":\"user\",\"content\":\"question ").append(m).append("\"},")
                        .append("{\"role\":\"assistant\",\"content\":\"w").append(writer).append("-b").append(batch)
                        .append("-m").append(m).append("\"}");
            }
            String body = "{\"sessionId\":\"" + sessionIds.get(writer) + "\",\"conversationTurns\":[" + turns + "]}";
            String outcome;
            try {
                HttpResponse<String> response = http.send(request("/inferenceResults/batch")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                outcome = Integer.toString(response.statusCode());
                if (response.statusCode() == 201) {
                    acknowledged.add("w" + writer + "-b" + batch);
                } else if (response.statusCode() >= 500) {
                    serverErrors.add(response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                outcome = "connection: " + e.getClass().getSimpleName();
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            outcomes.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The batches acknowledged so far. */
    public int acknowledgedBatches() {
        return acknowledged.size();
    }

    /** How many requests ended how: a status code, or the kind of connection failure. */
    public Map<String, Integer> outcomes() {
        Map<String, Integer> copy = new HashMap<>();
        outcomes.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }

    /** Every 5xx answer with its body. */
    public List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }

    /** Stops the writers, waiting for the requests in flight to end. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread writer : writers) {
            writer.join(60_000);
        }
    }

    /**
     * Reads every session back from the server at {@code baseUrl} (the same data, after a restart)
     * and checks that each acknowledged batch is stored whole and no batch is stored in part.
     * Answers the number of turns stored.
     */
    public int verify(String restartedBaseUrl) throws Exception {
        Map<String, Integer> turnsPerStoredBatch = new HashMap<>();
        int stored = 0;
        for (String sessionId : sessionIds) {
            for (int offset = 0;; offset += 10_000) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(restartedBaseUrl
                        + "/inferenceResults?sessionIds=" + sessionId + "&limit=10000&offset=" + offset))
                        .header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("listing %s: %s", sessionId, response.body()).isEqualTo(200);
                JsonNode page = JSON.readTree(response.body());
                for (JsonNode turn : page) {
                    Matcher mark = MARK.matcher(turn.path("actualOutput").asString(""));
                    assertThat(mark.matches()).as("turn %s", turn).isTrue();
                    turnsPerStoredBatch.merge("w" + mark.group(1) + "-b" + mark.group(2), 1, Integer::sum);
                    stored++;
                }
                if (page.size() < 10_000) {
                    break;
                }
            }
        }
        for (String batch : acknowledged) {
            assertThat(turnsPerStoredBatch).as("acknowledged batch %s is stored", batch).containsKey(batch);
        }
        turnsPerStoredBatch.forEach((batch, turns) -> assertThat(turns).as("turns stored of batch %s", batch).isEqualTo(turnsPerBatch));
        return stored;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json");
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}

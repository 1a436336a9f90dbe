package dev.assay.inference;

import static dev.assay.testing.RawResponses.assertStatus;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Raw-request helpers and turn factories shared by the inference-result integration tests. */
abstract class InferenceResultApiTest extends ApiIntegrationTest {
    /** Every property of the seed response examples (seeds 000–002), in seed order. */
    static final List<String> SEED_FIELDS = List.of(
            "id", "sessionId", "userId", "index", "status", "input", "actualOutput", "retrievalContext", "latency",
            "inputTokens", "outputTokens", "cacheReadInputTokens", "tokens", "costPerInputToken",
            "costPerOutputToken", "costPerCacheReadInputToken", "cost", "creditsUsed",
            "conversationSimulatorVersion", "traceId", "createdAt", "deletedAt");

    static final Pattern ID = Pattern.compile("inferenceResult_[a-z2-7]{26}");
    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    static final String UNKNOWN_ID = "inferenceResult_aaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String UNKNOWN_SESSION_ID = "session_aaaaaaaaaaaaaaaaaaaaaaaaaa";

    /** Sends a request with this test's organization key. */
    HttpResponse<String> send(String method, String pathAndQuery, @Nullable String jsonBody) {
        return raw(method, pathAndQuery, jsonBody, tenant.apiKey());
    }

    /** The ids of {@code GET /inferenceResults?<query>}, which must answer 200. */
    List<String> listIds(String query) {
        JsonNode rows = assertStatus(send("GET", "/inferenceResults?" + query, null), 200);
        List<String> ids = new ArrayList<>();
        rows.values().forEach(row -> ids.add(row.get("id").stringValue()));
        return ids;
    }

    /** A turn with an input and an output, appended to the session. */
    InferenceResultResponse aTurn(String sessionId) {
        return client.inferenceResults().create(
                CreateInferenceResultRequest.forSession(sessionId).input("question").actualOutput("answer").build());
    }

    /** {@code count} turns of the session whose {@code createdAt} strictly increases in creation order. */
    List<InferenceResultResponse> turnsInCreationOrder(String sessionId, int count) {
        List<InferenceResultResponse> turns = new ArrayList<>();
        while (turns.size() < count) {
            CreateInferenceResultRequest request = CreateInferenceResultRequest.forSession(sessionId).input("message " + turns.size())
                    .build();
            turns.add(createLaterThan(turns.isEmpty() ? null : turns.getLast(), request));
        }
        return turns;
    }

    /**
     * Creates the turn so that its {@code createdAt} is strictly after {@code previous}'s. A turn
     * that lands in the same millisecond is deleted and created again, so no test has to sleep.
     */
    InferenceResultResponse createLaterThan(@Nullable InferenceResultResponse previous, CreateInferenceResultRequest request) {
        while (true) {
            InferenceResultResponse created = client.inferenceResults().create(request);
            if (previous == null || createdAt(created).isAfter(createdAt(previous))) {
                return created;
            }
            client.inferenceResults().delete(created.id());
        }
    }

    static Instant createdAt(InferenceResultResponse turn) {
        return Instant.parse(turn.createdAt());
    }

    static List<String> ids(List<InferenceResultResponse> turns) {
        return turns.stream().map(InferenceResultResponse::id).toList();
    }
}

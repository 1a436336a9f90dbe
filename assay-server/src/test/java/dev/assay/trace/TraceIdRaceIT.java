package dev.assay.trace;

import static dev.assay.testing.RawResponses.assertError;
import static dev.assay.testing.RawResponses.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.VersionResponse;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.Fixtures;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two requests racing on the same W3C trace id, sent at the same moment over real HTTP, many
 * times: turns created with a {@code traceId} (one wins, the other is the documented 400, never a
 * 500), and OTLP exports opening the same turn (both succeed: the loser runs once more and finds
 * the winner's turn).
 */
class TraceIdRaceIT extends ApiIntegrationTest {
    private static final int ROUNDS = 50;

    @Autowired
    JdbcClient jdbc;

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(value);
        value[0] |= 1; // never all zero
        return HexFormat.of().formatHex(value);
    }

    /** Runs both at the same moment and answers their responses in order. */
    private static List<HttpResponse<String>> together(ExecutorService pool, Supplier<HttpResponse<String>> first,
            Supplier<HttpResponse<String>> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (Supplier<HttpResponse<String>> request : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                start.await();
                return request.get();
            }));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> future : futures) {
            responses.add(future.get());
        }
        return responses;
    }

    @Test
    void twoCreatesWithTheSameTraceId_oneWins_theOtherIs400DuplicateName_neverA500() throws Exception {
        String versionId = Fixtures.aVersion(client).id();
        String sessionA = client.sessions().create(CreateSessionRequest.forVersion(versionId)).id();
        String sessionB = client.sessions().create(CreateSessionRequest.forVersion(versionId)).id();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                String traceId = randomHex(16);
                // Different sessions meet on the unique index; the same session on its row lock.
                String second = round % 5 == 0 ? sessionA : sessionB;
                List<HttpResponse<String>> responses = together(pool,
                        () -> raw("POST", "/inferenceResults", turn(sessionA, traceId), tenant.apiKey()),
                        () -> raw("POST", "/inferenceResults", turn(second, traceId), tenant.apiKey()));

                List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).sorted().toList();
                assertThat(statuses).as("round %d: %s", round, responses.stream().map(HttpResponse::body).toList())
                        .containsExactly(201, 400);
                HttpResponse<String> loser = responses.stream().filter(r -> r.statusCode() == 400).findFirst().orElseThrow();
                JsonNode error = assertError(loser, 400);
                assertThat(error.get("code").stringValue()).isEqualTo("DUPLICATE_NAME");
                assertThat(error.get("message").stringValue()).contains(traceId);
                assertThat(liveTurnsWithTraceId(traceId)).isEqualTo(1);
            }
        }
    }

    @Test
    void twoOtlpExportsOpeningTheSameTurn_bothSucceed_onOneTurnAndOneSession() throws Exception {
        VersionResponse version = Fixtures.aVersion(client);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                String traceId = randomHex(16);
                // Even rounds also race to open the session of a new conversation; odd ones share one.
                String conversation = round % 2 == 0 ? "conversation-" + round : "shared-conversation";
                String first = export(traceId, randomHex(8), conversation, version.id());
                String second = export(traceId, randomHex(8), conversation, version.id());
                List<HttpResponse<String>> responses = together(pool,
                        () -> otlp(first), () -> otlp(second));

                for (HttpResponse<String> response : responses) {
                    JsonNode body = assertStatus(response, 200);
                    assertThat(body.get("partialSuccess").isEmpty()).as("round %d: %s", round, response.body()).isTrue();
                }
                assertThat(liveTurnsWithTraceId(traceId)).as("round %d", round).isEqualTo(1);
                assertThat(spansOfTraceId(traceId)).as("round %d", round).isEqualTo(2);
                assertThat(sessionsWithCustomId(conversation)).as("round %d", round).isEqualTo(1);
            }
        }
    }

    private static String turn(String sessionId, String traceId) {
        return """
                {"sessionId": "%s", "input": "Where is my order?", "actualOutput": "It ships tomorrow.", "traceId": "%s"}"""
                .formatted(sessionId, traceId);
    }

    private static String export(String traceId, String spanId, String conversation, String versionId) {
        return """
                {"resourceSpans": [{"scopeSpans": [{"spans": [
                  {"traceId": "%s", "spanId": "%s", "name": "lookup_order",
                   "startTimeUnixNano": "1700000000000000000", "endTimeUnixNano": "1700000000250000000",
                   "attributes": [{"key": "galtea.span.type", "value": {"stringValue": "TOOL"}},
                                  {"key": "galtea.session.custom_id", "value": {"stringValue": "%s"}},
                                  {"key": "galtea.version.id", "value": {"stringValue": "%s"}}]}]}]}]}"""
                .formatted(traceId, spanId, conversation, versionId);
    }

    private HttpResponse<String> otlp(String json) {
        return raw("POST", "/otel/traces", json, tenant.apiKey());
    }

    private int liveTurnsWithTraceId(String traceId) {
        return jdbc.sql("SELECT count(*) FROM inference_results WHERE trace_id = ? AND deleted_at IS NULL")
                .param(traceId).query(Integer.class).single();
    }

    private int spansOfTraceId(String traceId) {
        return jdbc.sql("""
                SELECT count(*) FROM spans s JOIN inference_results r ON r.id = s.inference_result_id
                WHERE r.trace_id = ? AND s.deleted_at IS NULL
                """)
                .param(traceId).query(Integer.class).single();
    }

    private int sessionsWithCustomId(String customId) {
        return jdbc.sql("""
                SELECT count(*) FROM sessions s
                WHERE s.custom_id = ? AND s.deleted_at IS NULL AND s.organization_id = ?
                """)
                .param(customId).param(organizationUuid()).query(Integer.class).single();
    }

    private UUID organizationUuid() {
        return Ids.parse(IdKind.ORGANIZATION, tenant.organizationId()).orElseThrow();
    }
}

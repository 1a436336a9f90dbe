package dev.assay.inference;

import static dev.assay.testing.Fixtures.aSession;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.SessionResponse;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The turn index rules of docs/api.md: a counter on the session, explicit indices bounded and unique among live turns. */
class TurnIndexIT extends InferenceResultApiTest {

    private HttpResponse<String> createWithIndex(SessionResponse session, long index) {
        return send("POST", "/inferenceResults", """
                {"sessionId": "%s", "input": "hi", "index": %d}""".formatted(session.id(), index));
    }

    private List<Integer> storedIndices(SessionResponse session) {
        JsonNode rows = assertStatus(send("GET", "/inferenceResults?sessionIds=" + session.id() + "&sort=index", null), 200);
        List<Integer> indices = new ArrayList<>();
        rows.values().forEach(row -> indices.add(row.get("index").intValue()));
        return indices;
    }

    @Test
    void explicitIndexAboveTheBound_isRejectedAndStoresNothing() {
        SessionResponse session = aSession(client);

        for (long index : List.of(InferenceResultService.MAX_EXPLICIT_INDEX + 1L, (long) Integer.MAX_VALUE)) {
            assertThat(errorMessage(createWithIndex(session, index), 400))
                    .contains("index").contains(String.valueOf(InferenceResultService.MAX_EXPLICIT_INDEX));
        }

        assertThat(storedIndices(session)).isEmpty();
        assertThat(aTurn(session.id()).index()).isZero();
    }

    @Test
    void theLargestExplicitIndex_leavesRoomForLaterAppends() {
        SessionResponse session = aSession(client);
        assertStatus(createWithIndex(session, InferenceResultService.MAX_EXPLICIT_INDEX), 201);

        List<InferenceResultResponse> batch = client.inferenceResults().createBatch(session.id(), List.of(
                ConversationTurn.user("a"), ConversationTurn.assistant("b"), ConversationTurn.user("c")));

        assertThat(aTurn(session.id()).index()).isEqualTo(InferenceResultService.MAX_EXPLICIT_INDEX + 3);
        assertThat(batch).extracting(InferenceResultResponse::index)
                .containsExactly(InferenceResultService.MAX_EXPLICIT_INDEX + 1, InferenceResultService.MAX_EXPLICIT_INDEX + 2);
    }

    @Test
    void anExplicitIndexOfALiveTurn_isRejectedAndStoresNothing() {
        SessionResponse session = aSession(client);
        InferenceResultResponse first = aTurn(session.id());
        aTurn(session.id());

        assertThat(errorMessage(createWithIndex(session, first.index()), 400)).contains("already taken");
        assertThat(errorMessage(createWithIndex(session, 1), 400)).contains("already taken");

        assertThat(storedIndices(session)).containsExactly(0, 1);
    }

    @Test
    void anExplicitIndexBelowTheLastOne_isStoredWhenFree() {
        SessionResponse session = aSession(client);
        assertStatus(createWithIndex(session, 5), 201);

        assertStatus(createWithIndex(session, 2), 201);

        assertThat(storedIndices(session)).containsExactly(2, 5);
        assertThat(aTurn(session.id()).index()).isEqualTo(6);
    }

    @Test
    void aDeletedTurnsIndex_isFreeForAnExplicitIndexButNeverHandedOutAgain() {
        SessionResponse session = aSession(client);
        aTurn(session.id());
        InferenceResultResponse last = aTurn(session.id());
        client.inferenceResults().delete(last.id());

        assertThat(aTurn(session.id()).index()).isEqualTo(2);
        assertStatus(createWithIndex(session, 1), 201);
        assertThat(storedIndices(session)).containsExactly(0, 1, 2);
    }

    @Test
    void concurrentAppendsToOneSession_getConsecutiveIndicesOnce() throws Exception {
        SessionResponse session = aSession(client);
        int clients = 8;
        int batchesPerClient = 5;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int b = 0; b < batchesPerClient; b++) {
                        client.inferenceResults().createBatch(session.id(), List.of(
                                ConversationTurn.user("q1"), ConversationTurn.assistant("a1"),
                                ConversationTurn.user("q2"), ConversationTurn.assistant("a2")));
                        aTurn(session.id());
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }

        int expected = clients * batchesPerClient * 3;
        assertThat(storedIndices(session)).containsExactlyElementsOf(IntStream.range(0, expected).boxed().toList());
    }

    @Test
    void explicitIndexOnAnUnknownSession_isNotFound() {
        HttpResponse<String> response = send("POST", "/inferenceResults", """
                {"sessionId": "%s", "input": "hi", "index": 3}""".formatted(UNKNOWN_SESSION_ID));

        assertStatus(response, 404);
    }

    @Test
    void createRequestWithoutIndex_stillAppends() {
        SessionResponse session = aSession(client);
        client.inferenceResults().create(CreateInferenceResultRequest.forSession(session.id()).input("x").index(3).build());

        assertThat(aTurn(session.id()).index()).isEqualTo(4);
    }
}

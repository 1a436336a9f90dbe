package dev.assay.trace;

import static dev.assay.testing.ApiErrors.apiError;
import static dev.assay.testing.RawResponses.assertError;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.trace.TraceFixtures.aTurn;
import static dev.assay.trace.TraceFixtures.anotherTurn;
import static dev.assay.trace.TraceFixtures.full;
import static dev.assay.trace.TraceFixtures.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateTraceBatchResponse;
import dev.assay.api.CreateTraceRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.TraceNodeResponse;
import dev.assay.api.TraceResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The span API on /traces, through the SDK and raw HTTP. */
class TraceApiIT extends ApiIntegrationTest {

    @Test
    void create_storesEveryWireField_andGetAnswersTheSame() {
        InferenceResultResponse turn = aTurn(client);

        TraceResponse created = client.traces().create(full(turn.id()));

        assertThat(created.id()).startsWith("trace_");
        assertThat(created.inferenceResultId()).isEqualTo(turn.id());
        assertThat(created.name()).isEqualTo("fetch_user_data");
        assertThat(created.type()).isEqualTo("TOOL");
        assertThat(created.description()).isEqualTo("Fetches user data by id");
        assertThat(created.inputData()).isEqualTo(Map.of("user_id", "123"));
        assertThat(created.outputData()).isEqualTo(Map.of("name", "John Doe"));
        assertThat(created.latencyMs()).isEqualTo(45.5);
        assertThat(created.metadata()).isEqualTo(Map.of("model", "gpt-4"));
        assertThat(created.startTime()).isEqualTo("2026-11-07T05:31:56.100Z");
        assertThat(created.endTime()).isEqualTo("2026-11-07T05:31:56.150Z");
        assertThat(created.parentTraceId()).isNull();
        assertThat(created.deletedAt()).isNull();
        assertThat(client.traces().get(created.id())).isEqualTo(created);
    }

    @Test
    void create_rawBody_answers201WithLocation_andDerivesLatencyFromTimes() {
        InferenceResultResponse turn = aTurn(client);

        var response = raw("POST", "/traces", """
                {"inferenceResultId": "%s", "name": "search", "type": "retriever",
                 "startTime": "2026-11-07T05:31:56Z", "endTime": "2026-11-07T05:31:57.250Z",
                 "outputData": "three documents"}""".formatted(turn.id()), tenant.apiKey());

        JsonNode body = assertStatus(response, 201);
        assertThat(response.headers().firstValue("Location")).hasValue("/traces/" + body.get("id").stringValue());
        assertThat(body.get("type").stringValue()).isEqualTo("RETRIEVER");
        assertThat(body.get("latencyMs").doubleValue()).isEqualTo(1250.0);
        assertThat(body.get("outputData").stringValue()).isEqualTo("three documents");
        assertThat(body.get("metadata").isNull()).isTrue();
    }

    @Test
    void unknownType_isNormalised_andTheLabelKeptInMetadata() {
        InferenceResultResponse turn = aTurn(client);

        TraceResponse llm = client.traces().create(span(null, turn.id(), "answer", "llm", null));
        TraceResponse odd = client.traces().create(span(null, turn.id(), "step", "my-custom-kind", null));
        TraceResponse none = client.traces().create(span(null, turn.id(), "plain", null, null));

        assertThat(llm.type()).isEqualTo("GENERATION");
        assertThat(llm.metadata()).containsEntry("galtea.span.original_type", "llm");
        assertThat(odd.type()).isEqualTo("SPAN");
        assertThat(odd.metadata()).containsEntry("galtea.span.original_type", "my-custom-kind");
        assertThat(none.type()).isEqualTo("SPAN");
        assertThat(none.metadata()).isNull();
    }

    @Test
    void badSpans_are400_andStoreNothing() {
        InferenceResultResponse turn = aTurn(client);
        String id = turn.id();
        List<String> bodies = List.of(
                "{\"name\": \"x\"}",
                "{\"inferenceResultId\": \"" + id + "\"}",
                "{\"inferenceResultId\": \"" + id + "\", \"name\": \"  \"}",
                "{\"inferenceResultId\": \"" + id + "\", \"name\": 7}",
                "{\"inferenceResultId\": \"" + id + "\", \"name\": \"x\", \"latencyMs\": -1}",
                "{\"inferenceResultId\": \"" + id + "\", \"name\": \"x\", \"latencyMs\": \"fast\"}",
                "{\"inferenceResultId\": \"" + id + "\", \"name\": \"x\", \"metadata\": [1]}",
                "{\"inferenceResultId\": \"" + id + "\", \"name\": \"x\", \"startTime\": \"yesterday\"}",
                "{\"inferenceResultId\": \"" + id + "\", \"name\": \"x\", \"startTime\": \"2026-01-02T00:00:00Z\","
                        + " \"endTime\": \"2026-01-01T00:00:00Z\"}",
                "{\"inferenceResultId\": \"" + id + "\", \"name\": \"x\", \"parentTraceId\": \"nope\"}",
                "{\"inferenceResultId\": \"" + id + "\", \"name\": \"x\", \"inputData\": {\"a\": \"\\u0000\"}}",
                "{\"inferenceResultId\": \"" + id + "\", \"name\": \"x\", \"outputData\": 1e999}",
                "[1, 2]",
                "{\"inferenceResultId\": \"" + id + "\", \"name\": \"" + "n".repeat(1001) + "\"}");
        for (String body : bodies) {
            assertError(raw("POST", "/traces", body, tenant.apiKey()), 400);
        }
        assertThat(client.traces().list(ListOptions.none().filter("inferenceResultIds", id))).isEmpty();
    }

    @Test
    void unknownTurn_is404() {
        AssayApiException error = apiError(() -> client.traces().create(span(null,
                "inferenceResult_" + "a".repeat(26), "x", "TOOL", null)), ErrorCode.INFERENCE_RESULT_NOT_FOUND);
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.code()).isEqualTo("INFERENCE_RESULT_NOT_FOUND");
    }

    @Test
    void parent_mustBeASpanOfTheSameTurn() {
        InferenceResultResponse turn = aTurn(client);
        InferenceResultResponse other = anotherTurn(client, turn);
        TraceResponse root = client.traces().create(span(null, turn.id(), "agent", "AGENT", null));

        TraceResponse child = client.traces().create(span(null, turn.id(), "tool", "TOOL", root.id()));
        assertThat(child.parentTraceId()).isEqualTo(root.id());

        assertThat(apiError(() -> client.traces().create(span(null, other.id(), "tool", "TOOL", root.id())), ErrorCode.INVALID_REQUEST)
                .status())
                .isEqualTo(400);
        assertThat(apiError(() -> client.traces().create(span(null, turn.id(), "tool", "TOOL",
                "trace_" + "b".repeat(26))), ErrorCode.INVALID_REQUEST).status()).isEqualTo(400);
        String self = UUID.randomUUID().toString();
        assertThat(
                apiError(() -> client.traces().create(span(self, turn.id(), "loop", "TOOL", self)), ErrorCode.INVALID_REQUEST).getMessage())
                .contains("cycle");
    }

    @Test
    void batch_object_isPartialSuccess_withPerItemResults() {
        InferenceResultResponse turn = aTurn(client);
        String parent = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        List<CreateTraceRequest> spans = List.of(
                span(null, turn.id(), "child_first", "TOOL", parent), // parent comes later in the batch
                span(parent, turn.id(), "agent", "AGENT", null),
                span(null, "inferenceResult_" + "c".repeat(26), "lost", "TOOL", null),
                span(a, turn.id(), "a", "TOOL", b), // a <-> b is a cycle
                span(b, turn.id(), "b", "TOOL", a));

        CreateTraceBatchResponse result = client.traces().createBatch(spans);

        assertThat(result.traces()).extracting(TraceResponse::name).containsExactly("child_first", "agent");
        assertThat(result.traces().get(0).parentTraceId()).isEqualTo(result.traces().get(1).id());
        assertThat(result.rejected()).extracting(CreateTraceBatchResponse.Rejected::index).containsExactly(2, 3, 4);
        assertThat(result.rejected().get(0).message()).contains("Inference result not found");
        assertThat(result.rejected().get(1).message()).contains("cycle");
        assertThat(client.traces().list(ListOptions.none().filter("inferenceResultIds", turn.id()))).hasSize(2);
    }

    @Test
    void batch_reSentWithTheSameIds_storesNothingTwice() {
        InferenceResultResponse turn = aTurn(client);
        String root = UUID.randomUUID().toString();
        List<CreateTraceRequest> spans = List.of(span(root, turn.id(), "agent", "AGENT", null),
                span(UUID.randomUUID().toString(), turn.id(), "tool", "TOOL", root));

        CreateTraceBatchResponse first = client.traces().createBatch(spans);
        CreateTraceBatchResponse again = client.traces().createBatch(spans);

        assertThat(again.traces()).isEqualTo(first.traces());
        assertThat(again.rejected()).isEmpty();
        assertThat(client.traces().list(ListOptions.none().filter("inferenceResultIds", turn.id()))).hasSize(2);
    }

    @Test
    void batch_whereEveryItemIsDropped_is400() {
        AssayApiException error = apiError(() -> client.traces().createBatch(List.of(
                span(null, "inferenceResult_" + "d".repeat(26), "x", "TOOL", null))), ErrorCode.INVALID_REQUEST);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.getMessage()).contains("item 0");
    }

    @Test
    void batch_array_isAllOrNothing_andAnswersTheSpans() {
        InferenceResultResponse turn = aTurn(client);
        String good = "{\"inferenceResultId\": \"" + turn.id() + "\", \"name\": \"ok\", \"type\": \"TOOL\"}";

        JsonNode stored = assertStatus(raw("POST", "/traces/batch", "[" + good + "," + good + "]", tenant.apiKey()), 201);
        assertThat(stored.isArray()).isTrue();
        assertThat(stored.size()).isEqualTo(2);

        String bad = "{\"inferenceResultId\": \"" + turn.id() + "\", \"latencyMs\": 1}";
        String message = assertError(raw("POST", "/traces/batch", "[" + good + "," + bad + "]", tenant.apiKey()), 400)
                .get("message").stringValue();
        assertThat(message).contains("[1].name");
        assertThat(client.traces().list(ListOptions.none().filter("inferenceResultIds", turn.id()))).hasSize(2);

        assertError(raw("POST", "/traces/batch", "{\"spans\": []}", tenant.apiKey()), 400);
        assertError(raw("POST", "/traces/batch", "[]", tenant.apiKey()), 400);
        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i < 1001; i++) {
            tooMany.append(i == 0 ? "" : ",").append(good);
        }
        assertError(raw("POST", "/traces/batch", tooMany.append("]").toString(), tenant.apiKey()), 400);
    }

    @Test
    void list_filtersBySessionTypeNameAndStartTime_andSorts() {
        InferenceResultResponse turn = aTurn(client);
        InferenceResultResponse other = aTurn(client);
        client.traces().createBatch(List.of(
                timed(turn.id(), "search", "RETRIEVER", "2026-01-01T10:00:00Z"),
                timed(turn.id(), "lookup", "TOOL", "2026-01-01T10:00:02Z"),
                timed(turn.id(), "answer", "GENERATION", "2026-01-01T10:00:01Z"),
                timed(other.id(), "lookup", "TOOL", "2026-01-01T10:00:03Z")));

        assertThat(client.traces().list(ListOptions.none().filter("sessionIds", turn.sessionId()).sort("startTime", false)))
                .extracting(TraceResponse::name).containsExactly("search", "answer", "lookup");
        assertThat(client.traces().list(ListOptions.none().filter("types", "TOOL")))
                .extracting(TraceResponse::inferenceResultId).containsExactlyInAnyOrder(turn.id(), other.id());
        assertThat(client.traces().list(ListOptions.none().filter("names", "answer"))).hasSize(1);
        assertThat(client.traces().list(ListOptions.none().with("fromStartTime", "2026-01-01T10:00:02Z")))
                .extracting(TraceResponse::name).containsExactlyInAnyOrder("lookup", "lookup");
        assertThat(client.traces().list(ListOptions.none().with("toStartTime", "2026-01-01T10:00:00Z")))
                .extracting(TraceResponse::name).containsExactly("search");
        assertThat(client.traces().list(ListOptions.none().sort("startTime", true).limit(1).offset(1)))
                .extracting(TraceResponse::startTime).containsExactly("2026-01-01T10:00:02.000Z");
        assertError(raw("GET", "/traces?types=BANANA", null, tenant.apiKey()), 400);
        assertError(raw("GET", "/traces?sort=name", null, tenant.apiKey()), 400);
        String missing = "trace_" + "e".repeat(26);
        assertThat(apiError(() -> client.traces().list(ListOptions.none().filter("ids", missing)), ErrorCode.SPAN_NOT_FOUND).getMessage())
                .contains("Spans not found: " + missing);
    }

    @Test
    void tree_nestsChildrenUnderParents_inStartOrder() {
        InferenceResultResponse turn = aTurn(client);
        String agent = UUID.randomUUID().toString();
        String llm = UUID.randomUUID().toString();
        client.traces().createBatch(List.of(
                at(null, turn.id(), "tool_b", "TOOL", llm, "2026-01-01T10:00:03Z"),
                at(llm, turn.id(), "plan", "GENERATION", agent, "2026-01-01T10:00:01Z"),
                at(null, turn.id(), "tool_a", "TOOL", llm, "2026-01-01T10:00:02Z"),
                at(agent, turn.id(), "agent", "AGENT", null, "2026-01-01T10:00:00Z"),
                at(null, turn.id(), "summary", "EVENT", null, "2026-01-01T10:00:05Z")));

        List<TraceNodeResponse> tree = client.traces().tree(turn.id());

        assertThat(tree).extracting(node -> node.span().name()).containsExactly("agent", "summary");
        TraceNodeResponse plan = tree.getFirst().children().getFirst();
        assertThat(plan.span().name()).isEqualTo("plan");
        assertThat(plan.children()).extracting(node -> node.span().name()).containsExactly("tool_a", "tool_b");
        assertThat(apiError(() -> client.traces().tree("inferenceResult_" + "f".repeat(26)), ErrorCode.INFERENCE_RESULT_NOT_FOUND).status())
                .isEqualTo(404);
    }

    @Test
    void delete_hidesTheSpanAndItsDescendants_andDeletingTheTurnHidesItsSpans() {
        InferenceResultResponse turn = aTurn(client);
        TraceResponse root = client.traces().create(span(null, turn.id(), "agent", "AGENT", null));
        TraceResponse child = client.traces().create(span(null, turn.id(), "tool", "TOOL", root.id()));
        TraceResponse sibling = client.traces().create(span(null, turn.id(), "other", "TOOL", null));

        client.traces().delete(root.id());

        assertThat(apiError(() -> client.traces().get(child.id()), ErrorCode.SPAN_NOT_FOUND).code()).isEqualTo("SPAN_NOT_FOUND");
        assertThat(apiError(() -> client.traces().delete(root.id()), ErrorCode.SPAN_NOT_FOUND).status()).isEqualTo(404);
        assertThat(client.traces().list(ListOptions.none().filter("inferenceResultIds", turn.id())))
                .extracting(TraceResponse::id).containsExactly(sibling.id());

        client.inferenceResults().delete(turn.id());
        assertThat(apiError(() -> client.traces().get(sibling.id()), ErrorCode.SPAN_NOT_FOUND).status()).isEqualTo(404);
        assertThat(client.traces().list(ListOptions.none())).isEmpty();
    }

    @Test
    void anotherOrganization_cannotSeeWriteOrReuseIds() {
        InferenceResultResponse turn = aTurn(client);
        String clientId = UUID.randomUUID().toString();
        TraceResponse mine = client.traces().createBatch(List.of(span(clientId, turn.id(), "agent", "AGENT", null)))
                .traces().getFirst();
        var intruder = newTenant().client();
        InferenceResultResponse theirs = aTurn(intruder);

        assertThat(apiError(() -> intruder.traces().get(mine.id()), ErrorCode.SPAN_NOT_FOUND).status()).isEqualTo(404);
        assertThat(apiError(() -> intruder.traces().delete(mine.id()), ErrorCode.SPAN_NOT_FOUND).status()).isEqualTo(404);
        assertThat(intruder.traces().list(ListOptions.none())).isEmpty();
        assertThat(apiError(() -> intruder.traces().create(span(null, turn.id(), "x", "TOOL", null)), ErrorCode.INFERENCE_RESULT_NOT_FOUND)
                .status())
                .isEqualTo(404);
        assertThat(apiError(() -> intruder.traces().create(span(null, theirs.id(), "x", "TOOL", mine.id())), ErrorCode.INVALID_REQUEST)
                .status())
                .isEqualTo(400);
        CreateTraceBatchResponse reuse = intruder.traces().createBatch(List.of(
                span(clientId, theirs.id(), "mine now", "TOOL", null), span(null, theirs.id(), "fine", "TOOL", null)));
        assertThat(reuse.rejected()).extracting(CreateTraceBatchResponse.Rejected::index).containsExactly(0);
        assertThat(client.traces().get(mine.id()).name()).isEqualTo("agent");
    }

    @Test
    void traceIdOnTurns_isValidated_andUniqueInTheOrganization() {
        InferenceResultResponse turn = aTurn(client);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var request = CreateInferenceResultRequest.forSession(turn.sessionId()).input("hi");

        InferenceResultResponse tagged = client.inferenceResults().create(request.traceId(traceId.toUpperCase()).build());
        assertThat(tagged.traceId()).isEqualTo(traceId);
        assertThat(apiError(() -> client.inferenceResults().create(request.traceId(traceId).build()), ErrorCode.DUPLICATE_NAME).status())
                .isEqualTo(400);
        assertThat(apiError(() -> client.inferenceResults().create(request.traceId("xyz").build()), ErrorCode.INVALID_REQUEST).status())
                .isEqualTo(400);
        assertThat(apiError(() -> client.inferenceResults().create(request.traceId("0".repeat(32)).build()), ErrorCode.INVALID_REQUEST)
                .status())
                .isEqualTo(400);
        var elsewhere = newTenant().client();
        assertThat(elsewhere.inferenceResults().create(CreateInferenceResultRequest
                .forSession(aTurn(elsewhere).sessionId()).traceId(traceId).build()).traceId()).isEqualTo(traceId);
    }

    private static CreateTraceRequest timed(String turnId, String name, String type, String start) {
        return at(null, turnId, name, type, null, start);
    }

    private static CreateTraceRequest at(String id, String turnId, String name, String type, String parent, String start) {
        return new CreateTraceRequest(id, turnId, name, type, null, null, null, null, null, null, parent, start, null);
    }
}

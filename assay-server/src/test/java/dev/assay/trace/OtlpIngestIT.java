package dev.assay.trace;

import static dev.assay.testing.RawResponses.assertError;
import static dev.assay.testing.RawResponses.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.TraceNodeResponse;
import dev.assay.api.TraceResponse;
import dev.assay.api.VersionResponse;
import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.Fixtures;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpJsonExporters;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * POST /otel/traces fed by the OpenTelemetry Java SDK's own OTLP/HTTP exporter, in protobuf (gzip)
 * and JSON, plus raw requests for what an exporter never sends.
 */
class OtlpIngestIT extends ApiIntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    IngestGate gate;

    /** Keeps what it exported so a test can send the very same spans again. */
    private static final class Recording implements SpanExporter {
        final SpanExporter delegate;
        final List<SpanData> exported = new ArrayList<>();

        Recording(SpanExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized CompletableResultCode export(Collection<SpanData> spans) {
            exported.addAll(spans);
            return delegate.export(spans);
        }

        @Override
        public CompletableResultCode flush() {
            return delegate.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return delegate.shutdown();
        }
    }

    private SpanExporter exporter(String encoding) {
        var builder = encoding.equals("json") ? OtlpJsonExporters.builder() : OtlpHttpSpanExporter.builder().setCompression("gzip");
        return builder.setEndpoint(baseUrl() + "/otel/traces")
                .addHeader("Authorization", "Bearer " + tenant.apiKey())
                .build();
    }

    private static SdkTracerProvider provider(SpanExporter exporter, Attributes resource) {
        return SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(resource)))
                // One export per flush, as a batching exporter sends them.
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setScheduleDelay(Duration.ofHours(1))
                        .setMaxExportBatchSize(512).build())
                .build();
    }

    /**
     * One agent turn as an instrumented application records it: a root span with the user's
     * message and the answer, a GenAI chat call with token usage, two tool calls.
     */
    private static String agentTurn(Tracer tracer, Function<Span, Span> onRoot) {
        Span root = onRoot.apply(tracer.spanBuilder("handle_message").startSpan());
        root.setAttribute("galtea.span.input", "{\"user_message\": \"Where is my order?\"}");
        root.setAttribute("galtea.span.output", "It ships tomorrow.");
        root.setAttribute("galtea.span.type", "AGENT");
        try (Scope ignored = root.makeCurrent()) {
            tracer.spanBuilder("chat gpt-4o").setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute("gen_ai.request.model", "gpt-4o")
                    .setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 120L)
                    .setAttribute(AttributeKey.longKey("gen_ai.usage.output_tokens"), 30L)
                    .startSpan().end();
            tracer.spanBuilder("execute_tool lookup_order").setAttribute("gen_ai.operation.name", "execute_tool")
                    .setAttribute("gen_ai.tool.name", "lookup_order")
                    .setAttribute("gen_ai.tool.call.arguments", "{\"order\": 42}")
                    .startSpan().end();
            Span failing = tracer.spanBuilder("notify").setAttribute("galtea.span.type", "function").startSpan();
            failing.setStatus(StatusCode.ERROR, "mail server down");
            failing.end();
            tracer.spanBuilder("chat gpt-4o").setAttribute("gen_ai.operation.name", "chat")
                    .setAttribute(AttributeKey.longKey("gen_ai.usage.input_tokens"), 80L)
                    .setAttribute(AttributeKey.longKey("gen_ai.usage.output_tokens"), 20L)
                    .startSpan().end();
        }
        root.end();
        return root.getSpanContext().getTraceId();
    }

    @ParameterizedTest
    @ValueSource(strings = {"protobuf", "json"})
    void conversationKey_assemblesAProductionSession_oneTurnPerTrace_andReSendsChangeNothing(String encoding) {
        VersionResponse version = Fixtures.aVersion(client);
        Recording exporter = new Recording(exporter(encoding));
        String first;
        String second;
        try (SdkTracerProvider provider = provider(exporter,
                Attributes.of(AttributeKey.stringKey("galtea.version.id"), version.id()))) {
            Tracer tracer = provider.get("assay-test");
            first = agentTurn(tracer, span -> span.setAttribute("gen_ai.conversation.id", "conversation-7"));
            second = agentTurn(tracer, span -> span.setAttribute("gen_ai.conversation.id", "conversation-7"));
            assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        }

        List<SessionResponse> sessions = client.sessions().list(ListOptions.none().filter("customIds", "conversation-7"));
        assertThat(sessions).hasSize(1);
        assertThat(sessions.getFirst().versionId()).isEqualTo(version.id());
        List<InferenceResultResponse> turns = client.inferenceResults().list(
                ListOptions.none().filter("sessionIds", sessions.getFirst().id()).sort("index", false));
        assertThat(turns).extracting(InferenceResultResponse::traceId).containsExactly(first, second);
        InferenceResultResponse turn = turns.getFirst();
        // The root span ends last, so it arrives after the turn was opened by its children.
        assertThat(turn.input()).isEqualTo(Map.of("user_message", "Where is my order?"));
        assertThat(turn.actualOutput()).isEqualTo("It ships tomorrow.");
        assertThat(turn.inputTokens()).isEqualTo(200L);
        assertThat(turn.outputTokens()).isEqualTo(50L);
        assertThat(turn.tokens()).isEqualTo(250L);

        List<TraceNodeResponse> tree = client.traces().tree(turn.id());
        assertThat(tree).hasSize(1);
        TraceResponse root = tree.getFirst().span();
        assertThat(root.name()).isEqualTo("handle_message");
        assertThat(root.type()).isEqualTo("AGENT");
        assertThat(root.latencyMs()).isNotNull().isPositive();
        assertThat(tree.getFirst().children()).extracting(node -> node.span().type() + " " + node.span().name())
                .containsExactly("GENERATION chat gpt-4o", "TOOL lookup_order", "TOOL notify", "GENERATION chat gpt-4o");
        TraceResponse tool = tree.getFirst().children().get(1).span();
        assertThat(tool.inputData()).isEqualTo(Map.of("order", 42));
        assertThat(tool.metadata()).containsEntry("otel.span.name", "execute_tool lookup_order")
                .containsEntry("gen_ai.tool.name", "lookup_order");
        assertThat(tree.getFirst().children().get(2).span().error()).isEqualTo("mail server down");
        assertThat(tree.getFirst().children().get(2).span().metadata()).containsEntry("galtea.span.original_type", "function");
        assertThat(tree.getFirst().children().getFirst().span().metadata()).containsEntry("gen_ai.request.model", "gpt-4o");

        // The same export again, as a retrying exporter would send it.
        SpanExporter again = exporter(encoding);
        assertThat(again.export(exporter.exported).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        again.shutdown();
        assertThat(client.sessions().list(ListOptions.none().filter("customIds", "conversation-7"))).hasSize(1);
        assertThat(client.inferenceResults().list(ListOptions.none().filter("sessionIds", sessions.getFirst().id())))
                .hasSize(2);
        assertThat(client.traces().list(ListOptions.none().filter("sessionIds", sessions.getFirst().id()))).hasSize(10);
        assertThat(client.inferenceResults().get(turn.id()).inputTokens()).isEqualTo(200L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"protobuf", "json"})
    void childrenSentBeforeTheirRoot_waitForIt_andJoinTheTurnItOpens(String encoding) {
        VersionResponse version = Fixtures.aVersion(client);
        Recording captured = new Recording(new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        });
        String traceId;
        try (SdkTracerProvider provider = provider(captured,
                Attributes.of(AttributeKey.stringKey("galtea.version.id"), version.id()))) {
            traceId = agentTurn(provider.get("assay-test"), span -> span.setAttribute("session.id", "web-session-1"));
            provider.forceFlush().join(10, TimeUnit.SECONDS);
        }
        List<SpanData> children = captured.exported.stream().filter(span -> span.getParentSpanContext().isValid()).toList();
        List<SpanData> root = captured.exported.stream().filter(span -> !span.getParentSpanContext().isValid()).toList();
        SpanExporter real = exporter(encoding);

        assertThat(real.export(children).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(client.sessions().list(ListOptions.none().filter("customIds", "web-session-1"))).isEmpty();
        assertThat(client.traces().list(ListOptions.none())).isEmpty();

        assertThat(real.export(root).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        InferenceResultResponse turn = client.inferenceResults().list(ListOptions.none()).getFirst();
        assertThat(turn.traceId()).isEqualTo(traceId);
        assertThat(turn.inputTokens()).isEqualTo(200L);
        assertThat(client.traces().tree(turn.id())).singleElement()
                .satisfies(node -> assertThat(node.children()).hasSize(4));

        assertThat(real.export(captured.exported).join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        real.shutdown();
        assertThat(client.inferenceResults().list(ListOptions.none())).hasSize(1);
        assertThat(client.traces().list(ListOptions.none())).hasSize(5);
    }

    @Test
    void galteaTraceId_attachesSpansToAnExistingTurn() {
        InferenceResultResponse turn = TraceFixtures.aTurn(client);
        try (SdkTracerProvider provider = provider(exporter("protobuf"), Attributes.empty())) {
            Tracer tracer = provider.get("assay-test");
            agentTurn(tracer, span -> span.setAttribute("galtea.trace.id", turn.id()));
            Span child = tracer.spanBuilder("late").setAttribute("galtea.inference_result.id", turn.id()).startSpan();
            child.end();
            provider.forceFlush().join(10, TimeUnit.SECONDS);
        }

        List<TraceResponse> spans = client.traces().list(ListOptions.none().filter("inferenceResultIds", turn.id()));
        assertThat(spans).hasSize(6);
        assertThat(spans).allSatisfy(span -> assertThat(span.metadata() == null ? Map.of() : span.metadata())
                .doesNotContainKeys("galtea.trace.id", "galtea.inference_result.id"));
        // A turn the client logged keeps its own fields.
        assertThat(client.inferenceResults().get(turn.id()).inputTokens()).isNull();
    }

    @Test
    void w3cTraceIdStoredOnATurn_correlatesItsSpans() {
        SessionResponse session = Fixtures.aSession(client);
        try (SdkTracerProvider provider = provider(exporter("json"), Attributes.empty())) {
            Tracer tracer = provider.get("assay-test");
            Span root = tracer.spanBuilder("request").startSpan();
            InferenceResultResponse turn = client.inferenceResults().create(CreateInferenceResultRequest
                    .forSession(session.id()).input("hi").traceId(root.getSpanContext().getTraceId()).build());
            try (Scope ignored = root.makeCurrent()) {
                tracer.spanBuilder("search").setAttribute("galtea.span.type", "RETRIEVER")
                        .setAttribute("galtea.span.output", "Order 42 ships tomorrow.").startSpan().end();
            }
            root.end();
            provider.forceFlush().join(10, TimeUnit.SECONDS);

            assertThat(client.traces().tree(turn.id())).singleElement()
                    .satisfies(node -> assertThat(node.children()).singleElement()
                            .satisfies(child -> assertThat(child.span().outputData()).isEqualTo("Order 42 ships tomorrow.")));
        }
        assertThat(client.inferenceResults().list(ListOptions.none().filter("sessionIds", session.id()))).hasSize(1);
    }

    @Test
    void badAndUncorrelatedSpans_areReported_inPartialSuccess_inBothEncodings() throws Exception {
        String json = """
                {"resourceSpans": [{"resource": {"attributes": []}, "scopeSpans": [{"spans": [
                  {"traceId": "5b8efff798038103d269b633813fc60c", "spanId": "eee19b7ec3c1b174", "name": "orphan",
                   "startTimeUnixNano": "1700000000000000000", "endTimeUnixNano": "1700000000500000000"},
                  {"traceId": "00000000000000000000000000000000", "spanId": "eee19b7ec3c1b175", "name": "bad ids"}
                ]}]}]}""";
        JsonNode body = assertStatus(otlp(json.getBytes(), "application/json", null, tenant.apiKey()), 200);
        // The span with zero ids is rejected; the orphan waits for a span that names its turn.
        assertThat(body.get("partialSuccess").get("rejectedSpans").intValue()).isEqualTo(1);
        assertThat(body.get("partialSuccess").get("errorMessage").stringValue()).contains("1 spans wait for their turn");

        var request = ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder()
                        .addScopeSpans(ScopeSpans.newBuilder()
                                .addSpans(io.opentelemetry.proto.trace.v1.Span.newBuilder()
                                        .setTraceId(ByteString.copyFrom(new byte[16]))
                                        .setSpanId(ByteString.copyFrom(new byte[8]))
                                        .setName("zero ids"))))
                .build();
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/otel/traces"))
                .header("Authorization", "Bearer " + tenant.apiKey())
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        var answer = ExportTraceServiceResponse.parseFrom(response.body());
        assertThat(answer.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
        assertThat(client.traces().list(ListOptions.none())).isEmpty();
    }

    @Test
    void emptyExport_isAcceptedWithAnEmptyPartialSuccess() throws Exception {
        JsonNode body = assertStatus(otlp("{}".getBytes(), "application/json", null, tenant.apiKey()), 200);
        assertThat(body.get("partialSuccess").isEmpty()).isTrue();
        assertThat(otlp(new byte[0], "application/x-protobuf", null, tenant.apiKey()).statusCode()).isEqualTo(200);
    }

    @Test
    void badRequests_getTheErrorBody_andStoreNothing() throws Exception {
        String valid = "{\"resourceSpans\": []}";
        assertError(otlp(valid.getBytes(), "application/json", null, null), 401);
        assertError(otlp(valid.getBytes(), "text/plain", null, tenant.apiKey()), 415);
        assertError(otlp(valid.getBytes(), "application/json", "br", tenant.apiKey()), 415);
        assertError(otlp("not gzip".getBytes(), "application/json", "gzip", tenant.apiKey()), 400);
        assertError(otlp("{\"resourceSpans\": [".getBytes(), "application/json", null, tenant.apiKey()), 400);
        assertError(otlp("{\"resourceSpans\": 3}".getBytes(), "application/json", null, tenant.apiKey()), 400);
        assertError(otlp(new byte[]{(byte) 0xff, 1, 2, 3}, "application/x-protobuf", null, tenant.apiKey()), 400);
        // A small gzip body that inflates past the 10 MiB body limit.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            gzip.write(new byte[11 * 1024 * 1024]);
        }
        assertError(otlp(bomb.toByteArray(), "application/json", "gzip", tenant.apiKey()), 413);
        assertThat(client.traces().list(ListOptions.none())).isEmpty();
    }

    @Test
    void gzipJson_isAccepted() throws Exception {
        InferenceResultResponse turn = TraceFixtures.aTurn(client);
        String json = """
                {"resourceSpans": [{"scopeSpans": [{"spans": [
                  {"traceId": "5b8efff798038103d269b633813fc60c", "spanId": "eee19b7ec3c1b174", "name": "lookup",
                   "kind": 1, "startTimeUnixNano": 1700000000000000000, "endTimeUnixNano": "1700000000250000000",
                   "attributes": [{"key": "galtea.trace.id", "value": {"stringValue": "%s"}},
                                  {"key": "galtea.span.type", "value": {"stringValue": "TOOL"}},
                                  {"key": "retries", "value": {"intValue": "2"}},
                                  {"key": "tags", "value": {"arrayValue": {"values": [{"stringValue": "a"}]}}}],
                   "status": {"code": 1}}]}]}]}""".formatted(turn.id());
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(json.getBytes());
        }
        JsonNode body = assertStatus(otlp(compressed.toByteArray(), "application/json", "gzip", tenant.apiKey()), 200);
        assertThat(body.get("partialSuccess").isEmpty()).isTrue();
        TraceResponse span = client.traces().list(ListOptions.none().filter("inferenceResultIds", turn.id())).getFirst();
        assertThat(span.type()).isEqualTo("TOOL");
        assertThat(span.latencyMs()).isEqualTo(250.0);
        assertThat(span.startTime()).isEqualTo("2023-11-14T22:13:20.000Z");
        assertThat(span.metadata()).containsEntry("retries", 2).containsEntry("tags", List.of("a"));
    }

    @Test
    void atCapacity_answers503WithRetryAfter_andStoresNothing() throws Exception {
        InferenceResultResponse turn = TraceFixtures.aTurn(client);
        String json = """
                {"resourceSpans": [{"scopeSpans": [{"spans": [
                  {"traceId": "6b8efff798038103d269b633813fc60c", "spanId": "fee19b7ec3c1b174", "name": "lookup",
                   "attributes": [{"key": "galtea.trace.id", "value": {"stringValue": "%s"}}]}]}]}]}"""
                .formatted(turn.id());
        HttpResponse<String> response;
        try (AutoCloseable held = gate.holdAll()) {
            response = otlp(json.getBytes(), "application/json", null, tenant.apiKey());
        }
        assertError(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(client.traces().list(ListOptions.none())).isEmpty();

        assertStatus(otlp(json.getBytes(), "application/json", null, tenant.apiKey()), 200);
        assertThat(client.traces().list(ListOptions.none())).hasSize(1);
    }

    private HttpResponse<String> otlp(byte[] body, String contentType, String encoding, String apiKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/otel/traces"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

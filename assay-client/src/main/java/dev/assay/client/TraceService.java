package dev.assay.client;

import dev.assay.api.CreateTraceBatchRequest;
import dev.assay.api.CreateTraceBatchResponse;
import dev.assay.api.CreateTraceRequest;
import dev.assay.api.TraceNodeResponse;
import dev.assay.api.TraceResponse;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/**
 * Spans, the steps inside a turn ({@code galtea.spans} in the Python SDK; the wire path is
 * {@code /traces}).
 */
public final class TraceService {
    private static final TypeReference<List<TraceResponse>> LIST = new TypeReference<>() {};
    private static final TypeReference<List<TraceNodeResponse>> TREE = new TypeReference<>() {};

    private final Transport transport;

    TraceService(Transport transport) {
        this.transport = transport;
    }

    /** Records one span of a turn. */
    public TraceResponse create(CreateTraceRequest request) {
        return transport.send("POST", "traces", request, TraceResponse.class);
    }

    /**
     * Records many spans at once (at most 1000). Valid spans are stored even when others are
     * dropped; the answer lists both. Spans may name parents sent in the same batch by their
     * client-chosen {@code id}.
     */
    public CreateTraceBatchResponse createBatch(List<CreateTraceRequest> spans) {
        return transport.send("POST", "traces/batch", new CreateTraceBatchRequest(spans), CreateTraceBatchResponse.class);
    }

    public TraceResponse get(String spanId) {
        return transport.send("GET", "traces/" + Paths.segment(spanId), null, TraceResponse.class);
    }

    /**
     * Lists spans; filters {@code ids}, {@code inferenceResultIds}, {@code sessionIds}, {@code types},
     * {@code names}, {@code fromStartTime}/{@code toStartTime}, date bounds, sort and paging.
     */
    public List<TraceResponse> list(ListOptions options) {
        return transport.send("GET", "traces" + options.toQueryString(), null, LIST);
    }

    /** The spans of one turn as a tree, roots and children in start order. */
    public List<TraceNodeResponse> tree(String inferenceResultId) {
        return transport.send("GET", "inferenceResults/" + Paths.segment(inferenceResultId) + "/traces", null, TREE);
    }

    /** Deletes a span and the spans nested under it. */
    public void delete(String spanId) {
        transport.sendWithoutResult("DELETE", "traces/" + Paths.segment(spanId), null);
    }

    /**
     * A recorder that times blocks of code as spans of one turn and sends them in batches of
     * {@link SpanRecorder#DEFAULT_BATCH_SIZE}.
     */
    public SpanRecorder recorder(String inferenceResultId) {
        return new SpanRecorder(this, inferenceResultId, SpanRecorder.DEFAULT_BATCH_SIZE);
    }

    /** A recorder that sends its spans in batches of {@code batchSize} (1 to 1000). */
    public SpanRecorder recorder(String inferenceResultId, int batchSize) {
        return new SpanRecorder(this, inferenceResultId, batchSize);
    }
}

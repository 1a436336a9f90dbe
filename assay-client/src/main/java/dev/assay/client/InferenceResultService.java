package dev.assay.client;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateInferenceResultBatchRequest;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.DeleteBatchRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.UpdateInferenceResultRequest;
import java.io.InputStream;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/** Conversation turns ({@code galtea.inference_results}). */
public final class InferenceResultService {
    private static final TypeReference<List<InferenceResultResponse>> LIST = new TypeReference<>() {};

    private final Transport transport;

    InferenceResultService(Transport transport) {
        this.transport = transport;
    }

    /** Logs one turn ({@code create} in the Python SDK). */
    public InferenceResultResponse create(CreateInferenceResultRequest request) {
        return transport.send("POST", "inferenceResults", request, InferenceResultResponse.class);
    }

    /** Logs a session's messages as turns, all or nothing ({@code create_batch}). */
    public List<InferenceResultResponse> createBatch(String sessionId, List<ConversationTurn> conversationTurns) {
        return createBatch(CreateInferenceResultBatchRequest.of(sessionId, conversationTurns));
    }

    public List<InferenceResultResponse> createBatch(CreateInferenceResultBatchRequest request) {
        return transport.send("POST", "inferenceResults/batch", request, LIST);
    }

    public InferenceResultResponse get(String inferenceResultId) {
        return transport.send("GET", "inferenceResults/" + Paths.segment(inferenceResultId), null,
                InferenceResultResponse.class);
    }

    /** Lists turns; filters {@code ids}, {@code sessionIds}, {@code evaluationIds}, date bounds, sort and paging. */
    public List<InferenceResultResponse> list(ListOptions options) {
        return transport.send("GET", "inferenceResults" + options.toQueryString(), null, LIST);
    }

    /** Changes the fields set on the request; unset fields stay, fields set to null are cleared. */
    public InferenceResultResponse update(String inferenceResultId, UpdateInferenceResultRequest request) {
        return transport.send("PATCH", "inferenceResults/" + Paths.segment(inferenceResultId), request,
                InferenceResultResponse.class);
    }

    public void delete(String inferenceResultId) {
        transport.sendWithoutResult("DELETE", "inferenceResults/" + Paths.segment(inferenceResultId), null);
    }

    /** Deletes every listed turn, or none when one is unknown. */
    public void deleteBatch(List<String> inferenceResultIds) {
        transport.sendWithoutResult("DELETE", "inferenceResults/batch", new DeleteBatchRequest(inferenceResultIds));
    }

    /**
     * Streams every turn matching the filters of {@code list} (paging ignored), as JSON Lines, or
     * as CSV with {@code options.with("format", "csv")}. The caller must close the stream; a server
     * failure part-way ends it with an {@link java.io.IOException} rather than a clean end of stream.
     */
    public InputStream export(ListOptions options) {
        return transport.openStream("inferenceResults/export" + options.toQueryString());
    }
}

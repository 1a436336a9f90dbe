package dev.assay.client;

import dev.assay.api.CreateEvaluationsFromInferenceResultRequest;
import dev.assay.api.CreateEvaluationsFromSessionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.HumanScoreRequest;
import dev.assay.api.RetryEvaluationsRequest;
import dev.assay.api.RetryEvaluationsResponse;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/** Evaluations ({@code galtea.evaluations}) and the human annotation queue. */
public final class EvaluationService {
    private static final TypeReference<List<EvaluationResponse>> LIST = new TypeReference<>() {};

    private final Transport transport;

    EvaluationService(Transport transport) {
        this.transport = transport;
    }

    /** Evaluates one turn with the given metrics and/or the metrics of the given specifications. */
    public List<EvaluationResponse> createFromInferenceResult(String inferenceResultId, @Nullable List<EvaluationMetric> metrics,
            @Nullable List<String> specificationIds) {
        return transport.send("POST", "evaluations/fromInferenceResult",
                new CreateEvaluationsFromInferenceResultRequest(inferenceResultId, metrics, specificationIds), LIST);
    }

    /** Evaluates a whole conversation: one evaluation per metric. */
    public List<EvaluationResponse> createFromSession(String sessionId, @Nullable List<EvaluationMetric> metrics,
            @Nullable List<String> specificationIds) {
        return transport.send("POST", "evaluations/fromSession",
                new CreateEvaluationsFromSessionRequest(sessionId, null, metrics, specificationIds), LIST);
    }

    /** Evaluates one turn as the request says, the same call as the overload with separate arguments. */
    public List<EvaluationResponse> createFromInferenceResult(CreateEvaluationsFromInferenceResultRequest request) {
        return transport.send("POST", "evaluations/fromInferenceResult", request, LIST);
    }

    /**
     * Evaluates a conversation as the request says, including its optional {@code inferenceResultId}
     * (the turn the single-turn parameters come from), which the overload with separate arguments
     * leaves unset.
     */
    public List<EvaluationResponse> createFromSession(CreateEvaluationsFromSessionRequest request) {
        return transport.send("POST", "evaluations/fromSession", request, LIST);
    }

    public EvaluationResponse get(String evaluationId) {
        return transport.send("GET", "evaluations/" + Paths.segment(evaluationId), null, EvaluationResponse.class);
    }

    /** Lists evaluations; filters as in the Galtea API ({@code ids}, {@code sessionIds}, {@code statuses}, ...). */
    public List<EvaluationResponse> list(ListOptions options) {
        return transport.send("GET", "evaluations" + options.toQueryString(), null, LIST);
    }

    public void delete(String evaluationId) {
        transport.sendWithoutResult("DELETE", "evaluations/" + Paths.segment(evaluationId), null);
    }

    /** Sends failed or skipped evaluations back to their queue. */
    public RetryEvaluationsResponse retry(List<String> evaluationIds) {
        return transport.send("POST", "evaluations/retry", RetryEvaluationsRequest.of(evaluationIds), RetryEvaluationsResponse.class);
    }

    /** Human evaluations waiting for the caller: unclaimed, or claimed by the caller's key. */
    public List<EvaluationResponse> listHumanQueue(ListOptions options) {
        return transport.send("GET", "evaluations/humanQueue" + options.toQueryString(), null, LIST);
    }

    /** Reserves a human evaluation for the caller, so no other annotator scores it. */
    public EvaluationResponse claim(String evaluationId) {
        return transport.send("POST", "evaluations/" + Paths.segment(evaluationId) + "/claim", null, EvaluationResponse.class);
    }

    /** Scores a human evaluation the caller claimed. */
    public EvaluationResponse submitHumanScore(String evaluationId, double score, @Nullable String reason) {
        return transport.send("POST", "evaluations/" + Paths.segment(evaluationId) + "/humanScore",
                new HumanScoreRequest(score, reason), EvaluationResponse.class);
    }

    /**
     * Streams every evaluation matching the filters of {@link #list(ListOptions)} (paging ignored),
     * as JSON Lines, or as CSV with {@code options.with("format", "csv")}. The caller must close
     * the stream; a server failure part-way ends it with an {@link java.io.IOException} rather
     * than a clean end of stream.
     */
    public InputStream export(ListOptions options) {
        return transport.openStream("evaluations/export" + options.toQueryString());
    }
}

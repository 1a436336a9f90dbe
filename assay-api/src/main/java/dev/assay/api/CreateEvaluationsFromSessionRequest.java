package dev.assay.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a whole conversation: one evaluation per metric, with {@code inferenceResultId} null
 * unless a turn of the session is named. Metrics resolve as for a single turn.
 */
public record CreateEvaluationsFromSessionRequest(
        @NotBlank @Nullable String sessionId,
        @Nullable String inferenceResultId,
        @Size(max = 100) @Nullable List<EvaluationMetric> metrics,
        @Size(max = 100) @Nullable List<String> specificationIds) {}

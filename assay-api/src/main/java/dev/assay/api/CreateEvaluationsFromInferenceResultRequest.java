package dev.assay.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates one turn. The metrics are the union of {@code metrics} and the metrics linked to
 * {@code specificationIds}, de-duplicated; with neither, the metrics of the product's specifications.
 */
public record CreateEvaluationsFromInferenceResultRequest(
        @NotBlank @Nullable String inferenceResultId,
        @Size(max = 100) @Nullable List<EvaluationMetric> metrics,
        @Size(max = 100) @Nullable List<String> specificationIds) {}

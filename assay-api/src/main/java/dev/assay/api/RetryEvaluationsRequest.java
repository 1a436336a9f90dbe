package dev.assay.api;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Evaluations to retry; {@code evaluationIds} is the older name of {@code ids} and is accepted too. */
public record RetryEvaluationsRequest(
        @Size(max = 1000) @Nullable List<String> ids, @Size(max = 1000) @Nullable List<String> evaluationIds) {

    public static RetryEvaluationsRequest of(List<String> ids) {
        return new RetryEvaluationsRequest(ids, null);
    }
}

package dev.assay.analysis;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A test case both versions were scored on for one metric, with both scores and latest reasons. */
public record ComparisonItem(
        UUID metricId,
        String testCaseId,
        double baseScore,
        double candidateScore,
        int baseCount,
        int candidateCount,
        UUID baseEvaluationId,
        @Nullable String baseReason,
        UUID candidateEvaluationId,
        @Nullable String candidateReason) {

    public double delta() {
        return candidateScore - baseScore;
    }
}

package dev.assay.analysis;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An evaluation whose machine score and human score differ. */
public record Disagreement(
        UUID evaluationId,
        UUID metricId,
        UUID sessionId,
        @Nullable UUID inferenceResultId,
        @Nullable String testCaseId,
        double machineScore,
        double humanScore,
        @Nullable String machineReason,
        @Nullable String humanReason,
        @Nullable String humanEvaluatorId) {

    public double absoluteError() {
        return Math.abs(machineScore - humanScore);
    }

    public boolean passFailDiffers(double passThreshold) {
        return (machineScore >= passThreshold) != (humanScore >= passThreshold);
    }
}

package dev.assay.inference;

import dev.assay.common.FieldChange;
import java.util.Map;

/** The fields a PATCH of a turn may change; each absent, cleared or set. */
public record InferenceResultChanges(
        FieldChange<InferenceResultStatus> status,
        FieldChange<String> error,
        FieldChange<Map<String, Object>> input,
        FieldChange<String> actualOutput,
        FieldChange<String> retrievalContext,
        FieldChange<Double> latency,
        FieldChange<Long> inputTokens,
        FieldChange<Long> outputTokens,
        FieldChange<Long> cacheReadInputTokens,
        FieldChange<Long> tokens,
        FieldChange<Double> costPerInputToken,
        FieldChange<Double> costPerOutputToken,
        FieldChange<Double> costPerCacheReadInputToken,
        FieldChange<Double> cost) {

    /** Whether any count or price changed, so that totals not sent explicitly are derived again. */
    boolean changesUsageInputs() {
        return inputTokens.present() || outputTokens.present() || cacheReadInputTokens.present()
                || costPerInputToken.present() || costPerOutputToken.present() || costPerCacheReadInputToken.present();
    }
}

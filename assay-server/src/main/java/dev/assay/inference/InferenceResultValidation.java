package dev.assay.inference;

import dev.assay.common.AssayException;
import dev.assay.common.FieldChange;
import org.jspecify.annotations.Nullable;

/** Range checks shared by create and update: counts, prices, latency and index are never negative. */
final class InferenceResultValidation {

    private InferenceResultValidation() {}

    static void check(NewInferenceResult request) {
        if (request.index() != null && request.index() < 0) {
            throw AssayException.invalidField("index", "must not be negative");
        }
        checkLatency(request.measurements().latency());
        checkUsage(request.measurements().usage());
        if (request.traceId() != null && !isTraceId(request.traceId())) {
            throw AssayException.invalidField("traceId", "must be a W3C trace id: 32 hexadecimal digits, not all zero");
        }
    }

    /** A W3C trace id as stored: 32 lowercase hexadecimal digits, not all zero. */
    static boolean isTraceId(String text) {
        return text.length() == 32 && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
                && !text.chars().allMatch(c -> c == '0');
    }

    static void check(InferenceResultChanges changes) {
        checkLatency(changes.latency().value());
        checkCount("inputTokens", changes.inputTokens());
        checkCount("outputTokens", changes.outputTokens());
        checkCount("cacheReadInputTokens", changes.cacheReadInputTokens());
        checkCount("tokens", changes.tokens());
        checkPrice("costPerInputToken", changes.costPerInputToken().value());
        checkPrice("costPerOutputToken", changes.costPerOutputToken().value());
        checkPrice("costPerCacheReadInputToken", changes.costPerCacheReadInputToken().value());
        checkPrice("cost", changes.cost().value());
    }

    private static void checkUsage(Usage usage) {
        checkCount("inputTokens", usage.inputTokens());
        checkCount("outputTokens", usage.outputTokens());
        checkCount("cacheReadInputTokens", usage.cacheReadInputTokens());
        checkCount("tokens", usage.tokens());
        checkPrice("costPerInputToken", usage.costPerInputToken());
        checkPrice("costPerOutputToken", usage.costPerOutputToken());
        checkPrice("costPerCacheReadInputToken", usage.costPerCacheReadInputToken());
        checkPrice("cost", usage.cost());
    }

    private static void checkLatency(@Nullable Double latency) {
        if (latency != null && (!Double.isFinite(latency) || latency < 0)) {
            throw AssayException.invalidField("latency", "must be a non-negative number of milliseconds");
        }
    }

    private static void checkCount(String field, FieldChange<Long> change) {
        checkCount(field, change.value());
    }

    private static void checkCount(String field, @Nullable Long count) {
        if (count != null && count < 0) {
            throw AssayException.invalidField(field, "must not be negative");
        }
    }

    private static void checkPrice(String field, @Nullable Double price) {
        if (price != null && (!Double.isFinite(price) || price < 0)) {
            throw AssayException.invalidField(field, "must be a non-negative number");
        }
    }
}

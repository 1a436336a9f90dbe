package dev.assay.inference;

import dev.assay.common.AssayException;
import org.jspecify.annotations.Nullable;

/**
 * Token counts and per-token prices of one model call, with the derived totals of
 * docs/reference/galtea-contract.md §1.9: tokens are input plus output (cache reads are not added), cost is
 * the sum of count times price over the pairs where both are known. Client-supplied totals win.
 */
public record Usage(
        @Nullable Long inputTokens,
        @Nullable Long outputTokens,
        @Nullable Long cacheReadInputTokens,
        @Nullable Long tokens,
        @Nullable Double costPerInputToken,
        @Nullable Double costPerOutputToken,
        @Nullable Double costPerCacheReadInputToken,
        @Nullable Double cost) {

    public static final Usage NONE = new Usage(null, null, null, null, null, null, null, null);

    /** The total tokens implied by the counts, or {@code null} when neither count is known; a 400 if it overflows. */
    public @Nullable Long derivedTokens() {
        if (inputTokens == null && outputTokens == null) {
            return null;
        }
        try {
            return Math.addExact(inputTokens == null ? 0 : inputTokens, outputTokens == null ? 0 : outputTokens);
        } catch (ArithmeticException e) {
            throw AssayException.invalidField("tokens", "inputTokens + outputTokens is larger than the largest integer");
        }
    }

    /**
     * The cost implied by counts and prices, or {@code null} when no (count, price) pair is complete;
     * a 400 when it is too large for a double, which JSON could not carry.
     */
    public @Nullable Double derivedCost() {
        double sum = 0;
        boolean any = false;
        if (inputTokens != null && costPerInputToken != null) {
            sum += inputTokens * costPerInputToken;
            any = true;
        }
        if (outputTokens != null && costPerOutputToken != null) {
            sum += outputTokens * costPerOutputToken;
            any = true;
        }
        if (cacheReadInputTokens != null && costPerCacheReadInputToken != null) {
            sum += cacheReadInputTokens * costPerCacheReadInputToken;
            any = true;
        }
        if (!Double.isFinite(sum)) {
            throw AssayException.invalidField("cost", "the cost implied by the token counts and prices is too large");
        }
        return any ? sum : null;
    }

    /** This usage with absent totals filled in from the counts and prices. */
    public Usage withDerivedTotals() {
        return new Usage(inputTokens, outputTokens, cacheReadInputTokens, tokens == null ? derivedTokens() : tokens,
                costPerInputToken, costPerOutputToken, costPerCacheReadInputToken, cost == null ? derivedCost() : cost);
    }
}

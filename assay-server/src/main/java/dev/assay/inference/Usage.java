package dev.assay.inference;

import org.jspecify.annotations.Nullable;

/**
 * Token counts and per-token prices of one model call, with the derived totals of
 * spec/api-contract.md §1.9: tokens are input plus output (cache reads are not added), cost is
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

    /** The total tokens implied by the counts, or {@code null} when neither count is known. */
    public @Nullable Long derivedTokens() {
        if (inputTokens == null && outputTokens == null) {
            return null;
        }
        return (inputTokens == null ? 0 : inputTokens) + (outputTokens == null ? 0 : outputTokens);
    }

    /** The cost implied by counts and prices, or {@code null} when no (count, price) pair is complete. */
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
        return any ? sum : null;
    }

    /** This usage with absent totals filled in from the counts and prices. */
    public Usage withDerivedTotals() {
        return new Usage(inputTokens, outputTokens, cacheReadInputTokens, tokens == null ? derivedTokens() : tokens,
                costPerInputToken, costPerOutputToken, costPerCacheReadInputToken, cost == null ? derivedCost() : cost);
    }
}

package dev.assay.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A test: a data set of test cases for one product. Timestamps are ISO 8601 UTC with milliseconds.
 *
 * @param type {@code ACCURACY}, {@code SECURITY} or {@code BEHAVIOR}
 * @param variants never {@code null}; empty when none were given
 * @param strategies never {@code null}; empty when none were given
 * @param status the generation status; {@code SUCCESS} for tests uploaded through the API
 */
public record TestResponse(
        String id,
        String productId,
        String name,
        String type,
        @Nullable String languageCode,
        @Nullable String groundTruthUri,
        @Nullable String fewShot,
        @Nullable String customUserPersona,
        List<String> variants,
        List<String> strategies,
        @Nullable String customVariantDescription,
        @Nullable Integer maxTestCases,
        @Nullable String uri,
        String status,
        String createdAt,
        @Nullable String deletedAt) {}

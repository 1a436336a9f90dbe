package dev.assay.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A specification with the ids of its linked metrics. Timestamps are ISO 8601 UTC with milliseconds. */
public record SpecificationResponse(
        String id,
        String productId,
        @Nullable String userId,
        @Nullable String name,
        String description,
        String type,
        @Nullable String testType,
        @Nullable String testVariant,
        List<String> metricIds,
        String createdAt,
        @Nullable String deletedAt) {}

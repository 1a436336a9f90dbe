package dev.assay.api;

import org.jspecify.annotations.Nullable;

/** A version of a product. Timestamps are ISO 8601 UTC with milliseconds. */
public record VersionResponse(
        String id,
        String productId,
        String name,
        @Nullable String description,
        @Nullable String systemPrompt,
        @Nullable String modelId,
        @Nullable String datasetDescription,
        @Nullable String datasetUri,
        @Nullable String endpoint,
        @Nullable String guardrails,
        String createdAt,
        @Nullable String deletedAt) {}

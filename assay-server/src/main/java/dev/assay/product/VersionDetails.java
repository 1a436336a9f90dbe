package dev.assay.product;

import org.jspecify.annotations.Nullable;

/** The client-supplied fields of a version, besides its product. */
public record VersionDetails(
        String name,
        @Nullable String description,
        @Nullable String systemPrompt,
        @Nullable String modelId,
        @Nullable String datasetDescription,
        @Nullable String datasetUri,
        @Nullable String endpoint,
        @Nullable String guardrails) {}

package dev.assay.product;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A version of a product; sessions belong to versions. */
public record Version(
        UUID id,
        UUID organizationId,
        UUID productId,
        String name,
        @Nullable String description,
        @Nullable String systemPrompt,
        @Nullable String modelId,
        @Nullable String datasetDescription,
        @Nullable String datasetUri,
        @Nullable String endpoint,
        @Nullable String guardrails,
        Instant createdAt,
        @Nullable Instant deletedAt) {}

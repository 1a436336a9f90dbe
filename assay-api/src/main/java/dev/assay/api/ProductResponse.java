package dev.assay.api;

import org.jspecify.annotations.Nullable;

/** A product. Timestamps are ISO 8601 UTC with milliseconds. */
public record ProductResponse(
        String id,
        String name,
        @Nullable String description,
        @Nullable String riskLevel,
        @Nullable String operatorType,
        @Nullable String securityBoundaries,
        @Nullable String capabilities,
        @Nullable String policies,
        @Nullable String inabilities,
        String organizationId,
        @Nullable String userId,
        String createdAt,
        @Nullable String deletedAt) {}

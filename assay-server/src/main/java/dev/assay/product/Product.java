package dev.assay.product;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A product: the AI application a team evaluates. */
public record Product(
        UUID id,
        UUID organizationId,
        String name,
        @Nullable String description,
        @Nullable String riskLevel,
        @Nullable String operatorType,
        @Nullable String securityBoundaries,
        @Nullable String capabilities,
        @Nullable String policies,
        @Nullable String inabilities,
        Instant createdAt,
        @Nullable Instant deletedAt) {}

package dev.assay.inference;

import org.jspecify.annotations.Nullable;

/**
 * How a write names its session: by id, or by the client's custom id anchored by a version or
 * product. Exactly one of {@code sessionId} and {@code sessionCustomId} must be set.
 */
public record SessionReference(
        @Nullable String sessionId,
        @Nullable String sessionCustomId,
        @Nullable String versionId,
        @Nullable String productId) {}

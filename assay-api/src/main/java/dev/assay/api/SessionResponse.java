package dev.assay.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A session: one conversation. {@code testCaseId} is {@code null} for production sessions.
 * Timestamps are ISO 8601 UTC with milliseconds.
 */
public record SessionResponse(
        String id,
        @Nullable String customId,
        String versionId,
        @Nullable String userId,
        @Nullable String testCaseId,
        @Nullable String context,
        @Nullable String stoppingReason,
        @Nullable String error,
        String status,
        @Nullable Map<String, Object> metadata,
        String createdAt,
        @Nullable String deletedAt) {}

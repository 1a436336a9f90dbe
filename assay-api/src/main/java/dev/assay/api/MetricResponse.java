package dev.assay.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A metric: a Galtea built-in ({@code organizationId} null, the same for every organization) or
 * an organization's own. Timestamps are ISO 8601 UTC with milliseconds.
 */
public record MetricResponse(
        String id,
        String name,
        @Nullable String source,
        List<String> evaluationParams,
        @Nullable String judgePrompt,
        @Nullable String evaluatorModelName,
        @Nullable String description,
        @Nullable String documentationUrl,
        List<String> tags,
        List<String> userGroupIds,
        @Nullable String legacyAt,
        @Nullable String organizationId,
        @Nullable String userId,
        String createdAt,
        @Nullable String deletedAt) {}

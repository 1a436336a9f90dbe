package dev.assay.metric;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A metric as stored: a Galtea built-in ({@code organizationId} null, shared by every
 * organization) or one an organization defined.
 */
public record MetricDefinition(
        UUID id,
        @Nullable UUID organizationId,
        String name,
        MetricSource source,
        List<String> evaluationParams,
        @Nullable String judgePrompt,
        @Nullable String evaluatorModelName,
        @Nullable String description,
        @Nullable String documentationUrl,
        List<String> tags,
        List<String> userGroupIds,
        @Nullable Instant legacyAt,
        @Nullable Instant disabledAt,
        Instant createdAt,
        @Nullable Instant deletedAt) {

    public MetricDefinition {
        evaluationParams = List.copyOf(evaluationParams);
        tags = List.copyOf(tags);
        userGroupIds = List.copyOf(userGroupIds);
    }

    public boolean isBuiltIn() {
        return organizationId == null;
    }
}

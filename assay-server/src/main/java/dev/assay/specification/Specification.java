package dev.assay.specification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A behavioural expectation of a product and the metrics that check it. */
public record Specification(
        UUID id,
        UUID organizationId,
        UUID productId,
        @Nullable String name,
        String description,
        SpecificationType type,
        @Nullable String testType,
        @Nullable String testVariant,
        List<UUID> metricIds,
        Instant createdAt,
        @Nullable Instant deletedAt) {

    public Specification {
        metricIds = List.copyOf(metricIds);
    }
}

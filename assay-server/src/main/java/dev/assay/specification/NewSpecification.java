package dev.assay.specification;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a client asks for when it defines a specification. */
public record NewSpecification(
        String productId,
        String description,
        String type,
        @Nullable String testType,
        @Nullable String testVariant,
        @Nullable List<String> metricIds,
        @Nullable String name) {}

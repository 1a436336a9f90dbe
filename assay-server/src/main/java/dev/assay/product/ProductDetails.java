package dev.assay.product;

import org.jspecify.annotations.Nullable;

/** The client-supplied fields of a product. */
public record ProductDetails(
        String name,
        @Nullable String description,
        @Nullable String riskLevel,
        @Nullable String operatorType,
        @Nullable String securityBoundaries,
        @Nullable String capabilities,
        @Nullable String policies,
        @Nullable String inabilities) {}

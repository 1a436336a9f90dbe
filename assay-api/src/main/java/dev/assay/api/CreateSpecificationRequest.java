package dev.assay.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Defines a specification: a behavioural expectation of a product, with the metrics that check it.
 *
 * @param type {@code CAPABILITY}, {@code INABILITY} or {@code POLICY}
 * @param testType {@code ACCURACY}, {@code SECURITY} or {@code BEHAVIOR} (older names
 *     {@code QUALITY}, {@code RED_TEAMING}, {@code SCENARIOS} accepted); required for
 *     {@code POLICY}, forbidden otherwise
 * @param metricIds metrics to link at once
 */
public record CreateSpecificationRequest(
        @NotBlank @Nullable String productId,
        @NotBlank @Nullable String description,
        @NotBlank @Nullable String type,
        @Nullable String testType,
        @Nullable String testVariant,
        @Size(max = 1000) @Nullable List<String> metricIds,
        @Nullable String name) {

    /** A capability of the product, checked by the given metrics. */
    public static CreateSpecificationRequest capability(String productId, String description, List<String> metricIds) {
        return new CreateSpecificationRequest(productId, description, "CAPABILITY", null, null, metricIds, null);
    }
}

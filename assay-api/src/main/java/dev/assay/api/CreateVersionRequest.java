package dev.assay.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Creates a version of a product. */
public record CreateVersionRequest(
        @NotBlank @Nullable String productId,
        @NotBlank @Size(max = 200) @Nullable String name,
        @Nullable String description,
        @Nullable String systemPrompt,
        @Nullable String modelId,
        @Nullable String datasetDescription,
        @Nullable String datasetUri,
        @Nullable String endpoint,
        @Nullable String guardrails) {

    /** A version with only a product and a name. */
    public static CreateVersionRequest named(String productId, String name) {
        return new CreateVersionRequest(productId, name, null, null, null, null, null, null, null);
    }
}

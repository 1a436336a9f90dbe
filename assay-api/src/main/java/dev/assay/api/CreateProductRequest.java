package dev.assay.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Creates a product, the AI application whose versions and sessions are evaluated. */
public record CreateProductRequest(
        @NotBlank @Size(max = 200) @Nullable String name,
        @Nullable String description,
        @Nullable String riskLevel,
        @Nullable String operatorType,
        @Nullable String securityBoundaries,
        @Nullable String capabilities,
        @Nullable String policies,
        @Nullable String inabilities) {

    /** A product with only a name. */
    public static CreateProductRequest named(String name) {
        return new CreateProductRequest(name, null, null, null, null, null, null, null);
    }
}

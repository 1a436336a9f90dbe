package dev.assay.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Creates an API key for the caller's organization. */
public record CreateApiKeyRequest(@NotBlank @Size(max = 200) @Nullable String name) {}

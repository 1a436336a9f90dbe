package dev.assay.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Creates an organization and an admin API key for it (admin keys only). */
public record CreateOrganizationRequest(@NotBlank @Size(max = 200) @Nullable String name) {}

package dev.assay.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Deletes several resources at once (at most 1000); all or none. */
public record DeleteBatchRequest(@NotEmpty @Size(max = 1000) @Nullable List<String> ids) {}

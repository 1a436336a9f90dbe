package dev.assay.api;

import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Deletes several resources at once; all or none. */
public record DeleteBatchRequest(@NotEmpty @Nullable List<String> ids) {}

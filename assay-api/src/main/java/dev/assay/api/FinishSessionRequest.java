package dev.assay.api;

import org.jspecify.annotations.Nullable;

/**
 * Ends a session: a {@code stoppingReason} marks it {@code COMPLETED}, an {@code error} marks it
 * {@code FAILED}. Exactly one is required.
 */
public record FinishSessionRequest(@Nullable String stoppingReason, @Nullable String error) {}

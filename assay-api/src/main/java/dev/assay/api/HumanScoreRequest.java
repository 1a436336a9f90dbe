package dev.assay.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * An annotator's score for a human evaluation they claimed.
 *
 * @param score within [0, 1] (the UI's 0–100 divided by 100)
 * @param reason why, for the record
 */
public record HumanScoreRequest(
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") @Nullable Double score, @Nullable String reason) {}

package dev.assay.evaluation;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retries requested through {@code POST /evaluations/retry} ({@code assay.evaluation.retry.*}).
 *
 * @param maxRetries how often a non-admin key may retry one evaluation ({@code EVALUATION_MAX_RETRIES})
 */
@ConfigurationProperties("assay.evaluation.retry")
@Validated
public record RetryProperties(@DefaultValue("5") @Min(0) int maxRetries) {}

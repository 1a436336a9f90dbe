package dev.assay.judge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The LLM judge ({@code assay.judge.*}): an OpenAI-compatible chat-completions endpoint and how
 * Assay treats it. No base URL means no judge: evaluations of judged metrics end SKIPPED and can
 * be retried once one is configured.
 *
 * @param baseUrl the endpoint up to the API version, e.g. {@code https://api.openai.com/v1}
 *     ({@code ASSAY_JUDGE_BASE_URL}); blank for none
 * @param apiKey sent as {@code Authorization: Bearer ...}; blank sends none ({@code ASSAY_JUDGE_API_KEY})
 * @param model the model that judges ({@code ASSAY_JUDGE_MODEL}); required with a base URL
 * @param metricModels whether a metric's own {@code evaluatorModelName} is asked instead of {@code model};
 *     turn off when the endpoint serves only one model
 * @param timeout the longest wait for one call, connection included
 * @param maxRetries further calls after a 429, a 5xx, a timeout or a refused connection
 * @param backoff the wait before the first retry; it doubles with every further retry
 * @param maxBackoff the longest wait between two calls; a {@code Retry-After} beyond it pauses the
 *     endpoint and hands the evaluation back to the queue instead
 * @param jitter the fraction of each wait that is random (0 none, 1 anywhere from 0 to the wait)
 * @param maxConcurrency calls in flight at once to this endpoint from this instance
 * @param temperature the sampling temperature sent; unset sends none (the provider's default)
 * @param jsonMode whether to ask for {@code response_format: json_object}; turn off for endpoints that refuse it
 * @param circuitBreaker when to stop calling an endpoint that keeps failing
 */
@ConfigurationProperties("assay.judge")
@Validated
public record JudgeProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("") String model,
        @DefaultValue("true") boolean metricModels,
        @DefaultValue("30s") @NotNull Duration timeout,
        @DefaultValue("2") @Min(0) int maxRetries,
        @DefaultValue("1s") @NotNull Duration backoff,
        @DefaultValue("15s") @NotNull Duration maxBackoff,
        @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double jitter,
        @DefaultValue("8") @Min(1) int maxConcurrency,
        @Nullable Double temperature,
        @DefaultValue("true") boolean jsonMode,
        @DefaultValue @Valid CircuitBreaker circuitBreaker) {

    public JudgeProperties {
        if (!baseUrl.isBlank()) {
            String scheme = URI.create(baseUrl.strip()).getScheme();
            if (scheme == null || !(scheme.toLowerCase(Locale.ROOT).equals("http") || scheme.toLowerCase(Locale.ROOT).equals("https"))) {
                throw new IllegalArgumentException("assay.judge.base-url (ASSAY_JUDGE_BASE_URL) must be an http(s) URL: " + baseUrl);
            }
            if (model.isBlank()) {
                throw new IllegalArgumentException("assay.judge.model (ASSAY_JUDGE_MODEL) must be set when a judge base URL is");
            }
        }
    }

    /** Whether a judge endpoint is configured at all. */
    public boolean isConfigured() {
        return !baseUrl.isBlank();
    }

    /**
     * @param failureThreshold failed calls in a row (429, 5xx, timeouts, refused connections) that open the circuit
     * @param openDuration how long an open circuit refuses calls before one probe call is let through
     */
    public record CircuitBreaker(
            @DefaultValue("5") @Min(1) int failureThreshold,
            @DefaultValue("30s") @NotNull Duration openDuration) {}
}

package dev.assay.trace;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of span ingestion under {@code assay.traces.*}.
 *
 * @param maxConcurrentIngests span writes (batches, OTLP requests) that run at once
 * @param ingestWait how long a write waits for a free slot before it is refused with 503
 * @param retryAfter the {@code Retry-After} of that 503
 * @param maxNewConversationsPerPayload production sessions one OTLP request may open; traces of
 *     further new conversations are rejected
 * @param pendingTtl how long an OTel span whose turn is not known yet waits for it
 */
@ConfigurationProperties("assay.traces")
@Validated
record TraceProperties(
        @DefaultValue("8") @Positive int maxConcurrentIngests,
        @DefaultValue("2s") Duration ingestWait,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("100") @Positive int maxNewConversationsPerPayload,
        @DefaultValue("1h") Duration pendingTtl) {}

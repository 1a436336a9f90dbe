package dev.assay.trace;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
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
 * @param spanGrace how long after a turn is created an evaluation that lacks the parameters spans
 *     give waits for late spans before it is SKIPPED
 * @param maxPendingSpansPerOrganization OTel spans one organization may have waiting for their
 *     turn; an export that would hold more is refused with 503
 * @param maxConcurrentIngestsPerOrganization of the {@code maxConcurrentIngests} slots, how many
 *     one organization may take at once; unset, half of them (at least one)
 */
@ConfigurationProperties("assay.traces")
@Validated
record TraceProperties(
        @DefaultValue("8") @Positive int maxConcurrentIngests,
        @DefaultValue("2s") Duration ingestWait,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("100") @Positive int maxNewConversationsPerPayload,
        @DefaultValue("1h") Duration pendingTtl,
        @DefaultValue("9s") Duration spanGrace,
        @DefaultValue("50000") @Positive int maxPendingSpansPerOrganization,
        @Nullable @Positive Integer maxConcurrentIngestsPerOrganization) {

    TraceProperties {
        if (spanGrace != null && spanGrace.isNegative()) {
            throw new IllegalArgumentException("assay.traces.span-grace must not be negative: " + spanGrace);
        }
    }

    /** The slots one organization may hold, never more than the gate has. */
    int ingestSlotsPerOrganization() {
        Integer configured = maxConcurrentIngestsPerOrganization;
        return Math.min(maxConcurrentIngests, configured == null ? Math.max(1, maxConcurrentIngests / 2) : configured);
    }
}

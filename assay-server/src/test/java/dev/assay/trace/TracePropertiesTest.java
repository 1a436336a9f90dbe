package dev.assay.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TracePropertiesTest {

    @Test
    void bind_withNothingSet_usesDefaults() {
        TraceProperties properties = bind(Map.of());

        assertThat(properties.maxConcurrentIngests()).isEqualTo(8);
        assertThat(properties.ingestWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.maxNewConversationsPerPayload()).isEqualTo(100);
        assertThat(properties.pendingTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.spanGrace()).isEqualTo(Duration.ofSeconds(9));
        assertThat(properties.maxPendingSpansPerOrganization()).isEqualTo(50_000);
        assertThat(properties.ingestSlotsPerOrganization()).isEqualTo(4);
    }

    @Test
    void bind_withExplicitValues_mapsEveryProperty() {
        TraceProperties properties = bind(Map.ofEntries(
                Map.entry("assay.traces.max-concurrent-ingests", "16"),
                Map.entry("assay.traces.ingest-wait", "500ms"),
                Map.entry("assay.traces.retry-after", "3s"),
                Map.entry("assay.traces.max-new-conversations-per-payload", "10"),
                Map.entry("assay.traces.pending-ttl", "10m"),
                Map.entry("assay.traces.span-grace", "0s"),
                Map.entry("assay.traces.max-pending-spans-per-organization", "1000"),
                Map.entry("assay.traces.max-concurrent-ingests-per-organization", "5")));

        assertThat(properties).isEqualTo(new TraceProperties(16, Duration.ofMillis(500), Duration.ofSeconds(3), 10,
                Duration.ofMinutes(10), Duration.ZERO, 1000, 5));
        assertThat(properties.ingestSlotsPerOrganization()).isEqualTo(5);
    }

    @Test
    void ingestSlotsPerOrganization_withOneSlotInAll_isOne_andNeverMoreThanTheGate() {
        assertThat(bind(Map.of("assay.traces.max-concurrent-ingests", "1")).ingestSlotsPerOrganization()).isEqualTo(1);
        assertThat(bind(Map.of("assay.traces.max-concurrent-ingests", "2",
                "assay.traces.max-concurrent-ingests-per-organization", "5")).ingestSlotsPerOrganization()).isEqualTo(2);
    }

    @Test
    void bind_withANegativeGrace_fails() {
        assertThatThrownBy(() -> bind(Map.of("assay.traces.span-grace", "-1s")))
                .hasStackTraceContaining("assay.traces.span-grace must not be negative");
    }

    private static TraceProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("assay.traces", TraceProperties.class);
    }
}

package dev.assay.trace;

import static dev.assay.testing.RawResponses.assertError;
import static dev.assay.testing.RawResponses.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.InferenceResultResponse;
import dev.assay.client.ListOptions;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The per-organization bounds of span ingestion, over real HTTP: the spans an organization may
 * have waiting for their turn, and its share of the ingest gate.
 */
@TestPropertySource(properties = {
        // A context of its own needs a data directory of its own.
        "assay.data-dir=target/it-data-otlp-limits",
        "assay.traces.max-pending-spans-per-organization=5",
        "assay.traces.max-concurrent-ingests=4",
        "assay.traces.max-concurrent-ingests-per-organization=2",
        "assay.traces.ingest-wait=200ms"
})
class OtlpLimitsIT extends ApiIntegrationTest {

    @Autowired
    IngestGate gate;

    @Autowired
    JdbcClient jdbc;

    /** {@code count} spans of one OTel trace; the first names its turn when {@code turnId} is set. */
    private static String export(String traceId, int firstSpan, int count, @Nullable String turnId) {
        String spans = IntStream.range(firstSpan, firstSpan + count)
                .mapToObj(i -> """
                        {"traceId": "%s", "spanId": "%016x", "name": "step %d"%s}""".formatted(traceId, i + 1, i,
                        turnId != null && i == firstSpan
                                ? ", \"attributes\": [{\"key\": \"galtea.trace.id\", \"value\": {\"stringValue\": \""
                                        + turnId + "\"}}]"
                                : ""))
                .collect(Collectors.joining(",\n"));
        return "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [" + spans + "]}]}]}";
    }

    private HttpResponse<String> otlp(String json, Tenant as) {
        return raw("POST", "/otel/traces", json, as.apiKey());
    }

    private int waiting(Tenant of) {
        UUID organization = Ids.parse(IdKind.ORGANIZATION, of.organizationId()).orElseThrow();
        return jdbc.sql("SELECT count(*) FROM otel_pending_spans WHERE organization_id = ?")
                .param(organization).query(Integer.class).single();
    }

    @Test
    void anExportThatWouldHoldMoreSpansThanTheBound_is503WithRetryAfter_andChangesNothing() {
        String first = "1b8efff798038103d269b633813fc60c";
        String second = "2b8efff798038103d269b633813fc60c";
        JsonNode held = assertStatus(otlp(export(first, 0, 3, null), tenant), 200);
        assertThat(held.get("partialSuccess").get("errorMessage").stringValue()).contains("3 spans wait for their turn");

        HttpResponse<String> refused = otlp(export(second, 10, 3, null), tenant);
        JsonNode error = assertError(refused, 503);
        assertThat(error.get("code").stringValue()).isEqualTo("OVERLOADED");
        assertThat(error.get("message").stringValue()).contains("assay.traces.max-pending-spans-per-organization");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(waiting(tenant)).isEqualTo(3);

        // A re-send of spans already waiting adds nothing, and the bound is per organization.
        assertStatus(otlp(export(first, 0, 3, null), tenant), 200);
        Tenant other = newTenant();
        assertStatus(otlp(export(second, 10, 3, null), other), 200);
        assertThat(waiting(tenant)).isEqualTo(3);

        // Once the waiting spans find their turn, the refused export goes through.
        InferenceResultResponse turn = TraceFixtures.aTurn(client);
        JsonNode resolved = assertStatus(otlp(export(first, 3, 1, turn.id()), tenant), 200);
        assertThat(resolved.get("partialSuccess").isEmpty()).isTrue();
        assertThat(waiting(tenant)).isZero();
        assertThat(client.traces().list(ListOptions.none().filter("inferenceResultIds", turn.id()))).hasSize(4);
        assertStatus(otlp(export(second, 10, 3, null), tenant), 200);
        assertThat(waiting(tenant)).isEqualTo(3);
    }

    @Test
    void expiredWaitingSpans_doNotCountTowardsTheBound_andGoAThousandPerExport() {
        UUID organization = Ids.parse(IdKind.ORGANIZATION, tenant.organizationId()).orElseThrow();
        jdbc.sql("""
                INSERT INTO otel_pending_spans (organization_id, trace_id, span_id, span, received_at)
                SELECT :organization, 'e1' || lpad(g::text, 30, '0'), lpad(to_hex(g), 16, '0'), '{}'::jsonb,
                       now() - interval '2 hours'
                FROM generate_series(1, 1500) AS g
                """).param("organization", organization).update();

        assertStatus(otlp(export("3b8efff798038103d269b633813fc60c", 0, 3, null), tenant), 200);
        assertThat(waiting(tenant)).isEqualTo(500 + 3);

        assertStatus(otlp(export("4b8efff798038103d269b633813fc60c", 0, 1, null), tenant), 200);
        assertThat(waiting(tenant)).isEqualTo(3 + 1);
    }

    @Test
    void anOrganizationUsingItsWholeShareOfTheGate_waitsThen503s_whileAnotherIsServed() throws Exception {
        InferenceResultResponse turn = TraceFixtures.aTurn(client);
        Tenant other = newTenant();
        InferenceResultResponse otherTurn = TraceFixtures.aTurn(other.client());
        String batch = """
                {"traces": [{"inferenceResultId": "%s", "name": "lookup", "type": "TOOL"}]}""".formatted(turn.id());
        UUID organization = Ids.parse(IdKind.ORGANIZATION, tenant.organizationId()).orElseThrow();

        HttpResponse<String> otlpRefused;
        HttpResponse<String> batchRefused;
        HttpResponse<String> otherServed;
        try (AutoCloseable held = gate.holdShareOf(organization)) {
            otlpRefused = otlp(export("3b8efff798038103d269b633813fc60c", 0, 1, turn.id()), tenant);
            batchRefused = raw("POST", "/traces/batch", batch, tenant.apiKey());
            otherServed = otlp(export("4b8efff798038103d269b633813fc60c", 0, 1, otherTurn.id()), other);
        }
        for (HttpResponse<String> refused : List.of(otlpRefused, batchRefused)) {
            JsonNode error = assertError(refused, 503);
            assertThat(error.get("code").stringValue()).isEqualTo("OVERLOADED");
            assertThat(error.get("message").stringValue()).contains("assay.traces.max-concurrent-ingests-per-organization");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        }
        assertThat(client.traces().list(ListOptions.none())).isEmpty();
        assertThat(assertStatus(otherServed, 200).get("partialSuccess").isEmpty()).isTrue();

        assertStatus(otlp(export("3b8efff798038103d269b633813fc60c", 0, 1, turn.id()), tenant), 200);
        assertStatus(raw("POST", "/traces/batch", batch, tenant.apiKey()), 201);
        assertThat(client.traces().list(ListOptions.none())).hasSize(2);
    }
}

package dev.assay.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.SqlArrayValue;

class RecordColumnsTest {
    enum Colour {
        RED
    }

    record Measures(Double latency, int attempts) {}

    record Row(UUID id, String stoppingReason, Colour colour, Map<String, Object> metadata, Measures measures,
            List<String> failedTurns, Instant createdAt, boolean canRetry) {}

    private static final RecordColumns<Row> COLUMNS = RecordColumns.of(Row.class, Map.of("attempts", "tries"));

    @Test
    void columnsAreTheComponents_inSnakeCase_nestedRecordsFlattened_renamesApplied() {
        assertThat(COLUMNS.names())
                .isEqualTo("id, stopping_reason, colour, metadata, latency, tries, failed_turns, created_at, can_retry");
        assertThat(COLUMNS.select("r")).isEqualTo("r.id, r.stopping_reason, r.colour, r.metadata::text AS metadata,"
                + " r.latency, r.tries, r.failed_turns, r.created_at, r.can_retry");
    }

    @Test
    void valuesAssignmentsAndUnnest_castJsonAndArrays() {
        assertThat(COLUMNS.values()).isEqualTo(":id, :stoppingReason, :colour, :metadata::jsonb, :latency, :attempts,"
                + " :failedTurns, :createdAt, :canRetry");
        assertThat(COLUMNS.assignments()).startsWith("id = :id, stopping_reason = :stoppingReason, colour = :colour,"
                + " metadata = :metadata::jsonb, latency = :latency, tries = :attempts");
        assertThat(COLUMNS.unnestValues("t")).isEqualTo("t.id, t.stopping_reason, t.colour, t.metadata::jsonb, t.latency,"
                + " t.tries, CAST(t.failed_turns AS text[]), t.created_at, t.can_retry");
    }

    @Test
    void params_convertEnumsJsonAndTimestamps() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        Row row = new Row(UUID.randomUUID(), "done", Colour.RED, Map.of("k", 1), new Measures(null, 2),
                List.of("a\"b"), at, true);

        Map<String, Object> params = COLUMNS.params(row);

        assertThat(params).containsEntry("stoppingReason", "done").containsEntry("colour", "RED")
                .containsEntry("metadata", "{\"k\":1}").containsEntry("latency", null).containsEntry("attempts", 2)
                .containsEntry("createdAt", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))
                .containsEntry("canRetry", true);
        SqlArrayValue turns = (SqlArrayValue) COLUMNS.arrays(List.of(row), r -> r).get("failedTurns");
        assertThat(turns).isNotNull();
    }

    @Test
    void textArrayLiteral_quotesEveryElement() {
        assertThat(RecordColumns.textArrayLiteral(List.of("a", "b\"c", "d\\e"))).isEqualTo("{\"a\",\"b\\\"c\",\"d\\\\e\"}");
    }

    @Test
    void aComponentOfAnUnknownType_isRejectedWhenTheColumnsAreDerived() {
        record Odd(Object value) {}

        assertThatThrownBy(() -> RecordColumns.of(Odd.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column type");
    }
}

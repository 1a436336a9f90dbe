package dev.assay.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    @Test
    void token_roundTripsToTheSameCursor_atMicrosecondPrecision() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-12-04T15:07:34.123456Z"), UUID.randomUUID());

        assertThat(PageCursor.parse(cursor.token())).contains(cursor);
    }

    @Test
    void token_ofAnInstantBeforeTheSecondsBoundary_keepsItsFraction() {
        PageCursor cursor = new PageCursor(Instant.parse("1970-01-01T00:00:00.000001Z"), new UUID(1, 2));

        assertThat(cursor.token()).isEqualTo("1." + new UUID(1, 2));
        assertThat(PageCursor.parse(cursor.token())).contains(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "123", "123.not-a-uuid", "x.00000000-0000-0001-0000-000000000002",
            "-5.00000000-0000-0001-0000-000000000002", "99999999999999999999.00000000-0000-0001-0000-000000000002",
            "253402300800000000.00000000-0000-0001-0000-000000000002"})
    void parse_ofAMangledToken_isEmpty(String token) {
        assertThat(PageCursor.parse(token)).isEmpty();
    }

    @Test
    void addTo_boundsTheRowsStrictlyBeforeTheCursor() {
        UUID id = UUID.randomUUID();
        Where where = Where.tenant("s", UUID.randomUUID());

        new PageCursor(Instant.EPOCH, id).addTo(where, "s");

        assertThat(where.sql()).endsWith("(s.created_at, s.id) < (:cursorCreatedAt, :cursorId)");
    }
}

package dev.assay.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The strict {@code ids} filter: the condition it adds and the 404 naming what is missing. */
class StrictIdsTest {
    private static final UUID ORGANIZATION = UUID.fromString("0193a0c0-0000-7000-8000-000000000001");

    @Test
    void reportsEveryRequestedIdNotAmongTheMatchingRows_unparseableOnesFirst() {
        UUID found = Ids.newId(Clock.systemUTC());
        UUID missing = Ids.newId(Clock.systemUTC());
        String foundId = Ids.format(IdKind.SESSION, found);
        String missingId = Ids.format(IdKind.SESSION, missing);
        Where where = Where.tenant("s", ORGANIZATION);

        StrictIds strict = StrictIds.addTo(where, "s", List.of(foundId, "session_bad", missingId), IdKind.SESSION);

        assertThat(where.sql()).endsWith(" AND s.id IN (:ids)");
        assertThatThrownBy(() -> strict.check(() -> Set.of(found), ErrorCode.SESSION_NOT_FOUND, "Session"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SESSION_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("Sessions not found: session_bad, " + missingId);
                });
    }

    @Test
    void allFound_passes_andNoIdsRequested_neverQueries() {
        UUID found = Ids.newId(Clock.systemUTC());
        StrictIds strict = StrictIds.addTo(Where.tenant("s", ORGANIZATION), "s", List.of(Ids.format(IdKind.SESSION, found)),
                IdKind.SESSION);
        strict.check(() -> Set.of(found), ErrorCode.SESSION_NOT_FOUND, "Session");

        Where untouched = Where.tenant("s", ORGANIZATION);
        StrictIds none = StrictIds.addTo(untouched, "s", List.of(), IdKind.SESSION);
        none.check(() -> {
            throw new AssertionError("no ids were requested, so no rows need reading");
        }, ErrorCode.SESSION_NOT_FOUND, "Session");
        assertThat(untouched.sql()).isEqualTo("WHERE s.organization_id = :organizationId");
    }

    @Test
    void onlyUnparseableIds_matchNothingAndAreAllReported() {
        Where where = Where.tenant("s", ORGANIZATION);

        StrictIds strict = StrictIds.addTo(where, "s", List.of("x"), IdKind.SESSION);

        assertThat(where.sql()).endsWith(" AND false");
        assertThatThrownBy(() -> strict.check(() -> {
            throw new AssertionError("nothing parsed, so no rows need reading");
        }, ErrorCode.SESSION_NOT_FOUND, "Session"))
                .hasMessage("Sessions not found: x");
    }

    @Test
    void readByTheService_addedByTheRepository() {
        UUID found = Ids.newId(Clock.systemUTC());
        StrictIds strict = StrictIds.of(ListQuery.of(Map.of("ids", new String[]{Ids.format(IdKind.SESSION, found)})), IdKind.SESSION);
        Where where = Where.tenant("s", ORGANIZATION);

        strict.addTo(where, "s");

        assertThat(where.sql()).endsWith(" AND s.id IN (:ids)");
        strict.check(() -> Set.of(found), ErrorCode.SESSION_NOT_FOUND, "Session");
        Where untouched = Where.tenant("s", ORGANIZATION);
        StrictIds.none().addTo(untouched, "s");
        assertThat(untouched.sql()).isEqualTo("WHERE s.organization_id = :organizationId");
    }

    @Test
    void anIdOfAnotherKind_isReportedMissing_evenWhenItsUuidMatchesARow() {
        UUID row = Ids.newId(Clock.systemUTC());
        String versionId = Ids.format(IdKind.VERSION, row);
        Where where = Where.tenant("s", ORGANIZATION);

        StrictIds strict = StrictIds.addTo(where, "s", List.of(versionId), IdKind.SESSION);

        assertThat(where.sql()).endsWith(" AND false");
        assertThatThrownBy(() -> strict.check(() -> Set.of(row), ErrorCode.SESSION_NOT_FOUND, "Session"))
                .hasMessage("Sessions not found: " + versionId);
    }

    @Test
    void theIdsParameter_isReadCommaSeparated_andEachMissingIdNamedOnce() {
        UUID found = Ids.newId(Clock.systemUTC());
        UUID missing = Ids.newId(Clock.systemUTC());
        String missingId = Ids.format(IdKind.SESSION, missing);
        ListQuery query = ListQuery.of(Map.of("ids", new String[]{Ids.format(IdKind.SESSION, found) + "," + missingId + "," + missingId}));

        StrictIds strict = StrictIds.of(query, IdKind.SESSION);

        assertThatThrownBy(() -> strict.check(() -> Set.of(found), ErrorCode.SESSION_NOT_FOUND, "Session"))
                .hasMessage("Sessions not found: " + missingId);
    }
}

package dev.assay.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WhereTest {
    private static final UUID ORGANIZATION = UUID.fromString("0193a0c0-0000-7000-8000-000000000001");

    @Test
    void tenant_startsWithTheOrganizationCondition_andConditionsJoinWithAnd() {
        Where where = Where.tenant("s", ORGANIZATION).add("s.deleted_at IS NULL");

        assertThat(where.sql()).isEqualTo("WHERE s.organization_id = :organizationId AND s.deleted_at IS NULL");
    }

    @Test
    void createdBetween_addsOnlyTheBoundsGiven() {
        ListQuery from = ListQuery.of(Map.of("fromCreatedAt", new String[]{"2026-01-01"}));

        assertThat(Where.tenant("r", ORGANIZATION).createdBetween("r", from).sql())
                .isEqualTo("WHERE r.organization_id = :organizationId AND r.created_at >= :fromCreatedAt");
        assertThat(Where.tenant("r", ORGANIZATION).createdBetween("r", ListQuery.of(Map.of())).sql())
                .isEqualTo("WHERE r.organization_id = :organizationId");
    }

    @Test
    void relation_withNoIds_addsNothing_withOnlyUnparseableIds_matchesNothing() {
        assertThat(Where.tenant("r", ORGANIZATION).relation("r.session_id", "sessionIds", List.of(), IdKind.SESSION).sql())
                .isEqualTo("WHERE r.organization_id = :organizationId");
        assertThat(Where.tenant("r", ORGANIZATION)
                .relation("r.session_id", "sessionIds", List.of("session_nonsense", "version_x"), IdKind.SESSION)
                .sql())
                .endsWith(" AND false");
    }

    @Test
    void relation_withParseableIds_filtersByThem() {
        String session = Ids.format(IdKind.SESSION, Ids.newId(Clock.systemUTC()));

        assertThat(Where.tenant("r", ORGANIZATION).relation("r.session_id", "sessionIds", List.of(session, "bad"), IdKind.SESSION).sql())
                .endsWith(" AND r.session_id IN (:sessionIds)");
    }

    @Test
    void strictIds_reportsEveryRequestedIdNotAmongTheMatchingRows_unparseableOnesFirst() {
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
    void strictIds_allFound_passes_andNoIdsRequested_neverQueries() {
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
    void strictIds_onlyUnparseableIds_matchNothingAndAreAllReported() {
        Where where = Where.tenant("s", ORGANIZATION);

        StrictIds strict = StrictIds.addTo(where, "s", List.of("x"), IdKind.SESSION);

        assertThat(where.sql()).endsWith(" AND false");
        assertThatThrownBy(() -> strict.check(() -> {
            throw new AssertionError("nothing parsed, so no rows need reading");
        }, ErrorCode.SESSION_NOT_FOUND, "Session"))
                .hasMessage("Sessions not found: x");
    }
}

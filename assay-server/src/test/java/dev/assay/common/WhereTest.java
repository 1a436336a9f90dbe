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
    void idFilter_notRequested_addsNothing_requestedWithNoneParsed_matchesNothing() {
        assertThat(IdFilter.of(List.of(), IdKind.SESSION)).isEqualTo(IdFilter.ANY);
        assertThat(Where.tenant("r", ORGANIZATION).relation("r.session_id", "sessionIds", IdFilter.ANY).sql())
                .isEqualTo("WHERE r.organization_id = :organizationId");

        IdFilter unparseable = IdFilter.of(List.of("session_nonsense"), IdKind.SESSION);

        assertThat(unparseable.requested()).isTrue();
        assertThat(unparseable.ids()).isEmpty();
        assertThat(Where.tenant("r", ORGANIZATION).relation("r.session_id", "sessionIds", unparseable).sql()).endsWith(" AND false");
        assertThat(Where.tenant("r", ORGANIZATION).relation("r.version_id", "productVersionIds", IdFilter.resolved(List.of())).sql())
                .endsWith(" AND false");
    }

    @Test
    void idFilter_keepsTheIdsThatParse() {
        UUID session = Ids.newId(Clock.systemUTC());

        IdFilter filter = IdFilter.of(ListQuery.of(Map.of("sessionIds", new String[]{Ids.format(IdKind.SESSION, session) + ",bad"})),
                "sessionIds", IdKind.SESSION);

        assertThat(filter).isEqualTo(new IdFilter(true, List.of(session)));
        assertThat(Where.tenant("r", ORGANIZATION).relation("r.session_id", "sessionIds", filter).sql())
                .endsWith(" AND r.session_id IN (:sessionIds)");
    }

    @Test
    void createdBetween_readsBothBounds_andAddsOnlyThoseGiven() {
        ListQuery query = ListQuery.of(Map.of("fromCreatedAt", new String[]{"2026-01-01"}, "toCreatedAt", new String[]{"2026-02-01"}));

        CreatedBetween bounds = CreatedBetween.of(query);

        assertThat(bounds).isEqualTo(new CreatedBetween(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z")));
        assertThat(Where.tenant("e", ORGANIZATION).createdBetween("e", bounds).sql()).isEqualTo(
                "WHERE e.organization_id = :organizationId AND e.created_at >= :fromCreatedAt AND e.created_at <= :toCreatedAt");
        assertThat(Where.tenant("e", ORGANIZATION).createdBetween("e", CreatedBetween.ANY).sql())
                .isEqualTo("WHERE e.organization_id = :organizationId");
    }

    @Test
    void in_addsItsConditionOnlyWhenValuesAreGiven() {
        assertThat(Where.tenant("v", ORGANIZATION).in("v.name", "names", List.of()).sql())
                .isEqualTo("WHERE v.organization_id = :organizationId");
        assertThat(Where.tenant("v", ORGANIZATION).in("v.name", "names", List.of("prod", "staging")).sql())
                .isEqualTo("WHERE v.organization_id = :organizationId AND v.name IN (:names)");
    }
}

package dev.assay.metric;

import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateMetricRequest;
import dev.assay.api.MetricResponse;
import dev.assay.client.ListOptions;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;

/** GET /metrics, GET /metrics/{id} and DELETE /metrics/{id} (docs/reference/galtea-contract.md §4.5, §7.4). */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class MetricListIT extends ApiIntegrationTest {
    private static final String UNKNOWN_ID = "metric_aaaaaaaaaaaaaaaaaaaaaaaaaa";

    private final JdbcClient jdbc;

    MetricListIT(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Nested
    class Filters {

        @Test
        void list_byIds_returnsOwnAndBuiltInMetrics() {
            MetricResponse own = metric("own");
            MetricResponse bleu = client.metrics().getByName("BLEU").orElseThrow();

            assertThat(names("ids=" + own.id() + "&ids=" + bleu.id())).containsExactlyInAnyOrder("own", "BLEU");
        }

        @Test
        void list_byIdsWithUnknownOnes_returnsNotFoundNamingThem() {
            MetricResponse own = metric("own");

            String message = errorMessage(get("/metrics?ids=" + own.id() + "&ids=" + UNKNOWN_ID + "&ids=metric_123"), 404);

            assertThat(message).contains(UNKNOWN_ID, "metric_123").doesNotContain(own.id());
        }

        @Test
        void list_byIdsOfAnotherOrganizationsMetric_returnsNotFound() {
            MetricResponse foreign = newTenant().client().metrics().create(CreateMetricRequest.selfHosted("foreign"));

            assertThat(errorMessage(get("/metrics?ids=" + foreign.id()), 404)).contains(foreign.id());
        }

        @Test
        void list_byIdsOfADeletedMetric_returnsNotFound() {
            MetricResponse deleted = metric("deleted");
            client.metrics().delete(deleted.id());

            assertThat(errorMessage(get("/metrics?ids=" + deleted.id()), 404)).contains(deleted.id());
        }

        @Test
        void list_byNames_matchesExactNamesOnly() {
            metric("alpha");
            metric("alpha beta");
            metric("beta");

            assertThat(names("names=alpha")).containsExactly("alpha");
            assertThat(names("names=ALPHA")).isEmpty();
            assertThat(names("names[]=alpha&names[]=beta")).containsExactlyInAnyOrder("alpha", "beta");
        }

        @Test
        void list_byNameContainingAComma_isNotSplit() {
            metric("precise, concise");
            metric("precise");

            assertThat(names("names=precise%2C%20concise")).containsExactly("precise, concise");
        }

        @Test
        void list_byUnknownName_returnsEmptyArray() {
            assertThat(names("names=no-such-metric")).isEmpty();
        }

        @Test
        void list_byTags_matchesAnyOfThem() {
            metric("a", "red", "blue");
            metric("b", "green");
            metric("c", "yellow");
            metric("d");

            assertThat(names("tags=red&tags=green")).containsExactlyInAnyOrder("a", "b");
            assertThat(names("tags[]=blue")).containsExactly("a");
            assertThat(names("tags=purple")).isEmpty();
        }

        @Test
        void list_withoutIncludeLegacy_hidesLegacyMetrics() {
            MetricResponse legacy = metric("legacy");
            metric("current");
            markLegacy(legacy);

            assertThat(ownNames("")).containsExactly("current");
            assertThat(ownNames("includeLegacy=false")).containsExactly("current");
        }

        @Test
        void list_withIncludeLegacy_showsLegacyMetricsWithLegacyAt() {
            MetricResponse legacy = metric("legacy");
            metric("current");
            markLegacy(legacy);

            assertThat(ownNames("includeLegacy=true")).containsExactlyInAnyOrder("legacy", "current");
            assertThat(ownNames("includeLegacy=1")).containsExactlyInAnyOrder("legacy", "current");
            assertThat(client.metrics().get(legacy.id()).legacyAt()).isNotNull();
        }

        @Test
        void list_byCreatedAtBounds_includesTheBoundaryRows() {
            MetricResponse first = metric("first");
            MetricResponse second = laterThan(first, "second");

            assertThat(ownNames("fromCreatedAt=" + second.createdAt())).containsExactly("second");
            assertThat(ownNames("toCreatedAt=" + first.createdAt())).containsExactly("first");
            assertThat(ownNames("fromCreatedAt=" + first.createdAt() + "&toCreatedAt=" + second.createdAt()))
                    .containsExactly("first", "second");
        }

        @Test
        void list_withUnparseableDate_returnsBadRequest() {
            errorMessage(get("/metrics?fromCreatedAt=yesterday"), 400);
        }
    }

    @Nested
    class SortingAndPaging {

        @Test
        void list_sortedByNameDescending_ordersByName() {
            metric("m-b");
            metric("m-c");
            metric("m-a");

            assertThat(names("names=m-a&names=m-b&names=m-c&sort=name&sort=desc")).containsExactly("m-c", "m-b", "m-a");
            assertThat(names("names=m-a&names=m-b&names=m-c&sort=name,asc")).containsExactly("m-a", "m-b", "m-c");
        }

        @Test
        void list_sortedByCreatedAtDescending_returnsNewestFirst() {
            MetricResponse first = metric("first");
            MetricResponse second = laterThan(first, "second");

            assertThat(ownNames("sort=createdAt&sort=desc")).containsExactly("second", "first");
            assertThat(ownNames("sort=-createdAt")).containsExactly("second", "first");
            assertThat(client.metrics().list(ListOptions.none().filter("ids", first.id(), second.id()).sort("createdAt", true)))
                    .containsExactly(second, first);
        }

        @Test
        void list_withLimitAndOffset_returnsThatPage() {
            metric("m-a");
            metric("m-b");
            metric("m-c");
            String query = "names=m-a&names=m-b&names=m-c&sort=name";

            assertThat(names(query + "&limit=2")).containsExactly("m-a", "m-b");
            assertThat(names(query + "&limit=2&offset=2")).containsExactly("m-c");
            assertThat(names(query + "&offset=3")).isEmpty();
        }

        @Test
        void list_withInvalidSortOrPaging_returnsBadRequest() {
            assertThat(errorMessage(get("/metrics?sort=score"), 400)).contains("score");
            errorMessage(get("/metrics?limit=-1"), 400);
            errorMessage(get("/metrics?offset=abc"), 400);
        }
    }

    @Nested
    class Get {

        @Test
        void get_ownMetric_returnsIt() {
            MetricResponse own = metric("own");

            assertThat(client.metrics().get(own.id())).isEqualTo(own);
        }

        @Test
        void get_unknownOrMalformedId_returnsNotFound() {
            assertThat(errorMessage(get("/metrics/" + UNKNOWN_ID), 404)).contains(UNKNOWN_ID);
            errorMessage(get("/metrics/metric_123"), 404);
            errorMessage(get("/metrics/" + Ids.format(IdKind.SESSION, Ids.parse(IdKind.METRIC, metric("x").id()).orElseThrow())),
                    404);
        }

        @Test
        void get_anotherOrganizationsMetric_returnsNotFound() {
            MetricResponse foreign = newTenant().client().metrics().create(CreateMetricRequest.selfHosted("foreign"));

            assertThat(errorMessage(get("/metrics/" + foreign.id()), 404)).contains(foreign.id());
        }
    }

    @Nested
    class Delete {

        @Test
        void delete_ownMetric_returnsNoContentAndHidesIt() {
            MetricResponse own = metric("own");

            assertThat(raw("DELETE", "/metrics/" + own.id(), null, tenant.apiKey()).statusCode()).isEqualTo(204);

            errorMessage(get("/metrics/" + own.id()), 404);
            assertThat(ownNames("")).isEmpty();
        }

        @Test
        void delete_twice_returnsNotFound() {
            MetricResponse own = metric("own");
            client.metrics().delete(own.id());

            errorMessage(raw("DELETE", "/metrics/" + own.id(), null, tenant.apiKey()), 404);
        }

        @Test
        void delete_builtIn_returnsForbiddenAndKeepsIt() {
            MetricResponse bleu = client.metrics().getByName("BLEU").orElseThrow();

            assertThat(errorMessage(raw("DELETE", "/metrics/" + bleu.id(), null, tenant.apiKey()), 403)).contains("BLEU");

            assertThat(client.metrics().get(bleu.id())).isEqualTo(bleu);
            assertThat(newTenant().client().metrics().get(bleu.id())).isEqualTo(bleu);
        }

        @Test
        void delete_anotherOrganizationsMetric_returnsNotFoundAndKeepsIt() {
            Tenant other = newTenant();
            MetricResponse foreign = other.client().metrics().create(CreateMetricRequest.selfHosted("foreign"));

            errorMessage(raw("DELETE", "/metrics/" + foreign.id(), null, tenant.apiKey()), 404);

            assertThat(other.client().metrics().get(foreign.id())).isEqualTo(foreign);
        }

        @Test
        void delete_unknownId_returnsNotFound() {
            errorMessage(raw("DELETE", "/metrics/" + UNKNOWN_ID, null, tenant.apiKey()), 404);
        }
    }

    private MetricResponse metric(String name, String... tags) {
        return client.metrics().create(new CreateMetricRequest(name, "SELF_HOSTED", null, null, null, null, null,
                tags.length == 0 ? null : List.of(tags), null));
    }

    /** A metric created strictly later than {@code previous}, so that ordering by createdAt is unambiguous. */
    private MetricResponse laterThan(MetricResponse previous, String name) {
        while (true) {
            MetricResponse created = metric(name);
            if (Instant.parse(created.createdAt()).isAfter(Instant.parse(previous.createdAt()))) {
                return created;
            }
            client.metrics().delete(created.id());
        }
    }

    private void markLegacy(MetricResponse metric) {
        jdbc.sql("UPDATE metrics SET legacy_at = now() WHERE id = :id")
                .param("id", Ids.parse(IdKind.METRIC, metric.id()).orElseThrow())
                .update();
    }

    private HttpResponse<String> get(String pathAndQuery) {
        return raw("GET", pathAndQuery, null, tenant.apiKey());
    }

    /** Names of {@code GET /metrics?<query>}, in order. */
    private List<String> names(String query) {
        return rows(query, null);
    }

    /** Names of the organization's own metrics in {@code GET /metrics?<query>}, in order. */
    private List<String> ownNames(String query) {
        return rows(query, tenant.organizationId());
    }

    private List<String> rows(String query, @Nullable String organizationId) {
        JsonNode body = assertStatus(get("/metrics?" + query), 200);
        List<String> names = new ArrayList<>();
        body.values().forEach(row -> {
            if (organizationId == null
                    || (!row.get("organizationId").isNull() && organizationId.equals(row.get("organizationId").stringValue()))) {
                names.add(row.get("name").stringValue());
            }
        });
        return names;
    }
}

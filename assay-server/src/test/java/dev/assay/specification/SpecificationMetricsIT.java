package dev.assay.specification;

import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static dev.assay.testing.EvaluationFixtures.aSpecification;
import static dev.assay.testing.Fixtures.aProduct;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.MetricResponse;
import dev.assay.api.SpecificationResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Linking, unlinking and listing a specification's metrics (docs/reference/galtea-contract.md §5.2, §9.12). */
class SpecificationMetricsIT extends SpecificationApiTest {

    @Test
    void link_returnsNoContentAndLinksTheMetrics() {
        SpecificationResponse spec = aSpecification(client, aProduct(client).id());
        MetricResponse metric = aSelfHostedMetric(client);
        MetricResponse bleu = client.metrics().getByName("BLEU").orElseThrow();

        assertThat(link("POST", spec, metric.id(), bleu.id()).statusCode()).isEqualTo(204);

        assertThat(client.specifications().get(spec.id()).metricIds()).containsExactlyInAnyOrder(metric.id(), bleu.id());
        assertThat(client.specifications().listMetrics(spec.id())).containsExactlyInAnyOrder(metric, bleu);
    }

    @Test
    void link_alreadyLinkedMetric_isIdempotent() {
        MetricResponse metric = aSelfHostedMetric(client);
        SpecificationResponse spec = aSpecification(client, aProduct(client).id(), metric.id());

        assertThat(link("POST", spec, metric.id(), metric.id()).statusCode()).isEqualTo(204);
        assertThat(link("POST", spec, metric.id()).statusCode()).isEqualTo(204);

        assertThat(client.specifications().get(spec.id()).metricIds()).containsExactly(metric.id());
    }

    @Test
    void unlink_returnsNoContentAndIsIdempotent() {
        MetricResponse kept = aSelfHostedMetric(client);
        MetricResponse removed = aSelfHostedMetric(client);
        SpecificationResponse spec = aSpecification(client, aProduct(client).id(), kept.id(), removed.id());

        assertThat(link("DELETE", spec, removed.id()).statusCode()).isEqualTo(204);
        assertThat(link("DELETE", spec, removed.id()).statusCode()).isEqualTo(204);

        assertThat(client.specifications().get(spec.id()).metricIds()).containsExactly(kept.id());
        assertThat(client.specifications().listMetrics(spec.id())).containsExactly(kept);
    }

    @Test
    void link_unknownMetric_returnsNotFoundAndLinksNothing() {
        SpecificationResponse spec = aSpecification(client, aProduct(client).id());
        MetricResponse metric = aSelfHostedMetric(client);

        assertThat(errorMessage(link("POST", spec, metric.id(), UNKNOWN_METRIC_ID), 404)).contains(UNKNOWN_METRIC_ID);

        assertThat(client.specifications().get(spec.id()).metricIds()).isEmpty();
    }

    @Test
    void unlink_unknownMetric_returnsNotFoundAndUnlinksNothing() {
        MetricResponse metric = aSelfHostedMetric(client);
        SpecificationResponse spec = aSpecification(client, aProduct(client).id(), metric.id());

        errorMessage(link("DELETE", spec, metric.id(), UNKNOWN_METRIC_ID), 404);

        assertThat(client.specifications().get(spec.id()).metricIds()).containsExactly(metric.id());
    }

    @Test
    void link_anotherOrganizationsMetric_returnsNotFound() {
        SpecificationResponse spec = aSpecification(client, aProduct(client).id());
        MetricResponse foreign = aSelfHostedMetric(newTenant().client());

        errorMessage(link("POST", spec, foreign.id()), 404);

        assertThat(client.specifications().get(spec.id()).metricIds()).isEmpty();
    }

    @Test
    void linkRoutes_ofAnotherOrganizationsSpecification_returnNotFound() {
        Tenant other = newTenant();
        MetricResponse theirMetric = aSelfHostedMetric(other.client());
        SpecificationResponse foreign = aSpecification(other.client(), aProduct(other.client()).id(), theirMetric.id());
        MetricResponse mine = aSelfHostedMetric(client);

        errorMessage(link("POST", foreign, mine.id()), 404);
        errorMessage(link("DELETE", foreign, theirMetric.id()), 404);
        errorMessage(get("/specifications/" + foreign.id() + "/metrics"), 404);

        assertThat(other.client().specifications().get(foreign.id()).metricIds()).containsExactly(theirMetric.id());
    }

    @Test
    void linkRoutes_ofUnknownSpecification_returnNotFound() {
        MetricResponse metric = aSelfHostedMetric(client);

        errorMessage(raw("POST", "/specifications/" + UNKNOWN_ID + "/metrics",
                "{\"metricIds\":[\"" + metric.id() + "\"]}", tenant.apiKey()), 404);
        errorMessage(get("/specifications/" + UNKNOWN_ID + "/metrics"), 404);
    }

    @Test
    void link_withoutMetricIds_returnsBadRequest() {
        SpecificationResponse spec = aSpecification(client, aProduct(client).id());

        errorMessage(raw("POST", "/specifications/" + spec.id() + "/metrics", "{}", tenant.apiKey()), 400);
        errorMessage(raw("POST", "/specifications/" + spec.id() + "/metrics", "{\"metricIds\":\"x\"}", tenant.apiKey()), 400);
    }

    @Test
    void listMetrics_returnsFullMetricObjects() {
        MetricResponse metric = aSelfHostedMetric(client);
        SpecificationResponse spec = aSpecification(client, aProduct(client).id(), metric.id());

        JsonNode body = assertStatus(get("/specifications/" + spec.id() + "/metrics"), 200);

        assertThat(body.isArray()).isTrue();
        assertThat(body.get(0).get("id").stringValue()).isEqualTo(metric.id());
        assertThat(body.get(0).get("name").stringValue()).isEqualTo(metric.name());
        assertThat(body.get(0).get("source").stringValue()).isEqualTo("SELF_HOSTED");
    }

    @Test
    void deletedMetric_disappearsFromTheSpecification() {
        MetricResponse kept = aSelfHostedMetric(client);
        MetricResponse deleted = aSelfHostedMetric(client);
        SpecificationResponse spec = aSpecification(client, aProduct(client).id(), kept.id(), deleted.id());

        client.metrics().delete(deleted.id());

        assertThat(client.specifications().get(spec.id()).metricIds()).containsExactly(kept.id());
        assertThat(client.specifications().listMetrics(spec.id())).containsExactly(kept);
    }
}

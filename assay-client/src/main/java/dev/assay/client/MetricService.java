package dev.assay.client;

import dev.assay.api.CreateMetricRequest;
import dev.assay.api.MetricResponse;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/** Metrics ({@code galtea.metrics}): Galtea's built-ins and the organization's own. */
public final class MetricService {
    private final Transport transport;

    MetricService(Transport transport) {
        this.transport = transport;
    }

    public MetricResponse create(CreateMetricRequest request) {
        return transport.send("POST", "metrics", request, MetricResponse.class);
    }

    public MetricResponse get(String metricId) {
        return transport.send("GET", "metrics/" + Paths.segment(metricId), null, MetricResponse.class);
    }

    /** The metric with this exact name, as the Python SDK finds it (a filtered list). */
    public Optional<MetricResponse> getByName(String name) {
        return list(ListOptions.none().filter("names", name)).stream().findFirst();
    }

    /** Lists metrics; filters {@code ids}, {@code names}, {@code tags}, {@code includeLegacy}, date bounds, sort, paging. */
    public List<MetricResponse> list(ListOptions options) {
        return transport.send("GET", "metrics" + options.toQueryString(), null, new TypeReference<List<MetricResponse>>() {});
    }

    public void delete(String metricId) {
        transport.sendWithoutResult("DELETE", "metrics/" + Paths.segment(metricId), null);
    }
}

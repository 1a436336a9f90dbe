package dev.assay.client;

import dev.assay.api.CreateSpecificationRequest;
import dev.assay.api.MetricIdsRequest;
import dev.assay.api.MetricResponse;
import dev.assay.api.SpecificationResponse;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/** Specifications ({@code galtea.specifications}) and their linked metrics. */
public final class SpecificationService {
    private final Transport transport;

    SpecificationService(Transport transport) {
        this.transport = transport;
    }

    public SpecificationResponse create(CreateSpecificationRequest request) {
        return transport.send("POST", "specifications", request, SpecificationResponse.class);
    }

    public SpecificationResponse get(String specificationId) {
        return transport.send("GET", "specifications/" + Paths.segment(specificationId), null, SpecificationResponse.class);
    }

    /** Lists specifications; filters {@code ids}, {@code productIds}, {@code types}, {@code testTypes}, date bounds, sort, paging. */
    public List<SpecificationResponse> list(ListOptions options) {
        return transport.send("GET", "specifications" + options.toQueryString(), null,
                new TypeReference<List<SpecificationResponse>>() {});
    }

    public void delete(String specificationId) {
        transport.sendWithoutResult("DELETE", "specifications/" + Paths.segment(specificationId), null);
    }

    /** Links metrics; linking an already linked metric is harmless. */
    public void linkMetrics(String specificationId, List<String> metricIds) {
        transport.sendWithoutResult("POST", "specifications/" + Paths.segment(specificationId) + "/metrics",
                new MetricIdsRequest(metricIds));
    }

    /** Unlinks metrics; unlinking a metric that is not linked is harmless. */
    public void unlinkMetrics(String specificationId, List<String> metricIds) {
        transport.sendWithoutResult("DELETE", "specifications/" + Paths.segment(specificationId) + "/metrics",
                new MetricIdsRequest(metricIds));
    }

    public List<MetricResponse> listMetrics(String specificationId) {
        return transport.send("GET", "specifications/" + Paths.segment(specificationId) + "/metrics", null,
                new TypeReference<List<MetricResponse>>() {});
    }
}

package dev.assay.evaluation;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.ErrorCode;
import dev.assay.common.NotFoundException;
import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricService;
import dev.assay.metric.MetricSource;
import dev.assay.product.ProductService;
import dev.assay.product.Version;
import dev.assay.specification.SpecificationService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import static java.util.Objects.requireNonNull;

/**
 * Resolves the metrics of an evaluation request (docs/reference/galtea-contract.md §2.3): explicit metrics by
 * id (wins) or name, merged with the metrics of the listed specifications and de-duplicated (the
 * first occurrence wins); with neither, the metrics of the product's specifications.
 */
@Component
class MetricResolver {
    private final MetricService metrics;
    private final SpecificationService specifications;
    private final ProductService products;

    MetricResolver(MetricService metrics, SpecificationService specifications, ProductService products) {
        this.metrics = metrics;
        this.specifications = specifications;
        this.products = products;
    }

    /** A resolved metric with the client's score, if it sent one. */
    record ResolvedMetric(MetricDefinition metric, @Nullable Double score) {}

    List<ResolvedMetric> resolve(Caller caller, @Nullable List<MetricReference> requested,
            @Nullable List<String> specificationIds, UUID versionId) {
        Map<UUID, ResolvedMetric> resolved = new LinkedHashMap<>();
        List<MetricReference> explicit = requested == null ? List.of() : requested;
        for (int i = 0; i < explicit.size(); i++) {
            ResolvedMetric metric = resolveOne(caller, "metrics[" + i + "]", explicit.get(i));
            resolved.putIfAbsent(metric.metric().id(), metric);
        }
        List<String> specs = specificationIds == null ? List.of() : specificationIds;
        for (MetricDefinition metric : specifications.metricsOf(caller, specs)) {
            resolved.putIfAbsent(metric.id(), new ResolvedMetric(metric, null));
        }
        if (explicit.isEmpty() && specs.isEmpty()) {
            Version version = products.getVersionById(caller, versionId);
            for (MetricDefinition metric : specifications.metricsOfProduct(caller, version.productId())) {
                resolved.putIfAbsent(metric.id(), new ResolvedMetric(metric, null));
            }
        }
        if (resolved.isEmpty()) {
            throw AssayException.invalid("No metrics to evaluate: pass metrics or specificationIds, "
                    + "or link metrics to the product's specifications");
        }
        return new ArrayList<>(resolved.values());
    }

    private ResolvedMetric resolveOne(Caller caller, String field, MetricReference request) {
        if (request == null || (request.id() == null && request.name() == null)) {
            throw AssayException.invalidField(field, "needs an id or a name");
        }
        String id = request.id();
        String name = request.name();
        MetricDefinition metric;
        if (id != null) {
            metric = metrics.find(caller, id).orElseThrow(() -> notFound(id));
            if (name != null && !name.equals(metric.name())
                    && metrics.findByName(caller, name).filter(other -> other.id().equals(metric.id())).isEmpty()) {
                throw AssayException.invalidField(field, "id " + id + " and name '" + name + "' name different metrics");
            }
        } else {
            String byName = requireNonNull(name, "name");
            metric = metrics.findByName(caller, byName).orElseThrow(() -> notFound(byName));
        }
        Double score = request.score();
        if (score != null) {
            if (metric.source() != MetricSource.SELF_HOSTED) {
                throw AssayException.invalidField(field, "a score can only be given for a SELF_HOSTED metric; '"
                        + metric.name() + "' is " + metric.source());
            }
            if (!(score >= 0 && score <= 1)) {
                throw AssayException.invalidField(field, "score must be within [0, 1]");
            }
        }
        return new ResolvedMetric(metric, score);
    }

    private static NotFoundException notFound(String metric) {
        return new NotFoundException(ErrorCode.METRIC_NOT_FOUND, "Metric not found: " + metric);
    }
}

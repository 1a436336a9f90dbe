package dev.assay.web;

import dev.assay.auth.Caller;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricService;
import dev.assay.product.ProductService;
import dev.assay.product.Version;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Looks up the names pages show in place of ids: metrics, versions and products. */
@Component
class Names {
    static final int MAX_VERSIONS = 1000;

    private final ProductService products;
    private final MetricService metrics;

    Names(ProductService products, MetricService metrics) {
        this.products = products;
        this.metrics = metrics;
    }

    Map<UUID, String> metrics(Caller caller, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            for (MetricDefinition metric : metrics.findAll(caller, ids)) {
                names.put(metric.id(), metric.name());
            }
        }
        return names;
    }

    /** The organization's newest versions, newest first. */
    List<Version> versions(Caller caller) {
        return products.listVersions(caller, Params.of("sort", "-createdAt", "limit", String.valueOf(MAX_VERSIONS)).query());
    }

    /** Product id to name, for the organization's products. */
    Map<UUID, String> products(Caller caller) {
        Map<UUID, String> productNames = new HashMap<>();
        products.listProducts(caller, Params.of("limit", "10000").query())
                .forEach(product -> productNames.put(product.id(), product.name()));
        return productNames;
    }

    /** Version id to "product / version" for the newest versions. */
    Map<UUID, String> versionLabels(Caller caller, List<Version> versions) {
        Map<UUID, String> productNames = products(caller);
        Map<UUID, String> labels = new HashMap<>();
        for (Version version : versions) {
            labels.put(version.id(), productNames.getOrDefault(version.productId(), "?") + " / " + version.name());
        }
        return labels;
    }

    static String versionId(UUID id) {
        return Ids.format(IdKind.VERSION, id);
    }
}

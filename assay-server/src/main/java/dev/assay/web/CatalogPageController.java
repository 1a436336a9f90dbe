package dev.assay.web;

import dev.assay.auth.Caller;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricService;
import dev.assay.product.ProductService;
import dev.assay.specification.Specification;
import dev.assay.specification.SpecificationService;
import dev.assay.web.DashboardViews.MetricRow;
import dev.assay.web.DashboardViews.SpecificationRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The read-only lists of metrics and specifications. */
@Controller
class CatalogPageController {
    private static final int MAX_ROWS = 1000;

    private final MetricService metrics;
    private final SpecificationService specifications;
    private final ProductService products;
    private final Names names;

    CatalogPageController(MetricService metrics, SpecificationService specifications, ProductService products, Names names) {
        this.metrics = metrics;
        this.specifications = specifications;
        this.products = products;
        this.names = names;
    }

    @GetMapping("/ui/metrics")
    String metrics(Caller caller, Model model) {
        List<MetricDefinition> list = metrics.list(caller, Params.of("limit", String.valueOf(MAX_ROWS), "sort", "name").query());
        model.addAttribute("metrics", list.stream()
                .map(metric -> new MetricRow(Ids.format(IdKind.METRIC, metric.id()), metric.name(), metric.source().name(),
                        Formats.shorten(metric.description(), 200), String.join(", ", metric.evaluationParams()),
                        metric.isBuiltIn() ? "built-in" : "organization",
                        metric.disabledAt() != null ? "disabled" : metric.legacyAt() != null ? "legacy" : "active"))
                .toList());
        return "ui/metrics";
    }

    @GetMapping("/ui/specifications")
    String specifications(Caller caller, Model model) {
        List<Specification> list = specifications.list(caller, Params.of("limit", String.valueOf(MAX_ROWS), "sort", "-createdAt").query());
        Map<UUID, String> productNames = new HashMap<>();
        products.listProducts(caller, Params.of("limit", "10000").query())
                .forEach(product -> productNames.put(product.id(), product.name()));
        Map<UUID, String> metricNames = names.metrics(caller,
                list.stream().flatMap(spec -> spec.metricIds().stream()).collect(Collectors.toSet()));
        model.addAttribute("specifications", list.stream()
                .map(spec -> new SpecificationRow(Ids.format(IdKind.SPECIFICATION, spec.id()),
                        Objects.requireNonNullElse(spec.name(), ""), String.valueOf(spec.type()),
                        Formats.shorten(spec.description(), 300), productNames.getOrDefault(spec.productId(), "?"),
                        spec.metricIds().stream().map(id -> metricNames.getOrDefault(id, "?")).sorted()
                                .collect(Collectors.joining(", "))))
                .toList());
        return "ui/specifications";
    }
}

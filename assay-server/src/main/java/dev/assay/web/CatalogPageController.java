package dev.assay.web;

import dev.assay.auth.Caller;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.evaluation.EvaluationStatisticsService;
import dev.assay.evaluation.EvaluationStatisticsService.MeanScore;
import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricService;
import dev.assay.product.Product;
import dev.assay.product.ProductService;
import dev.assay.product.Version;
import dev.assay.specification.Specification;
import dev.assay.specification.SpecificationService;
import dev.assay.web.DashboardViews.MetricMean;
import dev.assay.web.DashboardViews.MetricRow;
import dev.assay.web.DashboardViews.ProductRow;
import dev.assay.web.DashboardViews.SpecificationRow;
import dev.assay.web.DashboardViews.VersionRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The catalog pages, each one bounded list of the organization's definitions with names in place
 * of ids: the start page (products, their versions and each version's mean score per metric), and
 * the read-only lists of metrics and specifications.
 */
@Controller
class CatalogPageController {
    private static final int MAX_PRODUCTS = 200;
    private static final int MAX_ROWS = 1000;

    private final ProductService products;
    private final MetricService metrics;
    private final SpecificationService specifications;
    private final EvaluationStatisticsService statistics;
    private final Names names;
    private final AggregateCache cache;

    CatalogPageController(ProductService products, MetricService metrics, SpecificationService specifications,
            EvaluationStatisticsService statistics, Names names, AggregateCache cache) {
        this.products = products;
        this.metrics = metrics;
        this.specifications = specifications;
        this.statistics = statistics;
        this.names = names;
        this.cache = cache;
    }

    @GetMapping("/ui")
    String home(Caller caller, Model model) {
        List<Product> productList = products.listProducts(caller,
                Params.of("sort", "-createdAt", "limit", String.valueOf(MAX_PRODUCTS)).query());
        List<Version> versions = names.versions(caller);
        AggregateCache.Computed<List<MeanScore>> means = cache.get(caller.organizationId(), "meanScores",
                () -> statistics.meanScores(caller));
        List<MeanScore> meanList = means.valueOr(List.of());
        Map<UUID, String> metricNames = names.metrics(caller,
                meanList.stream().map(MeanScore::metricId).collect(Collectors.toSet()));
        Map<UUID, List<MeanScore>> meansByVersion = meanList.stream()
                .collect(Collectors.groupingBy(MeanScore::versionId));
        List<ProductRow> rows = new ArrayList<>();
        for (Product product : productList) {
            List<VersionRow> versionRows = versions.stream()
                    .filter(version -> version.productId().equals(product.id()))
                    .map(version -> new VersionRow(Names.versionId(version.id()), version.name(),
                            Formats.time(version.createdAt()), version.modelId(),
                            meansByVersion.getOrDefault(version.id(), List.of()).stream()
                                    .map(mean -> new MetricMean(metricNames.getOrDefault(mean.metricId(), "deleted metric"),
                                            Formats.score(mean.mean()), mean.count()))
                                    .sorted(Comparator.comparing(MetricMean::metric))
                                    .toList()))
                    .toList();
            rows.add(new ProductRow(Ids.format(IdKind.PRODUCT, product.id()), product.name(), product.description(), versionRows));
        }
        model.addAttribute("products", rows);
        model.addAttribute("computing", means.pending());
        model.addAttribute("computedAt", means.pending() ? "" : Formats.time(means.computedAt()));
        return "ui/home";
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
        Map<UUID, String> productNames = names.products(caller);
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

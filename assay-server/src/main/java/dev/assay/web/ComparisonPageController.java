package dev.assay.web;

import dev.assay.analysis.Comparison;
import dev.assay.analysis.ComparisonItem;
import dev.assay.analysis.ComparisonService;
import dev.assay.analysis.Interval;
import dev.assay.analysis.MetricComparison;
import dev.assay.auth.Caller;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.NotFoundException;
import dev.assay.evaluation.Evaluation;
import dev.assay.evaluation.EvaluationQueryService;
import dev.assay.product.ProductService;
import dev.assay.product.Version;
import dev.assay.web.DashboardViews.ComparisonRow;
import dev.assay.web.DashboardViews.Option;
import dev.assay.web.DashboardViews.RegressedItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two versions side by side through the comparisons service: per metric both means with their
 * intervals, the delta, the test's p-value and verdict, and the test cases that regressed most,
 * each linked to its conversations.
 */
@Controller
class ComparisonPageController {
    static final int WORST_ITEMS = 10;

    private final ComparisonService comparisons;
    private final EvaluationQueryService evaluations;
    private final ProductService products;
    private final Names names;
    private final AggregateCache cache;
    private final JsonMapper json;

    ComparisonPageController(ComparisonService comparisons, EvaluationQueryService evaluations, ProductService products,
            Names names, AggregateCache cache, JsonMapper json) {
        this.comparisons = comparisons;
        this.evaluations = evaluations;
        this.products = products;
        this.names = names;
        this.cache = cache;
        this.json = json;
    }

    @GetMapping("/ui/compare")
    String compare(Caller caller, Model model, @RequestParam(required = false) @Nullable String base,
            @RequestParam(required = false) @Nullable String candidate) {
        List<Version> versions = names.versions(caller);
        Map<UUID, String> labels = names.versionLabels(caller, versions);
        model.addAttribute("baseOptions", options(versions, labels, base));
        model.addAttribute("candidateOptions", options(versions, labels, candidate));
        if (base == null || base.isBlank() || candidate == null || candidate.isBlank()) {
            model.addAttribute("compared", false);
            return "ui/compare";
        }
        // Both versions must be the caller's before anything is computed: another organization's ids are a 404.
        UUID baseId = products.getVersion(caller, base.strip()).id();
        UUID candidateId = products.getVersion(caller, candidate.strip()).id();
        // The statistics read every score of both versions: computed in the background, then kept like the other aggregates.
        AggregateCache.Computed<Figures> computed = cache.get(caller.organizationId(), "comparison " + baseId + " " + candidateId,
                () -> figures(caller, Names.versionId(baseId), Names.versionId(candidateId)));
        model.addAttribute("compared", true);
        model.addAttribute("baseLabel", labels.getOrDefault(baseId, Names.versionId(baseId)));
        model.addAttribute("candidateLabel", labels.getOrDefault(candidateId, Names.versionId(candidateId)));
        if (computed.pending()) {
            model.addAttribute("computing", true);
            model.addAttribute("rows", List.of());
            model.addAttribute("items", List.of());
            return "ui/compare";
        }
        Comparison comparison = computed.value().comparison();
        model.addAttribute("computedAt", Formats.time(computed.computedAt()));
        List<ComparisonRow> rows = new ArrayList<>();
        for (MetricComparison metric : comparison.metrics()) {
            rows.add(new ComparisonRow(metric.metricName(), Formats.score(metric.base().mean()), metric.base().n(),
                    interval(metric.base().meanInterval()), Formats.score(metric.candidate().mean()), metric.candidate().n(),
                    interval(metric.candidate().meanInterval()), signed(metric.delta()), interval(metric.deltaInterval()),
                    metric.pairing().name(), metric.adjustedPValue() == null
                            ? "—"
                            : String.format(Locale.ROOT, "%.4f", metric.adjustedPValue()),
                    metric.verdict().name()));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("items", computed.value().items());
        model.addAttribute("chartJson", json.writeValueAsString(Map.of("type", "bar",
                "x", comparison.metrics().stream().map(MetricComparison::metricName).toList(),
                "series", List.of(
                        Map.of("name", "base", "data", comparison.metrics().stream().map(m -> m.base().mean()).toList()),
                        Map.of("name", "candidate", "data", comparison.metrics().stream().map(m -> m.candidate().mean()).toList())))));
        return "ui/compare";
    }

    /**
     * The comparison and its worst regressed items with their conversations: everything the page
     * shows that reads evaluations, so a cached view runs no query over them.
     */
    private Figures figures(Caller caller, String base, String candidate) {
        Comparison comparison = comparisons.compare(caller, Params.of("baseVersionId", base, "candidateVersionId", candidate).query());
        Map<UUID, String> metricNames = new HashMap<>();
        comparison.metrics().forEach(metric -> metricNames.put(metric.metricId(), metric.metricName()));
        List<RegressedItem> items = comparisons.items(caller, Params.of("baseVersionId", base, "candidateVersionId", candidate,
                "limit", String.valueOf(WORST_ITEMS)).query()).stream()
                .filter(item -> item.delta() < 0)
                .map(item -> new RegressedItem(metricNames.getOrDefault(item.metricId(), Ids.format(IdKind.METRIC, item.metricId())),
                        item.testCaseId(), Formats.score(item.baseScore()), Formats.score(item.candidateScore()),
                        signed(item.delta()), item.candidateReason(), sessionOf(caller, item.candidateEvaluationId()),
                        sessionOf(caller, item.baseEvaluationId())))
                .toList();
        return new Figures(comparison, items);
    }

    private record Figures(Comparison comparison, List<RegressedItem> items) {}

    private @Nullable String sessionOf(Caller caller, UUID evaluationId) {
        try {
            Evaluation evaluation = evaluations.get(caller, Ids.format(IdKind.EVALUATION, evaluationId));
            return Ids.format(IdKind.SESSION, evaluation.sessionId());
        } catch (NotFoundException deletedMeanwhile) {
            return null;
        }
    }

    private static String signed(@Nullable Double value) {
        return value == null ? "—" : (value > 0 ? "+" : "") + Formats.score(value);
    }

    private static String interval(@Nullable Interval interval) {
        return interval == null ? "" : "[" + Formats.score(interval.low()) + ", " + Formats.score(interval.high()) + "]";
    }

    private static List<Option> options(List<Version> versions, Map<UUID, String> labels, @Nullable String selected) {
        return versions.stream()
                .map(version -> new Option(Names.versionId(version.id()), labels.getOrDefault(version.id(), Names.versionId(version.id())),
                        Names.versionId(version.id()).equals(selected)))
                .toList();
    }
}

package dev.assay.web;

import dev.assay.auth.Caller;
import dev.assay.evaluation.EvaluationStatisticsService;
import dev.assay.evaluation.EvaluationStatisticsService.MeanScore;
import dev.assay.product.ProductService;
import dev.assay.product.Version;
import dev.assay.web.DashboardViews.ComparisonRow;
import dev.assay.web.DashboardViews.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** Two versions side by side: each metric's mean score in the base and the candidate. */
@Controller
class ComparisonController {
    private final ProductService products;
    private final EvaluationStatisticsService statistics;
    private final Names names;
    private final AggregateCache cache;
    private final JsonMapper json;

    ComparisonController(ProductService products, EvaluationStatisticsService statistics, Names names, AggregateCache cache,
            JsonMapper json) {
        this.products = products;
        this.statistics = statistics;
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
        Version baseVersion = products.getVersion(caller, base.strip());
        Version candidateVersion = products.getVersion(caller, candidate.strip());
        List<MeanScore> means = cache.get(caller.organizationId(), "meanScores", () -> statistics.meanScores(caller)).value();
        Map<UUID, MeanScore> baseMeans = means.stream().filter(mean -> mean.versionId().equals(baseVersion.id()))
                .collect(Collectors.toMap(MeanScore::metricId, mean -> mean));
        Map<UUID, MeanScore> candidateMeans = means.stream().filter(mean -> mean.versionId().equals(candidateVersion.id()))
                .collect(Collectors.toMap(MeanScore::metricId, mean -> mean));
        Set<UUID> metricIds = new TreeSet<>(baseMeans.keySet());
        metricIds.addAll(candidateMeans.keySet());
        Map<UUID, String> metricNames = names.metrics(caller, metricIds);
        List<ComparisonRow> rows = new ArrayList<>();
        for (UUID metricId : metricIds) {
            MeanScore b = baseMeans.get(metricId);
            MeanScore c = candidateMeans.get(metricId);
            Double delta = b == null || c == null ? null : c.mean() - b.mean();
            rows.add(new ComparisonRow(metricNames.getOrDefault(metricId, "deleted metric"),
                    Formats.score(b == null ? null : b.mean()), b == null ? 0 : b.count(),
                    Formats.score(c == null ? null : c.mean()), c == null ? 0 : c.count(),
                    delta == null ? "—" : (delta > 0 ? "+" : "") + Formats.score(delta), delta != null && delta < 0));
        }
        rows.sort(Comparator.comparing(ComparisonRow::metric));
        model.addAttribute("compared", true);
        model.addAttribute("rows", rows);
        model.addAttribute("baseLabel", labels.getOrDefault(baseVersion.id(), baseVersion.name()));
        model.addAttribute("candidateLabel", labels.getOrDefault(candidateVersion.id(), candidateVersion.name()));
        model.addAttribute("chartJson", json.writeValueAsString(Map.of("type", "bar",
                "x", rows.stream().map(ComparisonRow::metric).toList(),
                "series", List.of(
                        Map.of("name", "base", "data", rows.stream().map(row -> parse(row.base())).toList()),
                        Map.of("name", "candidate", "data", rows.stream().map(row -> parse(row.candidate())).toList())))));
        return "ui/compare";
    }

    private static List<Option> options(List<Version> versions, Map<UUID, String> labels, @Nullable String selected) {
        return versions.stream()
                .map(version -> new Option(Names.versionId(version.id()), labels.get(version.id()),
                        Names.versionId(version.id()).equals(selected)))
                .toList();
    }

    private static @Nullable Double parse(String formatted) {
        return formatted.equals("—") ? null : Double.valueOf(formatted);
    }
}

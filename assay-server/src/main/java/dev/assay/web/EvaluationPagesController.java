package dev.assay.web;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.PageCursor;
import dev.assay.evaluation.Evaluation;
import dev.assay.evaluation.EvaluationStatisticsService;
import dev.assay.evaluation.EvaluationStatisticsService.DailyScore;
import dev.assay.evaluation.EvaluationStatisticsService.Histogram;
import dev.assay.evaluation.EvaluationStatisticsService.ScoreRange;
import dev.assay.evaluation.EvaluationStatus;
import dev.assay.inference.TurnStatisticsService;
import dev.assay.inference.TurnStatisticsService.DailyTurns;
import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricService;
import dev.assay.product.Version;
import dev.assay.web.DashboardViews.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The evaluations explorer with its score histogram, and the trends over time per version. */
@Controller
class EvaluationPagesController {
    static final int PAGE_SIZE = 50;
    static final int TREND_DAYS = 30;

    private final EvaluationStatisticsService statistics;
    private final TurnStatisticsService turnStatistics;
    private final MetricService metrics;
    private final Names names;
    private final AggregateCache cache;
    private final JsonMapper json;

    EvaluationPagesController(EvaluationStatisticsService statistics, TurnStatisticsService turnStatistics,
            MetricService metrics, Names names, AggregateCache cache, JsonMapper json) {
        this.statistics = statistics;
        this.turnStatistics = turnStatistics;
        this.metrics = metrics;
        this.names = names;
        this.cache = cache;
        this.json = json;
    }

    @GetMapping("/ui/evaluations")
    String explorer(Caller caller, Model model,
            @RequestParam(required = false) @Nullable String metricId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String minScore,
            @RequestParam(required = false) @Nullable String maxScore,
            @RequestParam(required = false) @Nullable String versionId,
            @RequestParam(required = false) @Nullable String before) {
        ListQuery query = Params.of()
                .put("metricIds", metricId)
                .put("statuses", status)
                .put("versionIds", versionId)
                .query();
        ScoreRange range = new ScoreRange(Params.score("minScore", minScore), Params.score("maxScore", maxScore));
        PageCursor cursor = before == null ? null : PageCursor.parse(before).orElse(null);
        List<Evaluation> page = statistics.explore(caller, query, range, cursor, PAGE_SIZE + 1);
        Histogram histogram = statistics.histogram(caller, query, range);
        List<MetricDefinition> metricList = metrics.list(caller, Params.of("limit", "1000", "sort", "name").query());
        Map<UUID, String> metricNames = metricList.stream()
                .collect(Collectors.toMap(MetricDefinition::id, MetricDefinition::name, (a, b) -> a));
        Map<UUID, String> missing = names.metrics(caller, page.stream().map(Evaluation::metricId)
                .filter(id -> !metricNames.containsKey(id)).collect(Collectors.toSet()));
        metricNames.putAll(missing);
        model.addAttribute("evaluations", page.stream().limit(PAGE_SIZE)
                .map(evaluation -> ConversationPageController.evaluationView(evaluation, metricNames)).toList());
        if (page.size() > PAGE_SIZE) {
            Evaluation last = page.get(PAGE_SIZE - 1);
            model.addAttribute("nextPage", UriComponentsBuilder.fromPath("/ui/evaluations")
                    .queryParamIfPresent("metricId", Optional.ofNullable(metricId))
                    .queryParamIfPresent("status", Optional.ofNullable(status))
                    .queryParamIfPresent("minScore", Optional.ofNullable(minScore))
                    .queryParamIfPresent("maxScore", Optional.ofNullable(maxScore))
                    .queryParamIfPresent("versionId", Optional.ofNullable(versionId))
                    .queryParam("before", new PageCursor(last.createdAt(), last.id()).token())
                    .encode().build().toUriString());
        }
        List<Version> versions = names.versions(caller);
        Map<UUID, String> versionLabels = names.versionLabels(caller, versions);
        model.addAttribute("metrics", metricList.stream()
                .map(metric -> new Option(Ids.format(IdKind.METRIC, metric.id()), metric.name(),
                        Ids.format(IdKind.METRIC, metric.id()).equals(metricId)))
                .toList());
        model.addAttribute("statuses", Arrays.stream(EvaluationStatus.values())
                .map(value -> new Option(value.name(), value.name(), value.name().equalsIgnoreCase(status)))
                .toList());
        model.addAttribute("versions", versions.stream()
                .map(version -> new Option(Names.versionId(version.id()),
                        versionLabels.getOrDefault(version.id(), Names.versionId(version.id())),
                        Names.versionId(version.id()).equals(versionId)))
                .toList());
        model.addAttribute("minScore", Objects.requireNonNullElse(minScore, ""));
        model.addAttribute("maxScore", Objects.requireNonNullElse(maxScore, ""));
        model.addAttribute("paged", cursor != null);
        model.addAttribute("histogramTotal", histogram.total());
        model.addAttribute("histogramSample", EvaluationStatisticsService.HISTOGRAM_SAMPLE);
        model.addAttribute("histogramWindow", EvaluationStatisticsService.HISTOGRAM_WINDOW);
        model.addAttribute("histogramJson", toJson(histogramChart(histogram)));
        return "ui/evaluations";
    }

    @GetMapping("/ui/trends")
    String trends(Caller caller, Model model, @RequestParam(required = false) @Nullable String metricId) {
        AggregateCache.Computed<List<DailyScore>> scores = cache.get(caller.organizationId(), "dailyScores",
                () -> statistics.dailyScores(caller, TREND_DAYS));
        AggregateCache.Computed<List<DailyTurns>> turns = cache.get(caller.organizationId(), "dailyTurns",
                () -> turnStatistics.dailyTurns(caller, TREND_DAYS));
        List<DailyScore> scoreList = scores.valueOr(List.of());
        List<DailyTurns> turnList = turns.valueOr(List.of());
        List<Version> versions = names.versions(caller);
        Map<UUID, String> versionLabels = names.versionLabels(caller, versions);
        Map<UUID, String> metricNames = names.metrics(caller,
                scoreList.stream().map(DailyScore::metricId).collect(Collectors.toSet()));
        UUID selectedMetric = metricId == null || metricId.isBlank()
                ? metricNames.keySet().stream()
                        .min(Comparator.comparing(id -> metricNames.getOrDefault(id, ""))).orElse(null)
                : Ids.parse(IdKind.METRIC, metricId.strip())
                        .orElseThrow(() -> AssayException.invalidField("metricId", "not a metric id: " + metricId));
        Function<UUID, String> label = id -> versionLabels.getOrDefault(id, Names.versionId(id));
        model.addAttribute("metrics", metricNames.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(entry -> new Option(Ids.format(IdKind.METRIC, entry.getKey()), entry.getValue(),
                        entry.getKey().equals(selectedMetric)))
                .toList());
        model.addAttribute("days", TREND_DAYS);
        boolean computing = scores.pending() || turns.pending();
        model.addAttribute("computing", computing);
        model.addAttribute("computedAt", computing ? "" : Formats.time(scores.computedAt()));
        model.addAttribute("hasData", computing || !turnList.isEmpty());
        model.addAttribute("scoreJson", toJson(lineChart(scoreList.stream()
                .filter(score -> score.metricId().equals(selectedMetric))
                .map(score -> new Point(score.day(), label.apply(score.versionId()), score.mean()))
                .toList())));
        model.addAttribute("latencyJson", toJson(lineChart(turnList.stream()
                .filter(day -> day.p95Latency() != null)
                .map(day -> new Point(day.day(), label.apply(day.versionId()), day.p95Latency()))
                .toList())));
        model.addAttribute("costJson", toJson(lineChart(turnList.stream()
                .map(day -> new Point(day.day(), label.apply(day.versionId()), day.cost() == null ? 0 : day.cost()))
                .toList())));
        return "ui/trends";
    }

    /** The chart data of a histogram: bin labels and counts. */
    private static Map<String, Object> histogramChart(Histogram histogram) {
        long[] counts = histogram.counts();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            labels.add(String.format(Locale.ROOT, "%.1f–%.1f", (double) i / counts.length, (double) (i + 1) / counts.length));
        }
        return Map.of("type", "bar", "x", labels, "series", List.of(Map.of("name", "evaluations", "data", counts)));
    }

    /** The chart data of daily points: days on x, one series per version. */
    static Map<String, Object> lineChart(List<Point> points) {
        TreeSet<String> days = points.stream().map(point -> Formats.day(point.day()))
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> x = new ArrayList<>(days);
        Map<String, Double[]> series = new LinkedHashMap<>();
        for (Point point : points) {
            Double[] values = series.computeIfAbsent(point.series(), name -> new Double[x.size()]);
            values[x.indexOf(Formats.day(point.day()))] = point.value();
        }
        List<Map<String, Object>> seriesList = series.entrySet().stream()
                .map(entry -> Map.<String, Object>of("name", entry.getKey(), "data", Arrays.asList(entry.getValue())))
                .toList();
        return Map.of("type", "line", "x", x, "series", seriesList);
    }

    private String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    record Point(Instant day, String series, double value) {}
}

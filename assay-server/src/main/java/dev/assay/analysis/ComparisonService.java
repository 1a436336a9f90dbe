package dev.assay.analysis;

import dev.assay.auth.Caller;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.metric.MetricDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares a candidate version with a base version per metric: summaries of each side, the delta
 * with its bootstrap interval, a rank test, Holm-adjusted p-values and a verdict (docs/api.md,
 * "Comparing versions"). Reads only.
 */
@Service
public class ComparisonService {
    /** Every metric passes at 0.5 until metrics carry a pass threshold of their own. */
    static final double DEFAULT_PASS_THRESHOLD = 0.5;

    private static final Units NOTHING = new Units.Unpaired(new double[0], new double[0]);

    private final ComparisonRepository comparisons;
    private final AnalysisFilters filters;

    ComparisonService(ComparisonRepository comparisons, AnalysisFilters filters) {
        this.comparisons = comparisons;
        this.filters = filters;
    }

    /**
     * The comparison of the versions named by {@code baseVersionId} and {@code candidateVersionId},
     * over the metrics either was scored with (or those of {@code metricIds}).
     */
    @Transactional(readOnly = true)
    public Comparison compare(Caller caller, ListQuery query) {
        UUID baseVersionId = filters.version(caller, query, "baseVersionId");
        UUID candidateVersionId = filters.version(caller, query, "candidateVersionId");
        Map<UUID, MetricDefinition> requested = filters.requestedMetrics(caller, query);
        ScoredEvaluations evaluations = filters.scoredEvaluations(caller, query, requested.keySet());
        Map<UUID, ComparisonRepository.MetricRows> rows = comparisons.metrics(evaluations, baseVersionId, candidateVersionId,
                DEFAULT_PASS_THRESHOLD);
        List<UUID> metricIds = new ArrayList<>(requested.keySet());
        rows.keySet().stream().filter(id -> !requested.containsKey(id)).forEach(metricIds::add);
        Map<UUID, String> names = filters.metricNames(caller, metricIds);
        List<UUID> unpaired = new ArrayList<>();
        Map<UUID, Units> units = new HashMap<>();
        Map<UUID, ComparisonRepository.Totals[]> totals = new HashMap<>();
        rows.forEach((metricId, metric) -> {
            ComparisonRepository.Totals base = metric.base();
            ComparisonRepository.Totals candidate = metric.candidate();
            totals.put(metricId, new ComparisonRepository.Totals[]{base, candidate});
            double[] differences = metric.differences();
            if (differences != null) {
                units.put(metricId, new Units.Paired(differences));
            } else if (base.n() >= MetricComparator.MIN_UNITS && candidate.n() >= MetricComparator.MIN_UNITS) {
                unpaired.add(metricId);
            }
        });
        if (!unpaired.isEmpty()) {
            comparisons.scores(evaluations, baseVersionId, candidateVersionId, unpaired)
                    .forEach((metricId, scores) -> units.put(metricId, new Units.Unpaired(scores[0], scores[1])));
        }
        List<MetricComparison> raw = new ArrayList<>();
        for (UUID metricId : metricIds) {
            ComparisonRepository.Totals[] sides = totals.getOrDefault(metricId,
                    new ComparisonRepository.Totals[]{ComparisonRepository.Totals.NONE, ComparisonRepository.Totals.NONE});
            // A metric deleted since it scored keeps its id as its name.
            String name = names.getOrDefault(metricId, Ids.format(IdKind.METRIC, metricId));
            raw.add(MetricComparator.compare(metricId, name, DEFAULT_PASS_THRESHOLD, summary(sides[0]), summary(sides[1]),
                    units.getOrDefault(metricId, NOTHING)));
        }
        raw.sort(Comparator.comparing(MetricComparison::metricName).thenComparing(MetricComparison::metricId));
        return new Comparison(baseVersionId, candidateVersionId, MetricComparator.adjust(raw));
    }

    /** The test cases both versions were scored on, per metric, worst regression first; paged by {@code limit}/{@code offset}. */
    @Transactional(readOnly = true)
    public List<ComparisonItem> items(Caller caller, ListQuery query) {
        UUID baseVersionId = filters.version(caller, query, "baseVersionId");
        UUID candidateVersionId = filters.version(caller, query, "candidateVersionId");
        Map<UUID, MetricDefinition> requested = filters.requestedMetrics(caller, query);
        ScoredEvaluations evaluations = filters.scoredEvaluations(caller, query, requested.keySet());
        return comparisons.items(evaluations, baseVersionId, candidateVersionId, query.limit(), query.offset());
    }

    private static SideSummary summary(ComparisonRepository.Totals side) {
        if (side.n() == 0) {
            return SideSummary.EMPTY;
        }
        double mean = side.mean();
        Double standardDeviation = side.n() < 2
                ? null
                : Math.sqrt(Math.max(0, (side.squares() - side.n() * mean * mean) / (side.n() - 1)));
        return SideSummary.of(side.n(), mean, standardDeviation, side.passing());
    }
}

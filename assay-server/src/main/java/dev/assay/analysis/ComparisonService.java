package dev.assay.analysis;

import dev.assay.auth.Caller;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.Where;
import dev.assay.metric.MetricDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
        Where where = filters.scoredEvaluations(caller, query, requested.keySet());
        Map<UUID, ComparisonRepository.SideRow[]> summaries =
                comparisons.summaries(where, baseVersionId, candidateVersionId, DEFAULT_PASS_THRESHOLD);
        List<UUID> metricIds = new ArrayList<>(requested.keySet());
        summaries.keySet().stream().filter(id -> !requested.containsKey(id)).forEach(metricIds::add);
        Map<UUID, Units> units = units(where, baseVersionId, candidateVersionId, summaries);
        Map<UUID, String> names = filters.metricNames(caller, metricIds);
        List<MetricComparison> raw = new ArrayList<>();
        for (UUID metricId : metricIds) {
            ComparisonRepository.SideRow[] sides = summaries.getOrDefault(metricId, new ComparisonRepository.SideRow[2]);
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
        Where where = filters.scoredEvaluations(caller, query, requested.keySet());
        return comparisons.items(where, baseVersionId, candidateVersionId, query.limit(), query.offset());
    }

    /**
     * The units each metric is tested on. Paired when every evaluation of both sides has a test case
     * and each test case has scores on both sides; otherwise the raw scores, fetched only where both
     * sides have enough of them to test.
     */
    private Map<UUID, Units> units(Where where, UUID baseVersionId, UUID candidateVersionId,
            Map<UUID, ComparisonRepository.SideRow[]> summaries) {
        List<UUID> pairable = new ArrayList<>();
        summaries.forEach((metricId, sides) -> {
            if (sides[0] != null && sides[1] != null && sides[0].withoutTestCase() == 0 && sides[1].withoutTestCase() == 0) {
                pairable.add(metricId);
            }
        });
        Map<UUID, Units> units = new HashMap<>();
        if (!pairable.isEmpty()) {
            comparisons.testCaseMeans(where, baseVersionId, candidateVersionId, pairable).forEach((metricId, means) -> {
                if (means.stream().allMatch(Objects::nonNull)) {
                    units.put(metricId, new Units.Paired(means.stream()
                            .mapToDouble(pair -> Objects.requireNonNull(pair)[1] - pair[0]).toArray()));
                }
            });
        }
        List<UUID> unpaired = new ArrayList<>();
        summaries.forEach((metricId, sides) -> {
            if (!units.containsKey(metricId) && sides[0] != null && sides[1] != null
                    && sides[0].n() >= MetricComparator.MIN_UNITS && sides[1].n() >= MetricComparator.MIN_UNITS) {
                unpaired.add(metricId);
            }
        });
        if (!unpaired.isEmpty()) {
            comparisons.scores(where, baseVersionId, candidateVersionId, unpaired)
                    .forEach((metricId, scores) -> units.put(metricId, new Units.Unpaired(scores[0], scores[1])));
        }
        return units;
    }

    private static SideSummary summary(ComparisonRepository.@Nullable SideRow side) {
        return side == null ? SideSummary.EMPTY
                : SideSummary.of(side.n(), side.mean(), side.standardDeviation(), side.passing());
    }
}

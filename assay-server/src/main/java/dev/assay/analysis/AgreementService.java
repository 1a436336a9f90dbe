package dev.assay.analysis;

import dev.assay.auth.Caller;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.metric.MetricDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Judge calibration: agreement between the machine scores of evaluations and the human scores
 * given to the same evaluations (docs/api.md, "Agreement between machine and human scores").
 */
@Service
public class AgreementService {
    private final AgreementRepository agreement;
    private final AnalysisFilters filters;

    AgreementService(AgreementRepository agreement, AnalysisFilters filters) {
        this.agreement = agreement;
        this.filters = filters;
    }

    /** Agreement per metric: every requested metric, or every metric with a reviewed evaluation. */
    @Transactional(readOnly = true)
    public List<MetricAgreement> measure(Caller caller, ListQuery query) {
        Map<UUID, MetricDefinition> requested = filters.requestedMetrics(caller, query);
        ScoredEvaluations evaluations = filters.versions(caller, query, filters.scoredEvaluations(caller, query, requested.keySet()));
        Map<UUID, AgreementRepository.Row> rows = new LinkedHashMap<>();
        agreement.aggregate(evaluations, ComparisonService.DEFAULT_PASS_THRESHOLD).forEach(row -> rows.put(row.metricId(), row));
        List<UUID> metricIds = new ArrayList<>(requested.keySet());
        rows.keySet().stream().filter(id -> !requested.containsKey(id)).forEach(metricIds::add);
        Map<UUID, String> names = filters.metricNames(caller, metricIds);
        List<MetricAgreement> result = new ArrayList<>();
        for (UUID metricId : metricIds) {
            String name = names.getOrDefault(metricId, Ids.format(IdKind.METRIC, metricId));
            AgreementRepository.Row row = rows.get(metricId);
            if (row == null) {
                result.add(new MetricAgreement(metricId, name, 0, null, null, null, null,
                        new MetricAgreement.ConfusionMatrix(0, 0, 0, 0)));
                continue;
            }
            result.add(new MetricAgreement(metricId, name, row.n(), row.confusionMatrix().cohenKappa(), row.pearson(),
                    row.spearman(), row.meanAbsoluteError(), row.confusionMatrix()));
        }
        result.sort(Comparator.comparing(MetricAgreement::metricName).thenComparing(MetricAgreement::metricId));
        return result;
    }

    /** The reviewed evaluations whose scores differ, largest difference first; paged by {@code limit}/{@code offset}. */
    @Transactional(readOnly = true)
    public List<Disagreement> disagreements(Caller caller, ListQuery query) {
        Map<UUID, MetricDefinition> requested = filters.requestedMetrics(caller, query);
        ScoredEvaluations evaluations = filters.versions(caller, query, filters.scoredEvaluations(caller, query, requested.keySet()));
        return agreement.disagreements(evaluations, query.limit(), query.offset());
    }
}

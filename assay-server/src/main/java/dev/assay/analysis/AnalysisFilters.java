package dev.assay.analysis;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.CreatedBetween;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.NotFoundException;
import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricService;
import dev.assay.product.ProductService;
import dev.assay.testcase.TestCaseSelection;
import dev.assay.testcase.TestCaseService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The parameters comparisons and agreement share: versions and metrics, which must be the caller's
 * (404 otherwise), and the evaluation filters {@code testIds}, {@code excludeTestIds},
 * {@code fromCreatedAt} and {@code toCreatedAt}, read into {@link ScoredEvaluations}.
 */
@Component
class AnalysisFilters {
    private final ProductService products;
    private final MetricService metrics;
    private final TestCaseService testCases;

    AnalysisFilters(ProductService products, MetricService metrics, TestCaseService testCases) {
        this.products = products;
        this.metrics = metrics;
        this.testCases = testCases;
    }

    /** The id of a required version parameter; 400 when absent, 404 when not a live version of the caller's. */
    UUID version(Caller caller, ListQuery query, String parameter) {
        List<String> values = query.ids(parameter);
        if (values.isEmpty()) {
            throw AssayException.invalidField(parameter, "is required");
        }
        if (values.size() > 1) {
            throw AssayException.invalidField(parameter, "must be given once");
        }
        String versionId = values.getFirst();
        return products.findVersion(caller, versionId)
                .orElseThrow(() -> new NotFoundException(ErrorCode.VERSION_NOT_FOUND, "Version not found: " + versionId))
                .id();
    }

    /** The metrics of {@code metricIds} by id, in request order; 404 naming those not visible to the caller. */
    Map<UUID, MetricDefinition> requestedMetrics(Caller caller, ListQuery query) {
        List<String> requested = query.ids("metricIds");
        Map<String, UUID> parsed = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : requested) {
            Ids.parse(IdKind.METRIC, id).ifPresentOrElse(uuid -> parsed.put(id, uuid), () -> missing.add(id));
        }
        Map<UUID, MetricDefinition> found = new LinkedHashMap<>();
        metrics.findAll(caller, parsed.values()).forEach(metric -> found.put(metric.id(), metric));
        parsed.forEach((wire, uuid) -> {
            if (!found.containsKey(uuid)) {
                missing.add(wire);
            }
        });
        if (!missing.isEmpty()) {
            throw new NotFoundException(ErrorCode.METRIC_NOT_FOUND, "Metrics not found: " + String.join(", ", missing));
        }
        Map<UUID, MetricDefinition> ordered = new LinkedHashMap<>();
        parsed.values().forEach(uuid -> ordered.put(uuid, found.get(uuid)));
        return ordered;
    }

    /** Names of metrics by id, for those visible to the caller. */
    Map<UUID, String> metricNames(Caller caller, Collection<UUID> metricIds) {
        Map<UUID, String> names = new LinkedHashMap<>();
        metrics.findAll(caller, metricIds).forEach(metric -> names.put(metric.id(), metric.name()));
        return names;
    }

    /**
     * Narrows to evaluations of sessions of the {@code versionIds}; 404 naming those that are not
     * live versions of the caller's organization.
     */
    ScoredEvaluations versions(Caller caller, ListQuery query, ScoredEvaluations evaluations) {
        List<String> versionIds = query.ids("versionIds");
        if (versionIds.isEmpty()) {
            return evaluations;
        }
        List<UUID> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String versionId : versionIds) {
            products.findVersion(caller, versionId).ifPresentOrElse(version -> found.add(version.id()), () -> missing.add(versionId));
        }
        if (!missing.isEmpty()) {
            throw new NotFoundException(ErrorCode.VERSION_NOT_FOUND, "Versions not found: " + String.join(", ", missing));
        }
        return evaluations.ofVersions(found);
    }

    /** Live, scored evaluations of the caller's organization, narrowed by the metrics and the query's filters. */
    ScoredEvaluations scoredEvaluations(Caller caller, ListQuery query, Collection<UUID> metricIds) {
        TestCaseSelection tests = testCases.selection(caller, query);
        return new ScoredEvaluations(caller.organizationId(), metricIds, tests, CreatedBetween.of(query), List.of());
    }
}

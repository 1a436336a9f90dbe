package dev.assay.metric;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.CreatedBetween;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.NotFoundException;
import dev.assay.common.StrictIds;
import dev.assay.common.Timestamps;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/** Metrics: the built-in catalog every organization sees, and the metrics organizations define. */
@Service
public class MetricService {
    private final MetricRepository metrics;
    private final Clock clock;

    MetricService(MetricRepository metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Makes the rows of the built-in catalog match {@link BuiltInMetrics}. Runs at start-up. */
    @Transactional
    public void installBuiltIns() {
        BuiltInMetrics.ALL.forEach(builtIn -> metrics.upsertBuiltIn(builtIn, Timestamps.now(clock)));
    }

    @Transactional
    public MetricDefinition create(Caller caller, NewMetric request) {
        String name = request.name().strip();
        MetricSource source = inferSource(request);
        List<String> parameters = checkParameters(source, request.evaluationParams());
        if (source == MetricSource.PARTIAL_PROMPT) {
            if (isBlank(request.judgePrompt())) {
                throw AssayException.invalidField("judgePrompt", "is required for a PARTIAL_PROMPT metric");
            }
            if (isBlank(request.evaluatorModelName())) {
                throw AssayException.invalidField("evaluatorModelName", "is required for a PARTIAL_PROMPT metric");
            }
        }
        if (BuiltInMetrics.clashes(name)) {
            throw MetricRepository.duplicateName();
        }
        metrics.lockName(caller.organizationId(), name);
        if (metrics.nameTaken(caller.organizationId(), name)) {
            throw MetricRepository.duplicateName();
        }
        MetricDefinition metric = new MetricDefinition(Ids.newId(clock), caller.organizationId(), name, source, parameters,
                request.judgePrompt(), request.evaluatorModelName(), request.description(), request.documentationUrl(),
                request.tags() == null ? List.of() : request.tags(),
                request.userGroupIds() == null ? List.of() : request.userGroupIds(), null, null, Timestamps.now(clock), null);
        metrics.insert(metric);
        return metric;
    }

    @Transactional(readOnly = true)
    public MetricDefinition get(Caller caller, String metricId) {
        return find(caller, metricId).orElseThrow(() -> notFound(metricId));
    }

    /** A metric visible to the caller (its own or a built-in) by wire id. */
    @Transactional(readOnly = true)
    public Optional<MetricDefinition> find(Caller caller, String metricId) {
        return Ids.parse(IdKind.METRIC, metricId).flatMap(id -> metrics.find(caller.organizationId(), id));
    }

    /** A metric visible to the caller by exact name, or by a built-in's alias ({@code bleu}). */
    @Transactional(readOnly = true)
    public Optional<MetricDefinition> findByName(Caller caller, String name) {
        Optional<MetricDefinition> exact = metrics.findByName(caller.organizationId(), name);
        if (exact.isPresent()) {
            return exact;
        }
        return BuiltInMetrics.find(name).flatMap(builtIn -> metrics.find(caller.organizationId(), builtIn.id()));
    }

    /** The visible metrics among these ids, in no particular order. */
    @Transactional(readOnly = true)
    public List<MetricDefinition> findAll(Caller caller, Collection<UUID> ids) {
        return metrics.findAll(caller.organizationId(), ids);
    }

    /**
     * The live metrics among these ids that any of these organizations sees (its own and the
     * built-ins), in one query, for work that spans organizations (a batch of evaluations). The
     * caller matches each metric to its own organization.
     */
    @Transactional(readOnly = true)
    public List<MetricDefinition> findAllForOrganizations(Collection<UUID> organizationIds, Collection<UUID> ids) {
        return metrics.findAllForOrganizations(organizationIds, ids);
    }

    @Transactional(readOnly = true)
    public List<MetricDefinition> list(Caller caller, ListQuery query) {
        MetricFilter filter = new MetricFilter(query.texts("names"), query.texts("tags"), query.flag("includeLegacy").orElse(false),
                CreatedBetween.of(query), StrictIds.of(query, IdKind.METRIC));
        filter.ids().check(() -> metrics.matchingIds(caller.organizationId(), filter), ErrorCode.METRIC_NOT_FOUND, "Metric");
        return metrics.list(caller.organizationId(), filter, query.sort(MetricSort::fromWire), query.limit(), query.offset());
    }

    /** Deletes an organization's own metric; built-ins cannot be deleted. */
    @Transactional
    public void delete(Caller caller, String metricId) {
        MetricDefinition metric = get(caller, metricId);
        if (metric.isBuiltIn()) {
            throw new AssayException(ErrorCode.FORBIDDEN, "Built-in metrics cannot be deleted: " + metric.name());
        }
        metrics.softDelete(caller.organizationId(), metric.id(), Timestamps.now(clock));
    }

    private static MetricSource inferSource(NewMetric request) {
        if (request.source() != null) {
            MetricSource source = MetricSource.fromWire(request.source());
            return switch (source) {
                case SELF_HOSTED, PARTIAL_PROMPT, HUMAN_EVALUATION -> source;
                case FULL_PROMPT -> throw AssayException.invalidField("source",
                        "FULL_PROMPT metrics can no longer be created; use PARTIAL_PROMPT");
                case GEVAL, DEEPEVAL, DETERMINISTIC -> throw AssayException.invalidField("source",
                        source + " is reserved for Galtea's built-in metrics");
                case CLASSIFIER -> throw AssayException.invalidField("source", "CLASSIFIER metrics are not available");
            };
        }
        boolean hasPrompt = !isBlank(request.judgePrompt());
        boolean hasParameters = request.evaluationParams() != null && !request.evaluationParams().isEmpty();
        if (hasPrompt && !hasParameters) {
            throw AssayException.invalidField("evaluationParams",
                    "a judge prompt needs evaluation parameters (full-prompt metrics can no longer be created)");
        }
        return hasPrompt ? MetricSource.PARTIAL_PROMPT : MetricSource.SELF_HOSTED;
    }

    private static List<String> checkParameters(MetricSource source, @Nullable List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        if (source == MetricSource.SELF_HOSTED) {
            throw AssayException.invalidField("evaluationParams", "do not apply to SELF_HOSTED metrics");
        }
        List<String> parameters = new ArrayList<>();
        for (String parameter : requested) {
            if (parameter == null || EvaluationParameter.fromWire(parameter).isEmpty()) {
                throw AssayException.invalidField("evaluationParams", "unknown evaluation parameter '" + parameter + "'");
            }
            if (!parameters.contains(parameter)) {
                parameters.add(parameter);
            }
        }
        return parameters;
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static NotFoundException notFound(String metricId) {
        return new NotFoundException(ErrorCode.METRIC_NOT_FOUND, "Metric not found: " + metricId);
    }
}

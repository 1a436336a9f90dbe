package dev.assay.specification;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.CreatedBetween;
import dev.assay.common.IdFilter;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.NotFoundException;
import dev.assay.common.StrictIds;
import dev.assay.common.Timestamps;
import dev.assay.metric.MetricDefinition;
import dev.assay.metric.MetricService;
import dev.assay.product.Product;
import dev.assay.product.ProductService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.jspecify.annotations.Nullable;

/** Specifications of products and the metrics linked to them. */
@Service
public class SpecificationService {
    private final SpecificationRepository specifications;
    private final ProductService products;
    private final MetricService metrics;
    private final Clock clock;

    SpecificationService(SpecificationRepository specifications, ProductService products, MetricService metrics, Clock clock) {
        this.specifications = specifications;
        this.products = products;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    public Specification create(Caller caller, NewSpecification request) {
        Product product = products.getProduct(caller, request.productId());
        SpecificationType type = SpecificationType.fromWire(request.type());
        String testType = request.testType() == null ? null : SpecificationType.testTypeFromWire(request.testType());
        if (type == SpecificationType.POLICY && testType == null) {
            throw AssayException.invalidField("testType", "is required for a POLICY specification");
        }
        if (type != SpecificationType.POLICY && testType != null) {
            throw AssayException.invalidField("testType", "is only allowed for a POLICY specification");
        }
        if (("ACCURACY".equals(testType) || "SECURITY".equals(testType))
                && (request.testVariant() == null || request.testVariant().isBlank())) {
            throw AssayException.invalidField("testVariant", "is required when testType is " + testType);
        }
        Set<UUID> metricIds = resolveMetricIds(caller, request.metricIds());
        Specification specification = new Specification(Ids.newId(clock), caller.organizationId(), product.id(),
                request.name(), request.description(), type, testType, request.testVariant(), List.copyOf(metricIds),
                Timestamps.now(clock), null);
        specifications.insert(specification);
        specifications.link(specification.id(), metricIds);
        return specifications.find(caller.organizationId(), specification.id()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Specification get(Caller caller, String specificationId) {
        return Ids.parse(IdKind.SPECIFICATION, specificationId)
                .flatMap(id -> specifications.find(caller.organizationId(), id))
                .orElseThrow(() -> notFound(specificationId));
    }

    @Transactional(readOnly = true)
    public List<Specification> list(Caller caller, ListQuery query) {
        List<String> productIds = new ArrayList<>(query.ids("productIds"));
        productIds.addAll(query.ids("productId"));
        List<String> types = new ArrayList<>(query.ids("types"));
        types.addAll(query.ids("type"));
        List<String> testTypes = new ArrayList<>(query.ids("testTypes"));
        testTypes.addAll(query.ids("testType"));
        SpecificationFilter filter = new SpecificationFilter(IdFilter.of(productIds, IdKind.PRODUCT),
                types.stream().map(t -> SpecificationType.fromWire(t).name()).toList(),
                testTypes.stream().map(SpecificationType::testTypeFromWire).toList(), CreatedBetween.of(query),
                StrictIds.of(query, IdKind.SPECIFICATION));
        filter.ids().check(() -> specifications.matchingIds(caller.organizationId(), filter), ErrorCode.SPECIFICATION_NOT_FOUND,
                "Specification");
        return specifications.list(caller.organizationId(), filter, query.sort(SpecificationSort::fromWire), query.limit(),
                query.offset());
    }

    @Transactional
    public void delete(Caller caller, String specificationId) {
        Specification specification = get(caller, specificationId);
        specifications.softDelete(caller.organizationId(), specification.id(), Timestamps.now(clock));
    }

    /** Links metrics; linking one twice is harmless. An unknown metric is 404 and links nothing. */
    @Transactional
    public void linkMetrics(Caller caller, String specificationId, List<String> metricIds) {
        Specification specification = get(caller, specificationId);
        specifications.link(specification.id(), resolveMetricIds(caller, metricIds));
    }

    /** Unlinks metrics; unlinking one that is not linked is harmless. An unknown metric is 404. */
    @Transactional
    public void unlinkMetrics(Caller caller, String specificationId, List<String> metricIds) {
        Specification specification = get(caller, specificationId);
        specifications.unlink(specification.id(), resolveMetricIds(caller, metricIds));
    }

    @Transactional(readOnly = true)
    public List<MetricDefinition> listMetrics(Caller caller, String specificationId) {
        return metricsInOrder(caller, get(caller, specificationId).metricIds());
    }

    /** The metrics linked to these specifications, de-duplicated in order; an unknown specification is 404. */
    @Transactional(readOnly = true)
    public List<MetricDefinition> metricsOf(Caller caller, List<String> specificationIds) {
        Set<UUID> metricIds = new LinkedHashSet<>();
        for (String specificationId : specificationIds) {
            metricIds.addAll(get(caller, specificationId).metricIds());
        }
        return metricsInOrder(caller, metricIds);
    }

    /** The metrics linked to any specification of the product, de-duplicated in order. */
    @Transactional(readOnly = true)
    public List<MetricDefinition> metricsOfProduct(Caller caller, UUID productId) {
        Set<UUID> metricIds = new LinkedHashSet<>();
        specifications.findByProduct(caller.organizationId(), productId).forEach(spec -> metricIds.addAll(spec.metricIds()));
        return metricsInOrder(caller, metricIds);
    }

    private List<MetricDefinition> metricsInOrder(Caller caller, Collection<UUID> ids) {
        Map<UUID, MetricDefinition> found = new LinkedHashMap<>();
        metrics.findAll(caller, ids).forEach(metric -> found.put(metric.id(), metric));
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    private Set<UUID> resolveMetricIds(Caller caller, @Nullable List<String> metricIds) {
        Set<UUID> resolved = new LinkedHashSet<>();
        if (metricIds == null) {
            return resolved;
        }
        for (String metricId : metricIds) {
            resolved.add(metrics.get(caller, metricId).id());
        }
        return resolved;
    }

    private static NotFoundException notFound(String specificationId) {
        return new NotFoundException(ErrorCode.SPECIFICATION_NOT_FOUND, "Specification not found: " + specificationId);
    }
}

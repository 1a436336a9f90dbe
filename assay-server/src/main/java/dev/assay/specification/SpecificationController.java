package dev.assay.specification;

import dev.assay.api.CreateSpecificationRequest;
import dev.assay.api.MetricIdsRequest;
import dev.assay.api.MetricResponse;
import dev.assay.api.SpecificationResponse;
import dev.assay.auth.Caller;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.Timestamps;
import dev.assay.metric.MetricMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/specifications")
class SpecificationController {
    private final SpecificationService specifications;

    SpecificationController(SpecificationService specifications) {
        this.specifications = specifications;
    }

    @PostMapping
    ResponseEntity<SpecificationResponse> create(Caller caller, @Valid @RequestBody CreateSpecificationRequest request) {
        Specification created = specifications.create(caller, new NewSpecification(Objects.requireNonNull(request.productId()),
                Objects.requireNonNull(request.description()), Objects.requireNonNull(request.type()), request.testType(),
                request.testVariant(), request.metricIds(), request.name()));
        SpecificationResponse body = toResponse(created);
        return ResponseEntity.created(URI.create("/specifications/" + body.id())).body(body);
    }

    @GetMapping
    List<SpecificationResponse> list(Caller caller, HttpServletRequest request) {
        return specifications.list(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(SpecificationController::toResponse)
                .toList();
    }

    @GetMapping("/{id}")
    SpecificationResponse get(Caller caller, @PathVariable String id) {
        return toResponse(specifications.get(caller, id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        specifications.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/metrics")
    ResponseEntity<Void> linkMetrics(Caller caller, @PathVariable String id, @Valid @RequestBody MetricIdsRequest request) {
        specifications.linkMetrics(caller, id, Objects.requireNonNull(request.metricIds()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/metrics")
    ResponseEntity<Void> unlinkMetrics(Caller caller, @PathVariable String id, @Valid @RequestBody MetricIdsRequest request) {
        specifications.unlinkMetrics(caller, id, Objects.requireNonNull(request.metricIds()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/metrics")
    List<MetricResponse> listMetrics(Caller caller, @PathVariable String id) {
        return specifications.listMetrics(caller, id).stream().map(MetricMapper::toResponse).toList();
    }

    private static SpecificationResponse toResponse(Specification specification) {
        return new SpecificationResponse(
                Ids.format(IdKind.SPECIFICATION, specification.id()),
                Ids.format(IdKind.PRODUCT, specification.productId()),
                null,
                specification.name(),
                specification.description(),
                specification.type().name(),
                specification.testType(),
                specification.testVariant(),
                specification.metricIds().stream().map(id -> Ids.format(IdKind.METRIC, id)).toList(),
                Timestamps.format(specification.createdAt()),
                Timestamps.formatNullable(specification.deletedAt()));
    }
}

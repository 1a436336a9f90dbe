package dev.assay.metric;

import dev.assay.api.CreateMetricRequest;
import dev.assay.api.MetricResponse;
import dev.assay.auth.Caller;
import dev.assay.common.ListQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/metrics")
class MetricController {
    private final MetricService metrics;

    MetricController(MetricService metrics) {
        this.metrics = metrics;
    }

    @PostMapping
    ResponseEntity<MetricResponse> create(Caller caller, @Valid @RequestBody CreateMetricRequest request) {
        MetricResponse body = MetricMapper.toResponse(metrics.create(caller, MetricMapper.toNew(request)));
        return ResponseEntity.created(URI.create("/metrics/" + body.id())).body(body);
    }

    @GetMapping
    List<MetricResponse> list(Caller caller, HttpServletRequest request) {
        return metrics.list(caller, ListQuery.of(request.getParameterMap())).stream().map(MetricMapper::toResponse).toList();
    }

    @GetMapping("/{id}")
    MetricResponse get(Caller caller, @PathVariable String id) {
        return MetricMapper.toResponse(metrics.get(caller, id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        metrics.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}

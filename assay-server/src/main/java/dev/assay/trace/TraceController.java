package dev.assay.trace;

import dev.assay.api.CreateTraceBatchResponse;
import dev.assay.api.TraceNodeResponse;
import dev.assay.api.TraceResponse;
import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.ListQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Galtea's span API on the wire path {@code /traces} (docs/api.md "Traces"). */
@RestController
class TraceController {
    private final TraceService traces;
    private final IngestGate gate;

    TraceController(TraceService traces, IngestGate gate) {
        this.traces = traces;
        this.gate = gate;
    }

    @PostMapping("/traces")
    ResponseEntity<TraceResponse> create(Caller caller, @RequestBody JsonNode body) {
        Span span = traces.create(caller, TraceMapper.read(body, ""));
        TraceResponse response = TraceMapper.toResponse(span);
        return ResponseEntity.created(URI.create("/traces/" + response.id())).body(response);
    }

    /**
     * A JSON array is the older all-or-nothing form (answered with the array of spans); an object
     * {@code {"traces": [...]}} is the partial-success form, answered with the stored spans and the
     * dropped items.
     */
    @PostMapping("/traces/batch")
    ResponseEntity<?> createBatch(Caller caller, @RequestBody JsonNode body) {
        if (body.isArray()) {
            List<TraceService.Item> items = items(body, "");
            List<Span> stored = gate.call(caller.organizationId(), () -> traces.createAll(caller, items));
            return ResponseEntity.status(HttpStatus.CREATED).body(stored.stream().map(TraceMapper::toResponse).toList());
        }
        JsonNode list = body.isObject() ? body.get("traces") : null;
        if (list == null || !list.isArray()) {
            throw AssayException.invalid("The body must be a JSON array of spans or an object {\"traces\": [...]}");
        }
        List<TraceService.Item> items = items(list, "traces");
        TraceService.BatchResult result = gate.call(caller.organizationId(), () -> traces.createPartial(caller, items));
        List<CreateTraceBatchResponse.Rejected> rejected = new ArrayList<>();
        for (Map.Entry<Integer, String> entry : result.rejected().entrySet()) {
            rejected.add(new CreateTraceBatchResponse.Rejected(entry.getKey(), entry.getValue()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreateTraceBatchResponse(
                result.stored().stream().map(TraceMapper::toResponse).toList(), rejected));
    }

    @GetMapping("/traces")
    List<TraceResponse> list(Caller caller, HttpServletRequest request) {
        return traces.list(caller, ListQuery.of(request.getParameterMap())).stream().map(TraceMapper::toResponse).toList();
    }

    @GetMapping("/traces/{id}")
    TraceResponse get(Caller caller, @PathVariable String id) {
        return TraceMapper.toResponse(traces.get(caller, id));
    }

    @DeleteMapping("/traces/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        traces.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    /** The spans of one turn as a tree: roots in start order, each with its children nested. */
    @GetMapping("/inferenceResults/{id}/traces")
    List<TraceNodeResponse> tree(Caller caller, @PathVariable String id) {
        return TraceMapper.toTree(traces.ofTurn(caller, id));
    }

    private static List<TraceService.Item> items(JsonNode array, String field) {
        if (array.size() > TraceService.MAX_BATCH_SPANS) {
            throw AssayException.invalidField(field.isEmpty() ? "body" : field,
                    "at most " + TraceService.MAX_BATCH_SPANS + " spans per batch");
        }
        List<TraceService.Item> items = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                items.add(new TraceService.Item(TraceMapper.read(array.get(i), field + "[" + i + "]"), null));
            } catch (AssayException e) {
                items.add(new TraceService.Item(null, e));
            }
        }
        return items;
    }
}

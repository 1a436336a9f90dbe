package dev.assay.api;

import java.util.List;

/** The body {@code {"traces": [...]}} of {@code POST /traces/batch}: partial success per item. */
public record CreateTraceBatchRequest(List<CreateTraceRequest> traces) {

    public CreateTraceBatchRequest {
        traces = List.copyOf(traces);
    }
}

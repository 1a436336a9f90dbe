package dev.assay.api;

import java.util.List;

/** A span of a turn's tree with the spans nested under it, each list in start order. */
public record TraceNodeResponse(TraceResponse span, List<TraceNodeResponse> children) {

    public TraceNodeResponse {
        children = List.copyOf(children);
    }
}

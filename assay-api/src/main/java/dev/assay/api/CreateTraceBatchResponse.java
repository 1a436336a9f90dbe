package dev.assay.api;

import java.util.List;

/**
 * The answer to {@code POST /traces/batch} with the body {@code {"traces": [...]}}: the spans stored
 * (or found already stored, for a re-sent id), in request order, and one entry per item that was
 * dropped, naming its index in the request and why.
 */
public record CreateTraceBatchResponse(List<TraceResponse> traces, List<Rejected> rejected) {

    public CreateTraceBatchResponse {
        traces = List.copyOf(traces);
        rejected = List.copyOf(rejected);
    }

    /** One dropped item of the batch. */
    public record Rejected(int index, String message) {}
}

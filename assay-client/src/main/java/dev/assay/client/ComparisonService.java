package dev.assay.client;

import static java.util.Objects.requireNonNull;

import dev.assay.api.ComparisonItemResponse;
import dev.assay.api.ComparisonResponse;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/**
 * Comparing two versions of a product metric by metric, with significance ({@code GET /comparisons}).
 * Thread-safe.
 */
public final class ComparisonService {
    private static final TypeReference<List<ComparisonItemResponse>> ITEMS = new TypeReference<>() {};

    private final Transport transport;

    ComparisonService(Transport transport) {
        this.transport = transport;
    }

    /** Compares the candidate version with the base version over all their scored evaluations. */
    public ComparisonResponse compare(String baseVersionId, String candidateVersionId) {
        return compare(baseVersionId, candidateVersionId, ListOptions.none());
    }

    /**
     * Compares the candidate version with the base version. {@code filters} may narrow the
     * evaluations with {@code metricIds}, {@code testIds}, {@code fromCreatedAt} and {@code toCreatedAt}.
     *
     * @throws AssayApiException 404 {@code VERSION_NOT_FOUND} when a version is not the caller's,
     *     404 {@code METRIC_NOT_FOUND} for an unknown metric id, 400 for a malformed filter
     */
    public ComparisonResponse compare(String baseVersionId, String candidateVersionId, ListOptions filters) {
        return transport.send("GET", "comparisons" + query(baseVersionId, candidateVersionId, filters), null,
                ComparisonResponse.class);
    }

    /**
     * The test cases both versions were scored on, worst regression first (lowest delta), with both
     * scores and reasons. Takes the filters of {@link #compare(String, String, ListOptions)} plus
     * {@code limit} (1000 by default, at most 10000) and {@code offset}.
     */
    public List<ComparisonItemResponse> items(String baseVersionId, String candidateVersionId, ListOptions options) {
        return transport.send("GET", "comparisons/items" + query(baseVersionId, candidateVersionId, options), null, ITEMS);
    }

    private static String query(String baseVersionId, String candidateVersionId, ListOptions options) {
        requireNonNull(baseVersionId, "baseVersionId");
        requireNonNull(candidateVersionId, "candidateVersionId");
        return options.with("baseVersionId", baseVersionId).with("candidateVersionId", candidateVersionId).toQueryString();
    }
}

package dev.assay.client;

import dev.assay.api.AgreementResponse;
import dev.assay.api.DisagreementResponse;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/**
 * How well machine scores agree with human scores of the same evaluations ({@code GET /agreement}):
 * the calibration of a judge. Thread-safe.
 */
public final class AgreementService {
    private static final TypeReference<List<DisagreementResponse>> ITEMS = new TypeReference<>() {};

    private final Transport transport;

    AgreementService(Transport transport) {
        this.transport = transport;
    }

    /**
     * Agreement per metric. {@code filters} may narrow the evaluations with {@code metricIds},
     * {@code versionIds}, {@code testIds}, {@code fromCreatedAt} and {@code toCreatedAt}.
     *
     * @throws AssayApiException 404 {@code METRIC_NOT_FOUND} for a metric id the caller cannot see
     */
    public AgreementResponse measure(ListOptions filters) {
        return transport.send("GET", "agreement" + filters.toQueryString(), null, AgreementResponse.class);
    }

    /**
     * The evaluations whose machine and human scores differ, largest difference first. Takes the
     * filters of {@link #measure(ListOptions)} plus {@code limit} (1000 by default) and {@code offset}.
     */
    public List<DisagreementResponse> disagreements(ListOptions options) {
        return transport.send("GET", "agreement/items" + options.toQueryString(), null, ITEMS);
    }
}

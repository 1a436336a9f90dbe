package dev.assay.client;

import dev.assay.api.CreateVersionRequest;
import dev.assay.api.VersionResponse;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/** Versions of products ({@code galtea.versions}). */
public final class VersionService {
    private final Transport transport;

    VersionService(Transport transport) {
        this.transport = transport;
    }

    public VersionResponse create(CreateVersionRequest request) {
        return transport.send("POST", "versions", request, VersionResponse.class);
    }

    public VersionResponse get(String versionId) {
        return transport.send("GET", "versions/" + Paths.segment(versionId), null, VersionResponse.class);
    }

    /** The product's version with this name, if any. */
    public Optional<VersionResponse> getByName(String productId, String name) {
        return list(ListOptions.none().filter("productIds", productId).filter("names", name)).stream().findFirst();
    }

    public List<VersionResponse> list(ListOptions options) {
        return transport.send("GET", "versions" + options.toQueryString(), null, new TypeReference<List<VersionResponse>>() {});
    }

    public void delete(String versionId) {
        transport.sendWithoutResult("DELETE", "versions/" + Paths.segment(versionId), null);
    }
}

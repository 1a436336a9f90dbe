package dev.assay.testing;

import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.ProductResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.VersionResponse;
import dev.assay.client.AssayClient;
import java.util.UUID;

/** Small named factories for the resources a test needs, setting only what matters. */
public final class Fixtures {

    private Fixtures() {}

    public static ProductResponse aProduct(AssayClient client) {
        return client.products().create(CreateProductRequest.named("product-" + UUID.randomUUID()));
    }

    public static VersionResponse aVersion(AssayClient client) {
        return client.versions().create(CreateVersionRequest.named(aProduct(client).id(), "v1"));
    }

    public static SessionResponse aSession(AssayClient client) {
        return client.sessions().create(CreateSessionRequest.forVersion(aVersion(client).id()));
    }
}

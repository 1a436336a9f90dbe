package dev.assay.client;

import dev.assay.api.ApiKeyResponse;
import dev.assay.api.CreateApiKeyRequest;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/** The API keys of the caller's organization. Secrets are returned only by {@link #create}. */
public final class ApiKeyService {
    private final Transport transport;

    ApiKeyService(Transport transport) {
        this.transport = transport;
    }

    public ApiKeyResponse create(String name) {
        return transport.send("POST", "apiKeys", new CreateApiKeyRequest(name), ApiKeyResponse.class);
    }

    public List<ApiKeyResponse> list() {
        return transport.send("GET", "apiKeys", null, new TypeReference<List<ApiKeyResponse>>() {});
    }

    /** Revokes a key: it stops working at once. */
    public void delete(String apiKeyId) {
        transport.sendWithoutResult("DELETE", "apiKeys/" + Paths.segment(apiKeyId), null);
    }
}

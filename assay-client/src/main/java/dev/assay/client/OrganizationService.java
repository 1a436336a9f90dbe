package dev.assay.client;

import dev.assay.api.CreateOrganizationRequest;
import dev.assay.api.OrganizationResponse;

/** Creates organizations; the response carries the new organization's admin key once. */
public final class OrganizationService {
    private final Transport transport;

    OrganizationService(Transport transport) {
        this.transport = transport;
    }

    public OrganizationResponse create(String name) {
        return transport.send("POST", "organizations", new CreateOrganizationRequest(name), OrganizationResponse.class);
    }
}

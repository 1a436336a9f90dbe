package dev.assay.auth;

import dev.assay.api.ApiKeyResponse;
import dev.assay.api.CreateApiKeyRequest;
import dev.assay.api.CreateOrganizationRequest;
import dev.assay.api.OrganizationResponse;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.Timestamps;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Assay's own tenancy routes: organizations and API keys (beyond the Galtea contract). */
@RestController
class ApiKeyController {
    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping("/organizations")
    ResponseEntity<OrganizationResponse> createOrganization(Caller caller, @Valid @RequestBody CreateOrganizationRequest request) {
        ApiKeyService.NewOrganization organization = keys.createOrganization(caller, Objects.requireNonNull(request.name()).strip());
        String id = Ids.format(IdKind.ORGANIZATION, organization.id());
        return ResponseEntity.created(URI.create("/organizations/" + id))
                .body(new OrganizationResponse(id, organization.name(), organization.adminKey(),
                        Timestamps.format(organization.createdAt())));
    }

    @PostMapping("/apiKeys")
    ResponseEntity<ApiKeyResponse> createKey(Caller caller, @Valid @RequestBody CreateApiKeyRequest request) {
        ApiKeyService.NewApiKey created = keys.createKey(caller, Objects.requireNonNull(request.name()).strip());
        ApiKeyResponse body = toResponse(created.key(), created.secret());
        return ResponseEntity.created(URI.create("/apiKeys/" + body.id())).body(body);
    }

    @GetMapping("/apiKeys")
    List<ApiKeyResponse> listKeys(Caller caller) {
        return keys.listKeys(caller).stream().map(key -> toResponse(key, null)).toList();
    }

    @DeleteMapping("/apiKeys/{id}")
    ResponseEntity<Void> revokeKey(Caller caller, @PathVariable String id) {
        keys.revokeKey(caller, id);
        return ResponseEntity.noContent().build();
    }

    private static ApiKeyResponse toResponse(ApiKey key, @Nullable String secret) {
        return new ApiKeyResponse(Ids.format(IdKind.API_KEY, key.id()), key.name(), secret, key.hint(), key.admin(),
                Timestamps.format(key.createdAt()));
    }
}

package dev.assay.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * An API key. The secret {@code key} is present only in the response that created the key.
 *
 * @param id the key id ({@code apiKey_...}), used to revoke it
 * @param name the key's name
 * @param key the secret, only at creation; omitted otherwise
 * @param hint the first characters of the secret, to recognise a key
 * @param admin whether the key may create organizations
 * @param createdAt ISO 8601 UTC with milliseconds
 */
public record ApiKeyResponse(
        String id,
        String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String key,
        String hint,
        boolean admin,
        String createdAt) {}

package dev.assay.auth;

import java.time.Instant;
import java.util.UUID;

/** A stored API key: never the secret, only its hint. */
public record ApiKey(UUID id, UUID organizationId, String name, String hint, boolean admin, Instant createdAt) {}

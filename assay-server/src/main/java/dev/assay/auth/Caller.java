package dev.assay.auth;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * Who is calling: the organization and API key a request authenticated with. Controllers receive
 * it as an argument and pass it to services; every query filters by {@link #organizationId()}.
 *
 * @param admin whether the key administers its organization
 * @param operator whether the organization is the default one that the bootstrap key administers
 */
public record Caller(UUID organizationId, UUID apiKeyId, boolean admin, boolean operator) {
    /** The key id the server's own background work acts under. */
    public static final UUID SYSTEM_KEY = new UUID(0, 0);

    public Caller {
        requireNonNull(organizationId, "organizationId");
        requireNonNull(apiKeyId, "apiKeyId");
    }

    /** The server itself working on an organization's data (evaluation workers), with no API key. */
    public static Caller system(UUID organizationId) {
        return new Caller(organizationId, SYSTEM_KEY, false, false);
    }
}

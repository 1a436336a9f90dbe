package dev.assay.auth;

import dev.assay.common.AssayException;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.NotFoundException;
import dev.assay.common.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Organizations and their API keys: creating, listing and revoking keys, and authenticating a secret. */
@Service
public class ApiKeyService {
    private final ApiKeyRepository keys;
    private final OrganizationRepository organizations;
    private final Clock clock;
    private final KeyCache cache;

    ApiKeyService(ApiKeyRepository keys, OrganizationRepository organizations, Clock clock,
            @Value("${assay.auth.key-cache-ttl:5s}") Duration keyCacheTtl) {
        this.keys = keys;
        this.organizations = organizations;
        this.clock = clock;
        this.cache = new KeyCache(keyCacheTtl, System::nanoTime);
    }

    /**
     * The caller behind a secret, or empty when the secret is unknown, revoked or not key-shaped.
     * One statement, so no transaction; a key seen in the last {@code assay.auth.key-cache-ttl}
     * costs no query at all ({@link KeyCache}).
     */
    public Optional<Caller> authenticate(String secret) {
        if (!Secrets.looksLikeKey(secret)) {
            return Optional.empty();
        }
        byte[] hash = Secrets.hash(secret);
        return cache.get(hash, () -> keys.findCallerByHash(hash));
    }

    /**
     * The caller of a key that is still live, or empty once it is revoked: a dashboard session
     * holds the key's id, never its secret, and asks again on every request.
     */
    @Transactional(readOnly = true)
    public Optional<Caller> findLiveCaller(UUID apiKeyId) {
        return keys.findCallerById(apiKeyId);
    }

    /** Creates an organization with a first admin key. Only the operator's admin keys may. */
    @Transactional
    public NewOrganization createOrganization(Caller caller, String name) {
        if (!caller.admin() || !caller.operator()) {
            throw new AssayException(ErrorCode.FORBIDDEN, "Only an admin key of the default organization can create organizations");
        }
        Instant now = Timestamps.now(clock);
        UUID organizationId = Ids.newId(clock);
        organizations.insert(organizationId, name, false, now);
        String secret = Secrets.newKey();
        ApiKey key = new ApiKey(Ids.newId(clock), organizationId, "admin", Secrets.hint(secret), true, now);
        keys.insert(key, Secrets.hash(secret));
        return new NewOrganization(organizationId, name, secret, now);
    }

    /** Creates a (non-admin) key in the caller's organization; only an admin key may. */
    @Transactional
    public NewApiKey createKey(Caller caller, String name) {
        requireAdmin(caller);
        String secret = Secrets.newKey();
        ApiKey key = new ApiKey(Ids.newId(clock), caller.organizationId(), name, Secrets.hint(secret), false, Timestamps.now(clock));
        keys.insert(key, Secrets.hash(secret));
        return new NewApiKey(key, secret);
    }

    /** The organization's live keys; only an admin key may list them. */
    @Transactional(readOnly = true)
    public List<ApiKey> listKeys(Caller caller) {
        requireAdmin(caller);
        return keys.list(caller.organizationId());
    }

    /**
     * Revokes a key of the caller's organization; only an admin key may, and never the last admin
     * key of the organization, which would leave it with no one to manage its keys.
     */
    @Transactional
    public void revokeKey(Caller caller, String keyId) {
        requireAdmin(caller);
        UUID id = Ids.parse(IdKind.API_KEY, keyId).orElseThrow(() -> keyNotFound(keyId));
        switch (keys.revokeKeepingAnAdmin(caller.organizationId(), id, Timestamps.now(clock))) {
            case REVOKED -> forgetAfterCommit(id);
            case NOT_FOUND -> throw keyNotFound(keyId);
            case LAST_ADMIN -> throw AssayException.invalid(
                    "This is the organization's last admin key and cannot be revoked: an organization always keeps one");
        }
    }

    /** Forgets the revoked key once the revocation is visible, so no request can cache it again. */
    private void forgetAfterCommit(UUID apiKeyId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.forget(apiKeyId);
            }
        });
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new AssayException(ErrorCode.FORBIDDEN, "API keys can only be managed with an admin key of the organization");
        }
    }

    /** Makes the configured bootstrap secret an admin key of the default organization. */
    @Transactional
    public void bootstrap(String secret) {
        if (!Secrets.looksLikeKey(secret)) {
            throw new IllegalStateException("ASSAY_BOOTSTRAP_API_KEY must start with gsk_ (or legacy gsk-) and be at least 12 characters");
        }
        Instant now = Timestamps.now(clock);
        organizations.insert(Ids.newId(clock), "default", true, now);
        UUID organizationId = organizations.findDefault().orElseThrow();
        ApiKey key = new ApiKey(Ids.newId(clock), organizationId, "bootstrap", Secrets.hint(secret), true, now);
        keys.upsertAdmin(key, Secrets.hash(secret));
    }

    private static NotFoundException keyNotFound(String keyId) {
        return new NotFoundException(ErrorCode.API_KEY_NOT_FOUND, "API key not found: " + keyId);
    }

    /** A new organization with the secret of its admin key, shown once. */
    public record NewOrganization(UUID id, String name, String adminKey, Instant createdAt) {}

    /** A new key with its secret, shown once. */
    public record NewApiKey(ApiKey key, String secret) {}
}

package dev.assay.auth;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The callers of recently authenticated keys, so that a request does not pay a database round
 * trip for its key (docs/api.md, "Authentication"). An entry lives {@code ttl}; a key revoked
 * through this server is forgotten at once, and one revoked through another server sharing the
 * database stops working within {@code ttl}. Only found keys are kept, at most {@link #MAX_ENTRIES}.
 */
final class KeyCache {
    static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, long expiresAtNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    KeyCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The caller of the key with this hash: from the cache while fresh, else from {@code lookup}. */
    Optional<Caller> get(byte[] keyHash, Supplier<Optional<Caller>> lookup) {
        if (ttlNanos <= 0) {
            return lookup.get();
        }
        String key = HexFormat.of().formatHex(keyHash);
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return Optional.of(entry.caller());
        }
        Optional<Caller> caller = lookup.get();
        if (caller.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(caller.get(), now + ttlNanos));
        } else if (entry != null) {
            entries.remove(key);
        }
        return caller;
    }

    /** Forgets the key with this id, whatever its hash. */
    void forget(UUID apiKeyId) {
        entries.values().removeIf(entry -> entry.caller().apiKeyId().equals(apiKeyId));
    }
}

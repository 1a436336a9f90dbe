package dev.assay.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyCacheTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger lookups = new AtomicInteger();
    private final Caller caller = new Caller(UUID.randomUUID(), UUID.randomUUID(), false, false);
    private final byte[] hash = {1, 2, 3};

    private Optional<Caller> lookup() {
        lookups.incrementAndGet();
        return Optional.of(caller);
    }

    @Test
    void get_withinTtl_asksTheLookupOnce() {
        KeyCache cache = new KeyCache(Duration.ofSeconds(5), now::get);

        assertThat(cache.get(hash, this::lookup)).contains(caller);
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(cache.get(hash.clone(), this::lookup)).contains(caller);

        assertThat(lookups).hasValue(1);
    }

    @Test
    void get_afterTtl_asksAgain() {
        KeyCache cache = new KeyCache(Duration.ofSeconds(5), now::get);

        cache.get(hash, this::lookup);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        cache.get(hash, this::lookup);

        assertThat(lookups).hasValue(2);
    }

    @Test
    void get_unknownKey_isNotRemembered() {
        KeyCache cache = new KeyCache(Duration.ofSeconds(5), now::get);

        assertThat(cache.get(hash, () -> {
            lookups.incrementAndGet();
            return Optional.empty();
        })).isEmpty();
        assertThat(cache.get(hash, this::lookup)).contains(caller);

        assertThat(lookups).hasValue(2);
    }

    @Test
    void forget_revokedKey_asksAgainAtOnce() {
        KeyCache cache = new KeyCache(Duration.ofSeconds(5), now::get);
        cache.get(hash, this::lookup);

        cache.forget(caller.apiKeyId());

        assertThat(cache.get(hash, Optional::empty)).isEmpty();
    }

    @Test
    void get_withZeroTtl_alwaysAsks() {
        KeyCache cache = new KeyCache(Duration.ZERO, now::get);

        cache.get(hash, this::lookup);
        cache.get(hash, this::lookup);

        assertThat(lookups).hasValue(2);
    }

    @Test
    void get_manyKeys_keepsAtMostTheBound() {
        KeyCache cache = new KeyCache(Duration.ofSeconds(5), now::get);
        for (int i = 0; i <= KeyCache.MAX_ENTRIES; i++) {
            cache.get(new byte[]{(byte) i, (byte) (i >> 8), (byte) (i >> 16)}, this::lookup);
        }
        lookups.set(0);

        cache.get(new byte[]{0, 0, 0}, this::lookup);

        assertThat(lookups).as("the first key was dropped when the bound was reached").hasValue(1);
    }
}

package dev.assay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final AggregateCache cache = new AggregateCache(clock);
    private final UUID organization = UUID.randomUUID();
    private final AtomicInteger computations = new AtomicInteger();

    @Test
    void get_computesOnce_whileTheFiguresAreFresh() {
        assertThat(cache.get(organization, "means", this::compute).value()).isEqualTo(1);
        clock.advance(AggregateCache.FRESH.minusSeconds(1));

        AggregateCache.Computed<Integer> again = cache.get(organization, "means", this::compute);

        assertThat(again.value()).isEqualTo(1);
        assertThat(again.computedAt()).isEqualTo(Instant.parse("2026-12-04T12:00:00Z"));
        assertThat(computations).hasValue(1);
    }

    @Test
    void get_ofStaleFigures_answersThemAtOnce_andRecomputesInTheBackground() {
        cache.get(organization, "means", this::compute);
        clock.advance(AggregateCache.FRESH.plusSeconds(1));

        assertThat(cache.get(organization, "means", this::compute).value()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> cache.get(organization, "means", this::compute).value() == 2);
        assertThat(computations).hasValue(2);
    }

    @Test
    void get_keepsTheLastFigures_whenARecomputationFails() {
        cache.get(organization, "means", this::compute);
        clock.advance(AggregateCache.FRESH.plusSeconds(1));

        // Every call starts another failing recomputation once the last one gave up; the figures stay.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> cache.get(organization, "means", AggregateCacheTest::failing).value() == 1);
        assertThat(computations).hasValue(1);
    }

    @Test
    void get_keepsOrganizationsApart() {
        cache.get(organization, "means", this::compute);

        assertThat(cache.get(UUID.randomUUID(), "means", this::compute).value()).isEqualTo(2);
    }

    private static Integer failing() {
        throw new IllegalStateException("database down");
    }

    private Integer compute() {
        return computations.incrementAndGet();
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package dev.assay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    // A long first wait, so quick computations are never pending however busy the machine is.
    private final AggregateCache cache = new AggregateCache(clock, Duration.ofSeconds(30));
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
    void get_ofSlowFirstFigures_isPendingAtOnce_andHasThemOnceComputed() {
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Integer> slow = () -> {
            awaitQuietly(release);
            return compute();
        };

        AggregateCache briefWait = new AggregateCache(clock, AggregateCache.FIRST_WAIT);

        AggregateCache.Computed<Integer> first = briefWait.get(organization, "means", slow);
        AggregateCache.Computed<Integer> second = briefWait.get(organization, "means", slow);

        assertThat(first.pending()).isTrue();
        assertThat(second.pending()).isTrue();
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> !briefWait.get(organization, "means", slow).pending());
        assertThat(briefWait.get(organization, "means", slow).value()).isEqualTo(1);
        assertThat(computations).as("one computation for every view that waited").hasValue(1);
    }

    @Test
    void get_whileAnotherViewsFirstComputationRuns_doesNotWaitForIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Integer> slow = () -> {
            started.countDown();
            awaitQuietly(release);
            return compute();
        };
        // The view that starts the computation waits up to 30 s for it, on a thread of its own.
        Thread firstView = Thread.ofVirtual().start(() -> cache.get(organization, "means", slow));
        started.await();

        AggregateCache.Computed<Integer> second = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> cache.get(organization, "means", slow));

        assertThat(second.pending()).isTrue();
        release.countDown();
        firstView.join();
        assertThat(cache.get(organization, "means", slow).value()).isEqualTo(1);
        assertThat(computations).hasValue(1);
    }

    @Test
    void get_ofFirstFiguresThatFail_reportsTheFailure_andTheNextViewStartsOver() {
        assertThatThrownBy(() -> cache.get(organization, "means", AggregateCacheTest::failing))
                .isInstanceOf(IllegalStateException.class).hasMessage("database down");

        assertThat(cache.get(organization, "means", this::compute).value()).isEqualTo(1);
    }

    @Test
    void get_keepsOrganizationsApart() {
        cache.get(organization, "means", this::compute);

        assertThat(cache.get(UUID.randomUUID(), "means", this::compute).value()).isEqualTo(2);
    }

    private static Integer failing() {
        throw new IllegalStateException("database down");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

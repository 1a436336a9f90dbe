package dev.assay.inference;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Daily latency, token and cost figures of an organization's turns per version, for the dashboard's trends. */
@Service
public class TurnStatisticsService {
    private final TurnStatisticsRepository turns;
    private final Clock clock;

    TurnStatisticsService(TurnStatisticsRepository turns, Clock clock) {
        this.turns = turns;
        this.clock = clock;
    }

    /** One row per UTC day and version over the last {@code days} days, oldest first. */
    @Transactional(readOnly = true)
    public List<DailyTurns> dailyTurns(Caller caller, int days) {
        if (days < 1 || days > 366) {
            throw AssayException.invalidField("days", "must be between 1 and 366");
        }
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return turns.dailyTurns(caller.organizationId(), since);
    }

    /** The turns of one version on one UTC day: their count, latency (ms), summed cost and tokens. */
    public record DailyTurns(Instant day, UUID versionId, long turns, @Nullable Double meanLatency,
            @Nullable Double p95Latency, @Nullable Double cost, @Nullable Long tokens) {}
}

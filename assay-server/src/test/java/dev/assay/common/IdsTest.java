package dev.assay.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
    private static final Clock FROZEN = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void newId_isVersion7WithTheClocksMilliseconds() {
        UUID id = Ids.newId(FROZEN);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isGreaterThanOrEqualTo(FROZEN.millis());
    }

    @Test
    void newId_withinOneMillisecond_increasesStrictly() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.newId(FROZEN));
        }

        assertThat(ids).isSortedAccordingTo(UUID::compareTo).doesNotHaveDuplicates();
    }

    @Test
    void formatAndParse_roundTrip() {
        UUID id = Ids.newId(Clock.systemUTC());

        String wire = Ids.format(IdKind.INFERENCE_RESULT, id);

        assertThat(wire).matches("inferenceResult_[a-z2-7]{26}");
        assertThat(Ids.parse(IdKind.INFERENCE_RESULT, wire)).contains(id);
    }

    @Test
    void parse_otherKindsAndMalformedText_areEmpty() {
        String wire = Ids.format(IdKind.SESSION, Ids.newId(Clock.systemUTC()));

        assertThat(Ids.parse(IdKind.INFERENCE_RESULT, wire)).isEmpty();
        assertThat(Ids.parse(IdKind.SESSION, "session_123")).isEmpty();
        assertThat(Ids.parse(IdKind.SESSION, "session_" + "9".repeat(26))).isEmpty();
        assertThat(Ids.parse(IdKind.SESSION, "session_" + "z".repeat(26))).isEmpty();
    }
}

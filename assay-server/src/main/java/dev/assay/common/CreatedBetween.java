package dev.assay.common;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The inclusive {@code fromCreatedAt} / {@code toCreatedAt} bounds of a list query; either may be open. */
public record CreatedBetween(@Nullable Instant from, @Nullable Instant to) {
    public static final CreatedBetween ANY = new CreatedBetween(null, null);

    /** Reads both bounds (400 on an unreadable date). */
    public static CreatedBetween of(ListQuery query) {
        return new CreatedBetween(query.instant("fromCreatedAt").orElse(null), query.instant("toCreatedAt").orElse(null));
    }
}

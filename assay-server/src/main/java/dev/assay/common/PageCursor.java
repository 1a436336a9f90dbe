package dev.assay.common;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in a list ordered newest first by {@code (created_at, id)}: the next page holds the
 * rows strictly before it. Keyset paging costs the same on page 1 and page 10,000, where an offset
 * would read and drop every earlier row.
 */
public record PageCursor(Instant createdAt, UUID id) {

    public PageCursor {
        requireNonNull(createdAt, "createdAt");
        requireNonNull(id, "id");
    }

    /** Adds {@code (alias.created_at, alias.id) < cursor} to a query ordered newest first. */
    public void addTo(Where where, String alias) {
        where.add("(" + alias + ".created_at, " + alias + ".id) < (:cursorCreatedAt, :cursorId)")
                .param("cursorCreatedAt", Sql.timestamp(createdAt))
                .param("cursorId", id);
    }

    /** The cursor as one URL-safe token, {@code <epoch microseconds>.<uuid>}. */
    public String token() {
        long micros = Math.addExact(Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L), createdAt.getNano() / 1_000);
        return micros + "." + id;
    }

    /** Reads a token of {@link #token()}; anything else is empty, so a mangled link shows page 1. */
    public static Optional<PageCursor> parse(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || token.length() > 80) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(token.substring(0, dot));
            UUID id = UUID.fromString(token.substring(dot + 1));
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            if (at.isBefore(Instant.EPOCH) || at.isAfter(Instant.parse("9999-12-31T00:00:00Z"))) {
                return Optional.empty();
            }
            return Optional.of(new PageCursor(at, id));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            return Optional.empty();
        }
    }
}

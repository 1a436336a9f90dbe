package dev.assay.session;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A session: the turns of one conversation, in one version of a product. Its identity, status and
 * timestamps are here; what a client says about the conversation is in its {@link SessionDetails}.
 */
public record Session(
        UUID id,
        UUID organizationId,
        UUID versionId,
        SessionStatus status,
        SessionDetails details,
        Instant createdAt,
        @Nullable Instant deletedAt) {

    /** A production (monitoring) session has no test case. */
    public boolean isProduction() {
        return details.testCaseId() == null;
    }

    /** This session with another status and details, as an update or a finish leaves it. */
    public Session with(SessionStatus newStatus, SessionDetails newDetails) {
        return new Session(id, organizationId, versionId, newStatus, newDetails, createdAt, deletedAt);
    }
}

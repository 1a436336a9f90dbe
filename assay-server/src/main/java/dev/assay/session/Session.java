package dev.assay.session;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A session: the turns of one conversation, in one version of a product. */
public record Session(
        UUID id,
        UUID organizationId,
        UUID versionId,
        @Nullable String customId,
        @Nullable String userId,
        @Nullable String testCaseId,
        @Nullable String context,
        @Nullable String stoppingReason,
        @Nullable String error,
        SessionStatus status,
        @Nullable Map<String, Object> metadata,
        Instant createdAt,
        @Nullable Instant deletedAt) {

    /** A production (monitoring) session has no test case. */
    public boolean isProduction() {
        return testCaseId == null;
    }
}

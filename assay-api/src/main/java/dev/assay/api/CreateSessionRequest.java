package dev.assay.api;

import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Creates a session. At least one of {@code versionId} and {@code productId} is required
 * ({@code versionId} wins); {@code productId} alone means the product's latest version.
 *
 * @param customId the client's own conversation id, unique per version
 * @param isProduction {@code true} for a production (monitoring) session; forbids a test case
 * @param status initial status, {@code PENDING} when absent
 */
public record CreateSessionRequest(
        @Nullable String versionId,
        @Nullable String productId,
        @Size(max = 500) @Nullable String customId,
        @Nullable String testCaseId,
        @Nullable Boolean isProduction,
        @Nullable String context,
        @Nullable Map<String, Object> metadata,
        @Nullable String status) {

    /** A session of a version, with nothing else set. */
    public static CreateSessionRequest forVersion(String versionId) {
        return new CreateSessionRequest(versionId, null, null, null, null, null, null, null);
    }

    /** A session of a version with the client's own conversation id. */
    public static CreateSessionRequest forVersion(String versionId, String customId) {
        return new CreateSessionRequest(versionId, null, customId, null, null, null, null, null);
    }
}

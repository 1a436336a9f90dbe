package dev.assay.session;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a client asks for when it creates a session; the service resolves and validates it. */
public record NewSession(
        @Nullable String versionId,
        @Nullable String productId,
        @Nullable String customId,
        @Nullable String testCaseId,
        @Nullable Boolean isProduction,
        @Nullable String context,
        @Nullable Map<String, Object> metadata,
        @Nullable String status) {}

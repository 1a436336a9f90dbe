package dev.assay.session;

import org.jspecify.annotations.Nullable;

/**
 * What a client asks for when it creates a session; the service resolves and validates it. Of the
 * {@code details}, a create sets {@code customId}, {@code testCaseId}, {@code context} and {@code metadata}.
 */
public record NewSession(
        @Nullable String versionId,
        @Nullable String productId,
        @Nullable Boolean isProduction,
        @Nullable String status,
        SessionDetails details) {}

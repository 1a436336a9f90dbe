package dev.assay.cli;

import org.jspecify.annotations.Nullable;

/** The options every command takes, set by picocli through {@link AssayCli}'s inherited options. */
final class GlobalOptions {
    @Nullable
    String baseUrl;
    @Nullable
    String apiKey;
    @Nullable
    String profile;
    Output.@Nullable Format output;
}

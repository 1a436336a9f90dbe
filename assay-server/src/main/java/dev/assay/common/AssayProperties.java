package dev.assay.common;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Assay's own configuration under {@code assay.*}; the environment names of the README's
 * configuration table map onto it ({@code ASSAY_DATA_DIR} → {@code assay.data-dir}, {@code ASSAY_BOOTSTRAP_API_KEY} →
 * {@code assay.bootstrap-api-key}).
 *
 * @param dataDir where the embedded PostgreSQL keeps its data when no datasource URL is set
 * @param bootstrapApiKey a key that exists at start-up as admin of the default organization; blank for none
 * @param http limits of the HTTP layer
 * @param export limits of the export routes
 */
@ConfigurationProperties("assay")
@Validated
public record AssayProperties(
        @DefaultValue("./assay-data") @NotNull Path dataDir,
        @DefaultValue("") String bootstrapApiKey,
        @DefaultValue @Valid Http http,
        @DefaultValue @Valid Export export) {

    /** @param maxBodyBytes the largest request body accepted; larger ones get 413 */
    public record Http(@DefaultValue("10485760") @Positive long maxBodyBytes) {}

    /**
     * @param maxConcurrent exports streaming at once in this instance, each holding a database
     *        connection; one more gets 503 OVERLOADED with {@code Retry-After}
     */
    public record Export(@DefaultValue("4") @Positive int maxConcurrent) {}
}

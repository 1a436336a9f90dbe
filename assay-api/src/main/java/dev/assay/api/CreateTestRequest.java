package dev.assay.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Creates a test (a data set of test cases) under a product of the caller's organization.
 *
 * <p>{@code productId}, {@code name} and {@code type} are required. {@code type} is one of
 * {@code ACCURACY}, {@code SECURITY}, {@code BEHAVIOR} or their older names {@code QUALITY},
 * {@code RED_TEAMING}, {@code SCENARIOS}, in any case; the response always carries the newer name.
 * A name is unique among the product's live tests. Absent lists are stored as empty lists.
 *
 * @param maxTestCases the most test cases a generator may create; positive when given
 */
public record CreateTestRequest(
        @NotBlank @Nullable String productId,
        @NotBlank @Size(max = 200) @Nullable String name,
        @NotBlank @Nullable String type,
        @Nullable String languageCode,
        @Nullable String groundTruthUri,
        @Nullable String fewShot,
        @Nullable String customUserPersona,
        @Nullable List<@NotNull String> variants,
        @Nullable List<@NotNull String> strategies,
        @Nullable String customVariantDescription,
        @Positive @Nullable Integer maxTestCases,
        @Nullable String uri) {

    /** Starts a request for a test of the given product, name and type. */
    public static Builder forProduct(String productId, String name, String type) {
        return new Builder(productId, name, type);
    }

    /** Builds a {@link CreateTestRequest}; every field but the product, name and type is optional. */
    public static final class Builder {
        private final String productId;
        private final String name;
        private final String type;
        private @Nullable String languageCode;
        private @Nullable String groundTruthUri;
        private @Nullable String fewShot;
        private @Nullable String customUserPersona;
        private @Nullable List<String> variants;
        private @Nullable List<String> strategies;
        private @Nullable String customVariantDescription;
        private @Nullable Integer maxTestCases;
        private @Nullable String uri;

        private Builder(String productId, String name, String type) {
            this.productId = productId;
            this.name = name;
            this.type = type;
        }

        public Builder languageCode(@Nullable String value) {
            languageCode = value;
            return this;
        }
        public Builder groundTruthUri(@Nullable String value) {
            groundTruthUri = value;
            return this;
        }
        public Builder fewShot(@Nullable String value) {
            fewShot = value;
            return this;
        }
        public Builder customUserPersona(@Nullable String value) {
            customUserPersona = value;
            return this;
        }
        public Builder variants(@Nullable List<String> value) {
            variants = value;
            return this;
        }
        public Builder strategies(@Nullable List<String> value) {
            strategies = value;
            return this;
        }
        public Builder customVariantDescription(@Nullable String value) {
            customVariantDescription = value;
            return this;
        }
        public Builder maxTestCases(@Nullable Integer value) {
            maxTestCases = value;
            return this;
        }
        public Builder uri(@Nullable String value) {
            uri = value;
            return this;
        }

        public CreateTestRequest build() {
            return new CreateTestRequest(productId, name, type, languageCode, groundTruthUri, fewShot,
                    customUserPersona, variants, strategies, customVariantDescription, maxTestCases, uri);
        }
    }
}

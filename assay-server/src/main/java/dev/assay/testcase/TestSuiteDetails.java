package dev.assay.testcase;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The client-supplied fields of a test suite, besides its product. */
public record TestSuiteDetails(
        String name,
        TestSuiteType type,
        @Nullable String languageCode,
        @Nullable String groundTruthUri,
        @Nullable String fewShot,
        @Nullable String customUserPersona,
        List<String> variants,
        List<String> strategies,
        @Nullable String customVariantDescription,
        @Nullable Integer maxTestCases,
        @Nullable String uri) {

    public TestSuiteDetails {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        variants = List.copyOf(variants);
        strategies = List.copyOf(strategies);
    }
}

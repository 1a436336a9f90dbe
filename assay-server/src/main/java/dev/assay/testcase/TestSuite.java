package dev.assay.testcase;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A test suite (Galtea's "test", {@code /tests} on the wire): a data set of test cases for one
 * product. Suites created through the API are uploaded, not generated, so their generation
 * {@code status} is {@link #UPLOADED_STATUS} from the start.
 */
public record TestSuite(
        UUID id,
        UUID organizationId,
        UUID productId,
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
        @Nullable String uri,
        String status,
        Instant createdAt,
        @Nullable Instant deletedAt) {

    /** The generation status of a test suite whose cases were uploaded rather than generated. */
    public static final String UPLOADED_STATUS = "SUCCESS";

    public TestSuite {
        requireNonNull(id, "id");
        requireNonNull(organizationId, "organizationId");
        requireNonNull(productId, "productId");
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        variants = List.copyOf(variants);
        strategies = List.copyOf(strategies);
        requireNonNull(status, "status");
        requireNonNull(createdAt, "createdAt");
    }
}

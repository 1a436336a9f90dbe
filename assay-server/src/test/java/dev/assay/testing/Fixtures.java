package dev.assay.testing;

import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.CreateTestRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.ProductResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.TestCaseResponse;
import dev.assay.api.TestResponse;
import dev.assay.api.VersionResponse;
import dev.assay.client.AssayClient;
import java.util.UUID;

/** Small named factories for the resources a test needs, setting only what matters. */
public final class Fixtures {

    private Fixtures() {}

    public static ProductResponse aProduct(AssayClient client) {
        return client.products().create(CreateProductRequest.named("product-" + UUID.randomUUID()));
    }

    public static VersionResponse aVersion(AssayClient client) {
        return client.versions().create(CreateVersionRequest.named(aProduct(client).id(), "v1"));
    }

    public static SessionResponse aSession(AssayClient client) {
        return client.sessions().create(CreateSessionRequest.forVersion(aVersion(client).id()));
    }

    /** An ACCURACY test with a unique name under a new product. */
    public static TestResponse aTest(AssayClient client) {
        return aTest(client, aProduct(client).id());
    }

    public static TestResponse aTest(AssayClient client, String productId) {
        return client.tests().create(CreateTestRequest.forProduct(productId, "test-" + UUID.randomUUID(), "ACCURACY").build());
    }

    /** A test case with only an input, under a new test. */
    public static TestCaseResponse aTestCase(AssayClient client) {
        return aTestCase(client, aTest(client).id());
    }

    public static TestCaseResponse aTestCase(AssayClient client, String testId) {
        return client.testCases().create(CreateTestCaseRequest.forTest(testId).input("What is 2 + 2?").build());
    }
}

package dev.assay.testcase;

import static dev.assay.testing.Fixtures.aProduct;

import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.CreateTestRequest;
import dev.assay.api.TestCaseResponse;
import dev.assay.api.TestResponse;
import dev.assay.client.AssayClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small named factories for tests and test cases, and a reader of raw JSON answers. */
final class TestCaseFixtures {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestCaseFixtures() {}

    /** An ACCURACY test with a unique name under a new product. */
    static TestResponse aTest(AssayClient client) {
        return aTest(client, aProduct(client).id());
    }

    static TestResponse aTest(AssayClient client, String productId) {
        return client.tests().create(CreateTestRequest.forProduct(productId, "test-" + UUID.randomUUID(), "ACCURACY").build());
    }

    /** A test case with only an input, under a new test. */
    static TestCaseResponse aTestCase(AssayClient client) {
        return aTestCase(client, aTest(client).id());
    }

    static TestCaseResponse aTestCase(AssayClient client, String testId) {
        return client.testCases().create(CreateTestCaseRequest.forTest(testId).input("What is 2 + 2?").build());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

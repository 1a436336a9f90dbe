package dev.assay.client;

import dev.assay.api.CreateTestRequest;
import dev.assay.api.TestResponse;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/**
 * Tests, the data sets of test cases of a product ({@code galtea.tests}). Every method throws
 * {@link AssayApiException} for an error response, with status 404 for an id that is unknown,
 * deleted or another organization's.
 */
public final class TestService {
    private final Transport transport;

    TestService(Transport transport) {
        this.transport = transport;
    }

    /** Creates a test; a product of another organization is 404, a name taken in the product 400. */
    public TestResponse create(CreateTestRequest request) {
        return transport.send("POST", "tests", request, TestResponse.class);
    }

    public TestResponse get(String testId) {
        return transport.send("GET", "tests/" + Paths.segment(testId), null, TestResponse.class);
    }

    /** The product's test with this name, if any. */
    public Optional<TestResponse> getByName(String productId, String name) {
        return list(ListOptions.none().filter("productIds", productId).filter("names", name)).stream().findFirst();
    }

    /** Tests filtered by {@code ids} (strict), {@code productIds}, {@code names} and date bounds. */
    public List<TestResponse> list(ListOptions options) {
        return transport.send("GET", "tests" + options.toQueryString(), null, new TypeReference<List<TestResponse>>() {});
    }

    /** Soft-deletes the test and its test cases. */
    public void delete(String testId) {
        transport.sendWithoutResult("DELETE", "tests/" + Paths.segment(testId), null);
    }
}

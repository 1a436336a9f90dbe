package dev.assay.client;

import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.TestCaseResponse;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/**
 * Test cases of tests ({@code galtea.test_cases}). Every method throws {@link AssayApiException}
 * for an error response, with status 404 for an id that is unknown, deleted or another
 * organization's.
 */
public final class TestCaseService {
    private final Transport transport;

    TestCaseService(Transport transport) {
        this.transport = transport;
    }

    /** Creates a test case; a test of another organization is 404. */
    public TestCaseResponse create(CreateTestCaseRequest request) {
        return transport.send("POST", "testCases", request, TestCaseResponse.class);
    }

    public TestCaseResponse get(String testCaseId) {
        return transport.send("GET", "testCases/" + Paths.segment(testCaseId), null, TestCaseResponse.class);
    }

    /**
     * Test cases filtered by {@code ids} (strict), {@code testIds}, {@code languages}, {@code variants},
     * {@code strategies}, {@code expectedTools} (all given), {@code reviewed}, {@code userScore} and
     * date bounds.
     */
    public List<TestCaseResponse> list(ListOptions options) {
        return transport.send("GET", "testCases" + options.toQueryString(), null,
                new TypeReference<List<TestCaseResponse>>() {});
    }

    /** Soft-deletes the test case. */
    public void delete(String testCaseId) {
        transport.sendWithoutResult("DELETE", "testCases/" + Paths.segment(testCaseId), null);
    }
}

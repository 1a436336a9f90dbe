package dev.assay.testcase;

import dev.assay.testing.Fixtures;

import static dev.assay.testing.Fixtures.aTest;
import static dev.assay.testing.Fixtures.aTestCase;
import static dev.assay.testing.Fixtures.aProduct;
import static dev.assay.testing.Fixtures.aVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.CreateTestRequest;
import dev.assay.api.ProductResponse;
import dev.assay.api.TestCaseResponse;
import dev.assay.api.TestResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Another organization's tests and test cases behave as if they did not exist (contract §9.18). */
class TestCaseIsolationIT extends ApiIntegrationTest {
    private AssayClient other;
    private ProductResponse foreignProduct;
    private TestResponse foreignTest;
    private TestCaseResponse foreignTestCase;

    @BeforeEach
    void foreignRows() {
        other = newTenant().client();
        foreignProduct = aProduct(other);
        foreignTest = aTest(other, foreignProduct.id());
        foreignTestCase = aTestCase(other, foreignTest.id());
    }

    @Test
    void get_foreignTestAndTestCase_returnNotFound() {
        assertNotFound(() -> client.tests().get(foreignTest.id()), "TEST_NOT_FOUND");
        assertNotFound(() -> client.testCases().get(foreignTestCase.id()), "TEST_CASE_NOT_FOUND");
    }

    @Test
    void list_withoutFilter_neverShowsForeignRows() {
        TestResponse own = aTest(client);
        TestCaseResponse ownCase = aTestCase(client, own.id());

        assertThat(client.tests().list(ListOptions.none())).containsExactly(own);
        assertThat(client.testCases().list(ListOptions.none())).containsExactly(ownCase);
    }

    @Test
    void list_byForeignRelations_returnsEmpty() {
        assertThat(client.tests().list(ListOptions.none().filter("productIds", foreignProduct.id()))).isEmpty();
        assertThat(client.tests().list(ListOptions.none().filter("names", foreignTest.name()))).isEmpty();
        assertThat(client.testCases().list(ListOptions.none().filter("testIds", foreignTest.id()))).isEmpty();
    }

    @Test
    void list_byForeignIds_returnsNotFound() {
        assertNotFound(() -> client.tests().list(ListOptions.none().filter("ids", foreignTest.id())), "TEST_NOT_FOUND");
        assertNotFound(() -> client.testCases().list(ListOptions.none().filter("ids", foreignTestCase.id())),
                "TEST_CASE_NOT_FOUND");
    }

    @Test
    void delete_foreignRows_returnsNotFoundAndChangesNothing() {
        assertNotFound(() -> client.testCases().delete(foreignTestCase.id()), "TEST_CASE_NOT_FOUND");
        assertNotFound(() -> client.tests().delete(foreignTest.id()), "TEST_NOT_FOUND");

        assertThat(other.tests().get(foreignTest.id())).isEqualTo(foreignTest);
        assertThat(other.testCases().get(foreignTestCase.id())).isEqualTo(foreignTestCase);
    }

    @Test
    void createTest_underForeignProduct_returnsNotFoundAndStoresNothing() {
        assertNotFound(() -> client.tests().create(
                CreateTestRequest.forProduct(foreignProduct.id(), "intruder", "ACCURACY").build()), "PRODUCT_NOT_FOUND");

        assertThat(other.tests().list(ListOptions.none().filter("productIds", foreignProduct.id()))).containsExactly(foreignTest);
    }

    @Test
    void createTestCase_underForeignTest_returnsNotFoundAndStoresNothing() {
        assertNotFound(() -> client.testCases().create(CreateTestCaseRequest.forTest(foreignTest.id()).input("x").build()),
                "TEST_NOT_FOUND");

        assertThat(other.testCases().list(ListOptions.none())).containsExactly(foreignTestCase);
    }

    @Test
    void createSession_withForeignTestCase_returnsNotFound() {
        String versionId = aVersion(client).id();

        assertNotFound(() -> client.sessions().create(
                new CreateSessionRequest(versionId, null, null, foreignTestCase.id(), false, null, null, null)),
                "TEST_CASE_NOT_FOUND");
        assertThat(client.sessions().list(ListOptions.none())).isEmpty();
    }

    private static void assertNotFound(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AssayApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}

package dev.assay.testcase;

import dev.assay.testing.Fixtures;

import static dev.assay.testing.Fixtures.aTest;
import static dev.assay.testing.Fixtures.aVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.SessionResponse;
import dev.assay.api.TestCaseResponse;
import dev.assay.api.VersionResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Sessions tied to a test case: the test case must exist and gives the session its context. */
class SessionTestCaseIT extends ApiIntegrationTest {

    @Test
    void create_withTestCase_takesTheTestCasesContext() {
        TestCaseResponse testCase = aTestCaseWithContext("The user is a gold member.");

        SessionResponse session = client.sessions().create(withTestCase(aVersion(client), testCase.id(), null, null));

        assertThat(session.testCaseId()).isEqualTo(testCase.id());
        assertThat(session.context()).isEqualTo("The user is a gold member.");
        assertThat(client.sessions().get(session.id())).isEqualTo(session);
        assertThat(client.sessions().list(ListOptions.none().filter("testCaseIds", testCase.id()))).containsExactly(session);
    }

    @Test
    void create_withTestCaseWithoutContext_hasNoContext() {
        TestCaseResponse testCase = aTestCaseWithContext(null);

        SessionResponse session = client.sessions().create(withTestCase(aVersion(client), testCase.id(), false, null));

        assertThat(session.testCaseId()).isEqualTo(testCase.id());
        assertThat(session.context()).isNull();
    }

    @Test
    void create_withUnknownTestCase_returnsNotFound() {
        VersionResponse version = aVersion(client);

        assertThatThrownBy(() -> client.sessions().create(
                withTestCase(version, "testCase_aaaaaaaaaaaaaaaaaaaaaaaaaa", null, null)))
                .isInstanceOfSatisfying(AssayApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("TEST_CASE_NOT_FOUND");
                });
        assertThat(client.sessions().list(ListOptions.none())).isEmpty();
    }

    @Test
    void create_withDeletedTestCase_returnsNotFound() {
        TestCaseResponse testCase = aTestCaseWithContext("c");
        client.testCases().delete(testCase.id());

        assertThatThrownBy(() -> client.sessions().create(withTestCase(aVersion(client), testCase.id(), null, null)))
                .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.code()).isEqualTo("TEST_CASE_NOT_FOUND"));
    }

    @Test
    void create_withTestCaseOfDeletedTest_returnsNotFound() {
        TestCaseResponse testCase = aTestCaseWithContext("c");
        client.tests().delete(testCase.testId());

        assertThatThrownBy(() -> client.sessions().create(withTestCase(aVersion(client), testCase.id(), null, null)))
                .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.code()).isEqualTo("TEST_CASE_NOT_FOUND"));
    }

    @Test
    void create_withTestCaseAndContext_returnsBadRequest() {
        TestCaseResponse testCase = aTestCaseWithContext("c");

        assertThatThrownBy(() -> client.sessions().create(withTestCase(aVersion(client), testCase.id(), null, "mine")))
                .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void create_productionWithTestCase_returnsBadRequest() {
        TestCaseResponse testCase = aTestCaseWithContext("c");

        assertThatThrownBy(() -> client.sessions().create(withTestCase(aVersion(client), testCase.id(), true, null)))
                .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void create_productionWithContext_keepsTheGivenContext() {
        SessionResponse session = client.sessions().create(withTestCase(aVersion(client), null, true, "mine"));

        assertThat(session.testCaseId()).isNull();
        assertThat(session.context()).isEqualTo("mine");
    }

    private TestCaseResponse aTestCaseWithContext(@Nullable String context) {
        return client.testCases().create(CreateTestCaseRequest.forTest(aTest(client).id()).input("hi").context(context).build());
    }

    private static CreateSessionRequest withTestCase(
            VersionResponse version, @Nullable String testCaseId, @Nullable Boolean isProduction, @Nullable String context) {
        return new CreateSessionRequest(version.id(), null, null, testCaseId, isProduction, context, null, null);
    }
}

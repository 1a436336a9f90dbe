package dev.assay.session;

import static dev.assay.testing.Fixtures.aTest;
import static dev.assay.testing.Fixtures.aTestCase;
import static dev.assay.testing.Fixtures.aVersion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateSessionRequest;
import dev.assay.api.SessionResponse;
import dev.assay.api.TestResponse;
import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code testIds} / {@code excludeTestIds} filters of GET /sessions, with {@code ""} for "no test". */
class SessionTestFilterIT extends ApiIntegrationTest {
    private TestResponse testA;
    private TestResponse testB;
    private SessionResponse ofTestA;
    private SessionResponse ofTestB;
    private SessionResponse production;

    @BeforeEach
    void sessionsOfTwoTestsAndOneProductionSession() {
        String versionId = aVersion(client).id();
        testA = aTest(client);
        testB = aTest(client);
        ofTestA = sessionOf(versionId, aTestCase(client, testA.id()).id());
        ofTestB = sessionOf(versionId, aTestCase(client, testB.id()).id());
        production = client.sessions().create(CreateSessionRequest.forVersion(versionId));
    }

    @Test
    void list_byTestIds_returnsSessionsOfThoseTestsCases() {
        assertThat(ids(ListOptions.none().filter("testIds", testA.id()))).containsExactly(ofTestA.id());
    }

    @Test
    void list_byEmptyTestId_returnsSessionsWithoutATest() {
        assertThat(ids(ListOptions.none().with("testIds", ""))).containsExactly(production.id());
    }

    @Test
    void list_byTestIdAndEmptyTestId_returnsBoth() {
        assertThat(ids(ListOptions.none().filter("testIds", testB.id(), "")))
                .containsExactlyInAnyOrder(ofTestB.id(), production.id());
    }

    @Test
    void list_excludingATest_keepsTheOthersAndProductionSessions() {
        assertThat(ids(ListOptions.none().filter("excludeTestIds", testA.id())))
                .containsExactlyInAnyOrder(ofTestB.id(), production.id());
    }

    @Test
    void list_excludingEmptyTestId_returnsOnlySessionsWithATest() {
        assertThat(ids(ListOptions.none().with("excludeTestIds", "")))
                .containsExactlyInAnyOrder(ofTestA.id(), ofTestB.id());
    }

    @Test
    void list_byUnknownTestId_returnsNothing() {
        assertThat(ids(ListOptions.none().filter("testIds", "test_aaaaaaaaaaaaaaaaaaaaaaaaaa"))).isEmpty();
    }

    private SessionResponse sessionOf(String versionId, String testCaseId) {
        return client.sessions().create(new CreateSessionRequest(versionId, null, null, testCaseId, null, null, null, null));
    }

    private List<String> ids(ListOptions options) {
        return client.sessions().list(options).stream().map(SessionResponse::id).toList();
    }
}

package dev.assay.evaluation;

import static dev.assay.testing.Fixtures.aTest;
import static dev.assay.testing.Fixtures.aTestCase;
import static dev.assay.testing.Fixtures.aVersion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateMetricRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.TestResponse;
import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code testIds} / {@code excludeTestIds} filters of GET /evaluations, with {@code ""} for "no test". */
class EvaluationTestFilterIT extends ApiIntegrationTest {
    private TestResponse test;
    private String ofTest;
    private String ofProduction;

    @BeforeEach
    void evaluationsOfATestSessionAndOfAProductionSession() {
        String versionId = aVersion(client).id();
        client.metrics().create(CreateMetricRequest.selfHosted("given"));
        test = aTest(client);
        ofTest = evaluate(new CreateSessionRequest(versionId, null, null, aTestCase(client, test.id()).id(), null, null, null, null));
        ofProduction = evaluate(CreateSessionRequest.forVersion(versionId));
    }

    @Test
    void list_byTestIds_returnsEvaluationsOfThatTestsSessions() {
        assertThat(ids(ListOptions.none().filter("testIds", test.id()))).containsExactly(ofTest);
    }

    @Test
    void list_byEmptyTestId_returnsEvaluationsWithoutATest() {
        assertThat(ids(ListOptions.none().with("testIds", ""))).containsExactly(ofProduction);
    }

    @Test
    void list_excludingTheTest_returnsTheOthers() {
        assertThat(ids(ListOptions.none().filter("excludeTestIds", test.id()))).containsExactly(ofProduction);
    }

    private String evaluate(CreateSessionRequest session) {
        String sessionId = client.sessions().create(session).id();
        String turnId = client.inferenceResults()
                .create(CreateInferenceResultRequest.forSession(sessionId).input("q").actualOutput("a").build())
                .id();
        return client.evaluations()
                .createFromInferenceResult(turnId, List.of(EvaluationMetric.scored("given", 0.5)), null)
                .getFirst()
                .id();
    }

    private List<String> ids(ListOptions options) {
        return client.evaluations().list(options).stream().map(EvaluationResponse::id).toList();
    }
}

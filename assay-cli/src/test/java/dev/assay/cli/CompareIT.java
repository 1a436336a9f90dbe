package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateMetricRequest;
import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.CreateTestRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.client.AssayClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code assay compare} as a CI gate: 12 test cases scored by a self-hosted metric, about 0.9 on
 * the base version and about 0.2 on the candidate, which the server's paired test calls REGRESSED.
 */
class CompareIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CASES = 12;

    private static AssayClient client;
    private static Cli cli;
    private static String productId;
    private static String baseId;
    private static String candidateId;
    private static String metricName;

    @BeforeAll
    static void scoreTwoVersions() throws Exception {
        String baseUrl = TestServer.get().baseUrl();
        client = AssayClient.builder().baseUrl(baseUrl).apiKey(TestServer.KEY).build();
        cli = new Cli(baseUrl, TestServer.KEY, Files.createDirectories(Path.of("target", "cli-config-" + UUID.randomUUID())));
        productId = client.products().create(CreateProductRequest.named("cli-gate-" + UUID.randomUUID())).id();
        baseId = client.versions().create(CreateVersionRequest.named(productId, "base")).id();
        candidateId = client.versions().create(CreateVersionRequest.named(productId, "candidate")).id();
        metricName = "cli-gate-metric-" + UUID.randomUUID();
        client.metrics().create(CreateMetricRequest.selfHosted(metricName));
        String testId = client.tests().create(CreateTestRequest.forProduct(productId, "gate", "ACCURACY").build()).id();
        for (int i = 0; i < CASES; i++) {
            String testCaseId = client.testCases().create(CreateTestCaseRequest.forTest(testId).input("q" + i).build()).id();
            score(baseId, testCaseId, 0.85 + i * 0.01);
            score(candidateId, testCaseId, 0.15 + i * 0.01);
        }
    }

    private static void score(String versionId, String testCaseId, double score) {
        String sessionId = client.sessions().create(
                new CreateSessionRequest(versionId, null, null, testCaseId, null, null, null, null)).id();
        client.inferenceResults().createBatch(sessionId, List.of(ConversationTurn.user("q"), ConversationTurn.assistant("a")));
        client.evaluations().createFromSession(sessionId, List.of(EvaluationMetric.scored(metricName, score)), null);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void regression_failsTheGateWithExitCode10_andPrintsTheTable() {
        Cli.Result result = cli.run("compare", "--base", baseId, "--candidate", candidateId, "--fail-on", "regressed", "-o", "table");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.REGRESSION);
        assertThat(result.out()).contains("metric").contains("verdict").contains(metricName).contains("REGRESSED").contains("PAIRED");
        assertThat(result.err()).contains("regressed: " + metricName);
    }

    @Test
    void withoutFailOn_theSameRegressionExitsZero() {
        Cli.Result result = cli.run("compare", "--base", baseId, "--candidate", candidateId);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode comparison = JSON.readTree(result.out());
        assertThat(comparison.get("baseVersionId").asString()).isEqualTo(baseId);
        assertThat(comparison.get("metrics").get(0).get("verdict").asString()).isEqualTo("REGRESSED");
    }

    @Test
    void improvement_passesTheGate_andNamesResolveWithTheProduct() {
        Cli.Result result = cli.run("compare", "--product-id", productId, "--base", "candidate", "--candidate", "base",
                "--fail-on", "regressed", "-o", "jsonl");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode row = JSON.readTree(result.out().lines().findFirst().orElseThrow());
        assertThat(row.get("verdict").asString()).isEqualTo("IMPROVED");
        assertThat(row.get("candidateN").asInt()).isEqualTo(CASES);
    }

    @Test
    void unknownVersion_isNotFound_andANameWithoutProductIsUsage() {
        assertThat(cli.run("compare", "--base", "version_unknown", "--candidate", candidateId, "--fail-on", "regressed").exitCode())
                .isEqualTo(ExitCode.NOT_FOUND);
        assertThat(cli.run("compare", "--base", "base", "--candidate", "candidate").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("compare", "--base", baseId).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void comparisonItems_listThePairsWorstFirst() {
        Cli.Result result = cli.run("comparisons", "items", "--base-version-id", baseId, "--candidate-version-id", candidateId,
                "--limit", "3");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode items = JSON.readTree(result.out());
        assertThat(items.size()).isEqualTo(3);
        assertThat(items.get(0).get("delta").asDouble()).isLessThan(0);
    }

    @Test
    void agreement_answersForTheMetric_evenWithoutReviews() {
        String metricId = client.metrics().getByName(metricName).orElseThrow().id();
        Cli.Result result = cli.run("agreement", "get", "--metric-ids", metricId);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains(metricId);
        assertThat(cli.run("agreement", "items", "--metric-ids", metricId).out().strip()).isEqualTo("[]");
    }
}

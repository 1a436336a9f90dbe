package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateTestRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.TestCaseResponse;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code assay import} and {@code assay export} in this JVM (not a terminal: plain progress lines). */
class ImportExportIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AssayClient client;
    private Cli cli;
    private Path directory;
    private String productId;
    private String versionId;
    private String sessionId;

    @BeforeEach
    void setUp() throws Exception {
        String baseUrl = TestServer.get().baseUrl();
        client = AssayClient.builder().baseUrl(baseUrl).apiKey(TestServer.KEY).build();
        directory = Files.createDirectories(Path.of("target", "cli-import-" + UUID.randomUUID()));
        cli = new Cli(baseUrl, TestServer.KEY, directory);
        productId = client.products().create(CreateProductRequest.named("cli-import-" + UUID.randomUUID())).id();
        versionId = client.versions().create(CreateVersionRequest.named(productId, "v1")).id();
        sessionId = client.sessions().create(CreateSessionRequest.forVersion(versionId)).id();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void turnsJsonl_acceptsGoodRows_rejectsBadOnesWithReasons_inOrder() throws Exception {
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            switch (i) {
                case 5 -> file.append("{broken\n");
                case 9 -> file.append("{\"sessionId\":\"").append(sessionId).append("\"}\n");
                case 13 -> file.append("{\"sessionId\":\"session_unknown\",\"input\":\"q\",\"output\":\"a\"}\n");
                default -> file.append("{\"sessionId\":\"").append(sessionId).append("\",\"input\":\"q").append(i)
                        .append("\",\"output\":\"a").append(i).append("\",\"retrieval_context\":\"ctx\"}\n");
            }
        }
        Path path = directory.resolve("turns.jsonl");
        Files.writeString(path, file);

        Cli.Result result = cli.run("import", "turns", path.toString(), "--batch-size", "10");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.SERVER);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("complete").asBoolean()).isTrue();
        assertThat(report.get("rows").asInt()).isEqualTo(30);
        assertThat(report.get("accepted").asInt()).isEqualTo(27);
        assertThat(report.get("rejected").asInt()).isEqualTo(3);
        assertThat(report.get("offset").asInt()).isEqualTo(30);
        assertThat(report.get("rejections").findValuesAsString("reason"))
                .satisfiesExactly(
                        reason -> assertThat(reason).startsWith("invalid JSON"),
                        reason -> assertThat(reason).isEqualTo("neither input nor output"),
                        reason -> assertThat(reason).contains("SESSION_NOT_FOUND"));
        assertThat(report.get("rejections").findValues("row")).extracting(JsonNode::asInt).containsExactly(5, 9, 13);
        assertThat(result.err()).contains("import turns: row 13 rejected").contains("import turns: rows 30, accepted 27")
                .contains(", done");

        List<InferenceResultResponse> turns = client.inferenceResults().list(ListOptions.none().filter("sessionIds", sessionId));
        assertThat(turns).hasSize(27);
        assertThat(turns).extracting(InferenceResultResponse::actualOutput).startsWith("a1", "a2", "a3", "a4", "a6");
        assertThat(turns.get(0).retrievalContext()).isEqualTo("ctx");
    }

    @Test
    void offset_resumesAfterTheRowsAlreadyHandled() throws Exception {
        StringBuilder csv = new StringBuilder("session_id,input,output\n");
        for (int i = 1; i <= 20; i++) {
            csv.append(sessionId).append(",q").append(i).append(",\"a").append(i).append(", with a comma\"\n");
        }
        Path path = directory.resolve("turns.csv");
        Files.writeString(path, csv);

        Cli.Result resumed = cli.run("import", "turns", path.toString(), "--offset", "15");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        JsonNode report = JSON.readTree(resumed.out());
        assertThat(report.get("accepted").asInt()).isEqualTo(5);
        assertThat(report.get("offset").asInt()).isEqualTo(20);
        List<InferenceResultResponse> turns = client.inferenceResults().list(ListOptions.none().filter("sessionIds", sessionId));
        assertThat(turns).extracting(InferenceResultResponse::actualOutput)
                .containsExactly("a16, with a comma", "a17, with a comma", "a18, with a comma", "a19, with a comma", "a20, with a comma");
    }

    @Test
    void aStoppedImport_printsTheOffsetToResumeFrom() throws Exception {
        Path path = directory.resolve("turns.jsonl");
        Files.writeString(path, "{\"sessionId\":\"" + sessionId + "\",\"input\":\"q\"}\n");
        Cli.Result result = cli.run("import", "turns", path.toString(), "--offset", "0", "--api-key", "gsk_revoked-or-wrong-key-0000");
        assertThat(result.exitCode()).isEqualTo(ExitCode.AUTH);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("complete").asBoolean()).isFalse();
        assertThat(report.get("offset").asInt()).isZero();
        assertThat(result.err()).contains("resume with --offset 0");
    }

    @Test
    void testCasesCsv_followsGaltessColumnRules() throws Exception {
        String testId = client.tests().create(CreateTestRequest.forProduct(productId, "csv", "ACCURACY").build()).id();
        Path path = directory.resolve("cases.csv");
        Files.writeString(path, """
                input,expected_output,context,tag,source,expected_tools,max_iterations
                "What is 2+2?",4,arithmetic,easy,manual,calculator;search|browser,3
                "Multi
                line",answer,,hard,,,
                bad,row,,,,,many
                """);
        Cli.Result result = cli.run("import", "test-cases", path.toString(), "--test-id", testId);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.SERVER);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("accepted").asInt()).isEqualTo(2);
        assertThat(report.get("rejections").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(report.get("rejections").get(0).get("reason").asString()).contains("maxIterations must be an integer");

        List<TestCaseResponse> cases = client.testCases().list(ListOptions.none().filter("testIds", testId).sort("createdAt", false));
        assertThat(cases).hasSize(2);
        TestCaseResponse first = cases.get(0);
        assertThat(first.input()).isEqualTo("What is 2+2?");
        assertThat(first.expectedOutput()).isEqualTo("4");
        assertThat(first.variant()).isEqualTo("easy");
        assertThat(first.source()).isEqualTo("manual");
        assertThat(first.expectedTools()).containsExactly("calculator", "search", "browser");
        assertThat(first.maxIterations()).isEqualTo(3);
        assertThat(cases.get(1).input()).isEqualTo("Multi\nline");
    }

    @Test
    void behaviorTestCases_needPersonaScenarioAndGoal() throws Exception {
        String testId = client.tests().create(CreateTestRequest.forProduct(productId, "behavior", "BEHAVIOR").build()).id();
        Path path = directory.resolve("cases.jsonl");
        Files.writeString(path, """
                {"user_persona":"a shopper","scenario":"returns a coat","goal":"get a refund","stoppingCriterias":["GOAL_ACHIEVED"]}
                {"scenario":"no persona"}
                """);
        Cli.Result result = cli.run("import", "test-cases", path.toString(), "--test-id", testId);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("rejections").get(0).get("reason").asString()).contains("userPersona").contains("goal");
        assertThat(client.testCases().list(ListOptions.none().filter("testIds", testId)).get(0).stoppingCriterias())
                .containsExactly("GOAL_ACHIEVED");
    }

    @Test
    void export_streamsEveryRow_asJsonlOrCsv_andTheJsonlImportsBack() throws Exception {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            file.append("{\"sessionId\":\"").append(sessionId).append("\",\"input\":\"q").append(i).append("\",\"output\":\"a").append(i)
                    .append("\"}\n");
        }
        Path source = directory.resolve("source.jsonl");
        Files.writeString(source, file);
        assertThat(cli.run("import", "turns", source.toString()).exitCode()).isZero();

        Path exported = directory.resolve("export.jsonl");
        Cli.Result export = cli.run("export", "turns", "--session-ids", sessionId, "--file", exported.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(Files.readAllLines(exported)).hasSize(25);
        assertThat(export.err()).contains("export turns: rows 25").contains("done");

        Cli.Result csv = cli.run("export", "turns", "--session-ids", sessionId, "-o", "csv");
        assertThat(csv.out().strip().lines()).hasSize(26);
        assertThat(csv.out()).startsWith("id,sessionId,");
        assertThat(cli.run("export", "turns", "--session-ids", sessionId, "--limit", "10").exitCode()).isEqualTo(ExitCode.USAGE);

        // Sessions have no export route: their export pages through the list, here one row a page.
        Path sessions = directory.resolve("sessions.jsonl");
        Cli.Result pagedExport = cli.run("export", "sessions", "--version-ids", versionId, "--limit", "1", "--file", sessions.toString());
        assertThat(pagedExport.exitCode()).as(pagedExport.toString()).isZero();

        String other = client.sessions().create(CreateSessionRequest.forVersion(versionId)).id();
        assertThat(Files.readAllLines(sessions)).hasSize(1);
        Cli.Result back = cli.run("import", "turns", exported.toString(), "--session-id", other);
        assertThat(back.exitCode()).as(back.toString()).isZero();
        // Exported rows name their session, which wins over --session-id: they go back to the first session.
        assertThat(client.inferenceResults().list(ListOptions.none().filter("sessionIds", sessionId))).hasSize(50);
        assertThat(JSON.readTree(back.out()).get("ignoredFields").toString()).contains("index").contains("status");
    }
}

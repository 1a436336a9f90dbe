package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** API commands run in this JVM against the packaged server: exit codes, output formats, paging, profiles. */
class CommandsIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Cli cli;
    private Path configDir;
    private String baseUrl;

    @BeforeEach
    void setUp() throws Exception {
        baseUrl = TestServer.get().baseUrl();
        configDir = Files.createDirectories(Path.of("target", "cli-config-" + UUID.randomUUID()));
        cli = new Cli(baseUrl, TestServer.KEY, configDir);
    }

    @Test
    void create_get_delete_printTheServersObjects_andExitZero() {
        String name = "cli-product-" + UUID.randomUUID();
        Cli.Result created = cli.run("products", "create", "--name", name, "--description", "from the CLI");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        JsonNode product = JSON.readTree(created.out());
        assertThat(product.get("name").asString()).isEqualTo(name);
        assertThat(product.get("description").asString()).isEqualTo("from the CLI");
        String id = product.get("id").asString();

        Cli.Result got = cli.run("products", "get", id, "-o", "jsonl");
        assertThat(got.exitCode()).isZero();
        assertThat(got.out().strip().lines()).hasSize(1);
        assertThat(JSON.readTree(got.out()).get("id").asString()).isEqualTo(id);

        assertThat(cli.run("products", "delete", id).exitCode()).isZero();
        Cli.Result gone = cli.run("products", "get", id);
        assertThat(gone.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(gone.err()).contains("PRODUCT_NOT_FOUND").contains("error: 404");
        assertThat(gone.out()).isEmpty();
    }

    @Test
    void dataFromStdinOrFile_andFlagsOverrideIt() throws Exception {
        String name = "cli-data-" + UUID.randomUUID();
        Cli.Result fromStdin = cli.runWithInput("{\"name\":\"" + name + "\",\"description\":\"stdin\"}",
                "products", "create", "--data", "-", "--description", "flag");
        assertThat(fromStdin.exitCode()).as(fromStdin.toString()).isZero();
        assertThat(JSON.readTree(fromStdin.out()).get("description").asString()).isEqualTo("flag");

        Path file = configDir.resolve("version.json");
        String productId = JSON.readTree(fromStdin.out()).get("id").asString();
        Files.writeString(file, "{\"productId\":\"" + productId + "\",\"name\":\"v1\",\"modelId\":\"gpt\"}");
        Cli.Result fromFile = cli.run("versions", "create", "--data", "@" + file);
        assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
        assertThat(JSON.readTree(fromFile.out()).get("modelId").asString()).isEqualTo("gpt");
    }

    @Test
    void everyErrorClass_hasItsExitCode_andTheServersCodeOnStderr() {
        // 1: usage, nothing sent.
        assertThat(cli.run("products", "create", "--nme", "x").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("products", "create", "--data", "{\"nme\":\"x\"}").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("products", "create", "--data", "{not json").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("no-such-noun").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(cli.run("products", "list", "--limit", "many").exitCode()).isEqualTo(ExitCode.USAGE);

        // 2: the server refused (400) or could not be reached.
        String name = "cli-dup-" + UUID.randomUUID();
        assertThat(cli.run("products", "create", "--name", name).exitCode()).isZero();
        Cli.Result duplicate = cli.run("products", "create", "--name", name);
        assertThat(duplicate.exitCode()).isEqualTo(ExitCode.SERVER);
        assertThat(duplicate.err()).contains("400").contains("DUPLICATE_NAME").contains("same Name");
        Cli.Result invalid = cli.run("products", "list", "--limit", "-5");
        assertThat(invalid.exitCode()).isEqualTo(ExitCode.SERVER);
        Cli.Result unreachable = cli.run("products", "list", "--base-url", "http://127.0.0.1:9");
        assertThat(unreachable.exitCode()).isEqualTo(ExitCode.SERVER);
        assertThat(unreachable.err()).contains("Cannot reach http://127.0.0.1:9");

        // 3: not found.
        assertThat(cli.run("sessions", "get", "session_unknown").exitCode()).isEqualTo(ExitCode.NOT_FOUND);

        // 4: a wrong key, or none at all.
        Cli.Result wrongKey = cli.run("products", "list", "--api-key", "gsk_not-a-key-of-this-server");
        assertThat(wrongKey.exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(wrongKey.err()).contains("401");
        Cli.Result noKey = new Cli(baseUrl, "", configDir).without("ASSAY_API_KEY").run("products", "list");
        assertThat(noKey.exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(noKey.err()).contains("No API key");
    }

    @Test
    void outputFormats_jsonArray_jsonl_csv_table() {
        String prefix = "cli-fmt-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(cli.run("products", "create", "--name", prefix + "-" + i).exitCode()).isZero();
        }
        String names = prefix + "-0," + prefix + "-1," + prefix + "-2";

        JsonNode array = JSON.readTree(cli.run("products", "list", "--names", names, "-o", "json").out());
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isEqualTo(3);

        List<String> jsonl = cli.run("products", "list", "--names", names, "-o", "jsonl").out().strip().lines().toList();
        assertThat(jsonl).hasSize(3).allSatisfy(line -> assertThat(JSON.readTree(line).get("name").asString()).startsWith(prefix));

        List<String> csv = cli.run("products", "list", "--names", names, "-o", "csv", "--sort", "name,asc").out().strip().lines().toList();
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("id,name,description,");
        assertThat(csv.get(1)).contains(prefix + "-0");

        List<String> table = cli.run("products", "list", "--names", names, "-o", "table", "--sort", "name,desc").out().lines().toList();
        assertThat(table.get(0)).startsWith("id").contains("name").contains("createdAt");
        assertThat(table).hasSize(4);
        assertThat(table.get(1)).contains(prefix + "-2");

        assertThat(cli.run("products", "list", "--names", "nothing-" + prefix, "-o", "json").out().strip()).isEqualTo("[]");
    }

    @Test
    void all_pagesThroughEveryRow() {
        String prefix = "cli-page-" + UUID.randomUUID();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            assertThat(cli.run("products", "create", "--name", prefix + i).exitCode()).isZero();
            names.append(i == 0 ? "" : ",").append(prefix).append(i);
        }
        JsonNode firstPage = JSON.readTree(cli.run("products", "list", "--names", names.toString(), "--limit", "2").out());
        assertThat(firstPage.size()).isEqualTo(2);
        JsonNode all = JSON.readTree(cli.run("products", "list", "--names", names.toString(), "--limit", "2", "--all").out());
        assertThat(all.size()).isEqualTo(5);
        assertThat(all.findValuesAsString("id")).doesNotHaveDuplicates();
    }

    @Test
    void profiles_storeTheKeyPrivately_neverPrintIt_andAreUsed() throws Exception {
        Cli bare = new Cli(baseUrl, "", configDir).without("ASSAY_API_KEY").without("ASSAY_BASE_URL");
        Cli.Result set = bare.runWithInput(TestServer.KEY + "\n", "profile", "set", "local", "--url", baseUrl, "--key-stdin", "--use");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out() + set.err()).doesNotContain(TestServer.KEY);

        Path file = configDir.resolve("config.json");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        Cli.Result listed = bare.run("profile", "list", "-o", "json");
        assertThat(listed.out()).doesNotContain(TestServer.KEY).contains("local").contains("…0001");

        assertThat(bare.run("products", "list", "--limit", "1").exitCode()).isZero();
        assertThat(bare.run("products", "list", "--profile", "missing").exitCode()).isEqualTo(ExitCode.USAGE);

        assertThat(bare.runWithInput("gsk_wrong-key-for-profile\n", "profile", "set", "wrong", "--url", baseUrl, "--key-stdin").exitCode())
                .isZero();
        assertThat(bare.run("products", "list", "-p", "wrong").exitCode()).isEqualTo(ExitCode.AUTH);
        assertThat(bare.with("ASSAY_PROFILE", "wrong").run("products", "list").exitCode()).isEqualTo(ExitCode.AUTH);
    }

    @Test
    void completion_coversTheCommandTree() {
        Cli.Result completion = cli.run("completion");
        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).contains("complete -F").contains("products").contains("inference-results")
                .contains("--fail-on");
    }

    @Test
    void sessionUpdate_clearsWithNull_andKeepsAbsentFields() {
        String productId = JSON.readTree(cli.run("products", "create", "--name", "cli-upd-" + UUID.randomUUID()).out()).get("id")
                .asString();
        String sessionCreated = cli.run("sessions", "create", "--product-id", productId, "--context", "ctx",
                "--metadata", "{\"team\":\"a\"}", "--custom-id", "c1").out();
        String sessionId = JSON.readTree(sessionCreated).get("id").asString();

        Cli.Result updated = cli.run("sessions", "update", sessionId, "--data", "{\"context\":null}", "--status", "COMPLETED");
        assertThat(updated.exitCode()).as(updated.toString()).isZero();
        JsonNode session = JSON.readTree(updated.out());
        assertThat(session.get("context").isNull()).isTrue();
        assertThat(session.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(session.get("customId").asString()).isEqualTo("c1");
        assertThat(session.get("metadata").get("team").asString()).isEqualTo("a");
    }

    @Test
    void traces_createListAndTree() {
        String productId = JSON.readTree(cli.run("products", "create", "--name", "cli-trace-" + UUID.randomUUID()).out()).get("id")
                .asString();
        String sessionId = JSON.readTree(cli.run("sessions", "create", "--product-id", productId).out()).get("id").asString();
        String turnId = JSON.readTree(cli.run("inference-results", "create", "--session-id", sessionId, "--input", "q",
                "--actual-output", "a", "--latency", "12.5").out()).get("id").asString();

        Cli.Result parent = cli.run("traces", "create", "--inference-result-id", turnId, "--name", "agent", "--type", "AGENT");
        assertThat(parent.exitCode()).as(parent.toString()).isZero();
        String parentId = JSON.readTree(parent.out()).get("id").asString();
        Cli.Result child = cli.run("traces", "create", "--inference-result-id", turnId, "--name", "search", "--type", "TOOL",
                "--parent-trace-id", parentId, "--input-data", "{\"query\":\"refund\"}");
        assertThat(child.exitCode()).as(child.toString()).isZero();
        assertThat(JSON.readTree(child.out()).get("inputData").get("query").asString()).isEqualTo("refund");

        JsonNode listed = JSON.readTree(cli.run("traces", "list", "--inference-result-ids", turnId, "--types", "TOOL").out());
        assertThat(listed.size()).isEqualTo(1);
        Cli.Result tree = cli.run("traces", "tree", turnId);
        assertThat(tree.exitCode()).as(tree.toString()).isZero();
        assertThat(tree.out()).contains("agent").contains("search");
        assertThat(cli.run("traces", "get", "trace_unknown").exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    }
}

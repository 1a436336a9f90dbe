package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The packaged {@code target/assay.jar} and the {@code target/assay} launcher as separate processes. */
class ProcessIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Cli cli;
    private Path directory;

    @BeforeEach
    void setUp() throws Exception {
        directory = Files.createDirectories(Path.of("target", "cli-process-" + UUID.randomUUID()));
        cli = new Cli(TestServer.get().baseUrl(), TestServer.KEY, directory);
    }

    @Test
    void help_version_andUsageErrors() throws Exception {
        Cli.Result help = cli.process("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: assay").contains("Exit codes:").contains("10  regression");
        assertThat(cli.process("--version").out()).startsWith("assay ");
        Cli.Result usage = cli.process("products", "frobnicate");
        assertThat(usage.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(usage.err()).contains("frobnicate");
    }

    @Test
    void apiCalls_exitCodesAndJsonWhenPiped() throws Exception {
        String name = "cli-process-" + UUID.randomUUID();
        Cli.Result created = cli.process("products", "create", "--name", name);
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(JSON.readTree(created.out()).get("name").asString()).isEqualTo(name);
        assertThat(cli.process("products", "create", "--name", name).exitCode()).isEqualTo(ExitCode.SERVER);
        Cli.Result missing = cli.process("products", "get", "product_unknown");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(missing.err()).contains("PRODUCT_NOT_FOUND");
        assertThat(cli.process("products", "list", "--api-key", "gsk_wrong-key-of-a-process").exitCode()).isEqualTo(ExitCode.AUTH);
    }

    @Test
    void import_printsPlainProgressLines_whenNotATerminal() throws Exception {
        String product = JSON.readTree(cli.process("products", "create", "--name", "cli-pp-" + UUID.randomUUID()).out()).get("id")
                .asString();
        String session = JSON.readTree(cli.process("sessions", "create", "--product-id", product).out()).get("id").asString();
        StringBuilder file = new StringBuilder("sessionId,input,output\n");
        for (int i = 0; i < 40; i++) {
            file.append(session).append(",q").append(i).append(",a").append(i).append('\n');
        }
        Path path = directory.resolve("turns.csv");
        Files.writeString(path, file);
        Cli.Result result = cli.process("import", "turns", path.toString(), "--batch-size", "7");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).doesNotContain("\r");
        assertThat(result.err().lines().toList()).last().asString()
                .startsWith("import turns: rows 40, accepted 40, rejected 0, offset 40").endsWith("(100%), done");
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("accepted").asInt()).isEqualTo(40);
    }

    /**
     * On a terminal the progress is one bar redrawn in place. The process runs under
     * {@code script(1)}, which gives it a pseudo-terminal and copies what it draws (standard output
     * and error together) to its own standard output.
     */
    @Test
    void import_drawsAProgressBarInPlace_onATerminal() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) from util-linux gives the process a terminal");
        String product = JSON.readTree(cli.process("products", "create", "--name", "cli-tty-" + UUID.randomUUID()).out()).get("id")
                .asString();
        String session = JSON.readTree(cli.process("sessions", "create", "--product-id", product).out()).get("id").asString();
        StringBuilder file = new StringBuilder("sessionId,input,output\n");
        for (int i = 0; i < 40; i++) {
            file.append(session).append(",q").append(i).append(",a").append(i).append('\n');
        }
        Path path = directory.resolve("turns.csv");
        Files.writeString(path, file);
        String command = String.join(" ", TestServer.java(), "-jar", "target/assay.jar", "import", "turns", path.toString(),
                "--batch-size", "7");

        Cli.Result result = cli.exec(List.of("/usr/bin/script", "--quiet", "--return", "--command", command, "/dev/null"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).as(result.toString())
                .contains("\rimport turns [" + "#".repeat(30) + "] 100% rows 40, accepted 40, rejected 0, offset 40")
                .doesNotContain("import turns: rows");
    }

    @Test
    void sigterm_stopsAnImportAfterTheRequestInFlight_andTheOffsetIsExact() throws Exception {
        String product = JSON.readTree(cli.process("products", "create", "--name", "cli-stop-" + UUID.randomUUID()).out()).get("id")
                .asString();
        String session = JSON.readTree(cli.process("sessions", "create", "--product-id", product).out()).get("id").asString();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            file.append("{\"input\":\"q").append(i).append("\",\"output\":\"a").append(i).append("\"}\n");
        }
        Path path = directory.resolve("many.jsonl");
        Files.writeString(path, file);
        Path out = directory.resolve("stop.out");
        Path err = directory.resolve("stop.err");
        ProcessBuilder builder = new ProcessBuilder(TestServer.java(), "-jar", "target/assay.jar", "import", "turns", path.toString(),
                "--session-id", session, "--batch-size", "50").redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("ASSAY_BASE_URL", TestServer.get().baseUrl());
        builder.environment().put("ASSAY_API_KEY", TestServer.KEY);
        builder.environment().put("ASSAY_CONFIG_DIR", directory.toString());
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(err).contains("import turns: rows") && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(process.isAlive()).as("the import must still run when it is stopped").isTrue();
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        JsonNode report = JSON.readTree(Files.readString(out));
        assertThat(report.get("complete").asBoolean()).isFalse();
        assertThat(report.get("stoppedBecause").asString()).isEqualTo("interrupted");
        long offset = report.get("offset").asLong();
        assertThat(offset).isPositive().isLessThan(30_000);
        assertThat(Files.readString(err)).contains("resume with --offset " + offset);
        JsonNode turns = JSON.readTree(cli.process("inference-results", "list", "--session-ids", session, "--all").out());
        assertThat(turns.size()).isEqualTo((int) offset);

        Cli.Result resumed = cli.process("import", "turns", path.toString(), "--session-id", session, "--offset",
                Long.toString(offset), "--batch-size", "500");
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(JSON.readTree(resumed.out()).get("accepted").asLong()).isEqualTo(30_000 - offset);
    }

    @Test
    void launcherScript_runsTheJar() throws Exception {
        Path java = Path.of(TestServer.java());
        Cli.Result version = cli.with("ASSAY_JAVA", java.toString()).with("XDG_CACHE_HOME", directory.resolve("cache").toString())
                .exec(List.of("target/assay", "--version"));
        assertThat(version.exitCode()).as(version.toString()).isZero();
        assertThat(version.out()).startsWith("assay ");
        assertThat(version.err()).isEmpty();
    }
}

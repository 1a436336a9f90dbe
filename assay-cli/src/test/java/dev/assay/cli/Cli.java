package dev.assay.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code assay} in this JVM or as {@code java -jar target/assay.jar}, and keeps what it printed. */
final class Cli {
    /** What one run returned and printed. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();

    Cli(String baseUrl, String apiKey, Path configDir) {
        env.put("ASSAY_BASE_URL", baseUrl);
        env.put("ASSAY_API_KEY", apiKey);
        env.put("ASSAY_CONFIG_DIR", configDir.toString());
    }

    Cli without(String variable) {
        env.remove(variable);
        return this;
    }

    Cli with(String variable, String value) {
        env.put(variable, value);
        return this;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    /** In this JVM, standard output not a terminal. */
    Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AssayCli.run(args, new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.copyOf(env), () -> false);
        return new Result(code, out.toString(), err.toString());
    }

    /** As a separate process: {@code java -jar target/assay.jar args...}. */
    Result process(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TestServer.java(), "-jar", "target/assay.jar"));
        command.addAll(List.of(args));
        return exec(command);
    }

    Result exec(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(Path.of("target"), "cli-out", ".txt");
        Path err = Files.createTempFile(Path.of("target"), "cli-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("ASSAY_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("assay did not exit: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}

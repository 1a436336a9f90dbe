package dev.assay.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code assay-server/target/assay-server.jar}, built earlier in the reactor)
 * on embedded PostgreSQL, one process for all the command-line tests of this JVM, stopped when
 * the JVM exits.
 */
final class TestServer {
    static final String KEY = "gsk_cli-integration-test-key-0001";
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(180);
    private static TestServer instance;

    private final Process process;
    private final int port;

    private TestServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static synchronized TestServer get() throws IOException, InterruptedException {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    private static TestServer start() throws IOException, InterruptedException {
        Path jar = Path.of("..", "assay-server", "target", "assay-server.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Package assay-server first: " + jar.toAbsolutePath() + " is missing");
        }
        Path directory = Files.createDirectories(Path.of("target", "cli-it-" + UUID.randomUUID()));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(java(), "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(directory.resolve("server.log").toFile());
        builder.environment().put("ASSAY_DATA_DIR", directory.resolve("data").toString());
        builder.environment().put("ASSAY_BOOTSTRAP_API_KEY", KEY);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        TestServer server = new TestServer(builder.start(), port);
        server.awaitHealthy();
        return server;
    }

    /** The java binary of this JVM (the build's toolchain JDK). */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server process exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        stop();
        throw new IllegalStateException("The server did not become healthy within " + STARTUP_LIMIT);
    }

    private void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

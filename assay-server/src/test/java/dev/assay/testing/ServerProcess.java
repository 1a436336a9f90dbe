package dev.assay.testing;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The packaged server ({@code target/assay-server.jar}) running as a separate operating-system
 * process, for tests that kill it the way a machine or an operator would.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(300);

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the jar with the environment given and waits until its health check answers UP. */
    public static ServerProcess start(Path logFile, Map<String, String> environment, List<String> arguments)
            throws IOException, InterruptedException {
        ServerProcess server = launch(logFile, environment, arguments);
        server.awaitHealthy();
        return server;
    }

    /** Starts the jar and returns at once, for tests that act while it is still starting. */
    public static ServerProcess launch(Path logFile, Map<String, String> environment, List<String> arguments)
            throws IOException {
        Path jar = Path.of("target", "assay-server.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Run the integration tests after `package`: " + jar.toAbsolutePath() + " is missing");
        }
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        return new ServerProcess(builder.start(), port);
    }

    /**
     * Starts the server through the launcher script next to the jar ({@code target/assay-server}),
     * with this JVM's java, and waits until its health check answers UP.
     */
    public static ServerProcess startWithLauncher(Path logFile, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path launcher = Path.of("target", "assay-server");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("Run the integration tests after `package`: " + launcher.toAbsolutePath() + " is missing");
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(launcher.toString()).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("ASSAY_JAVA", ProcessHandle.current().info().command().orElse("java"));
        builder.environment().put("JAVA_OPTS", "-Xmx512m");
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        ServerProcess server = new ServerProcess(builder.start(), port);
        server.awaitHealthy();
        return server;
    }

    /** The arguments the process runs with (the launcher replaces itself with the JVM). */
    public List<String> arguments() {
        return process.info().arguments().map(List::of).orElse(List.of());
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * SIGTERM, then waits up to {@code limit} for the process to end; answers how long it took, or
     * null when it was still running (it is then killed).
     */
    public @Nullable Duration terminate(Duration limit) throws InterruptedException {
        Instant sent = Instant.now();
        process.destroy();
        if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return Duration.between(sent, Instant.now());
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return null;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the server stops gracefully, and its embedded database with it. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Waits until the health check answers UP; fails when the process exits or takes too long. */
    public void awaitHealthy() throws InterruptedException {
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
        process.destroyForcibly();
        throw new IllegalStateException("The server did not become healthy within " + STARTUP_LIMIT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

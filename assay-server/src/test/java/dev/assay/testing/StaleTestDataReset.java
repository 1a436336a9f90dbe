package dev.assay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Deletes the integration tests' data directories under {@code target/} when the Flyway
 * migrations have changed since they were created, so an edited or reordered migration can never
 * break a rerun against a database that an older migration set built. Runs once per test run,
 * before any test starts a server.
 */
public final class StaleTestDataReset implements LauncherSessionListener {
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path TARGET = Path.of("target");
    static final Path MARKER = TARGET.resolve("test-data.migrations-sha256");

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Files.isDirectory(MIGRATIONS) || !Files.isDirectory(TARGET)) {
            return;
        }
        resetIfMigrationsChanged(MIGRATIONS, TARGET, MARKER);
    }

    /** Deletes every {@code *-data*} directory in {@code target} whose migrations differ from {@code marker}'s. */
    static boolean resetIfMigrationsChanged(Path migrations, Path target, Path marker) {
        try {
            String digest = digestOf(migrations);
            if (Files.exists(marker) && Files.readString(marker).strip().equals(digest)) {
                return false;
            }
            try (Stream<Path> children = Files.list(target)) {
                for (Path child : children.filter(StaleTestDataReset::isTestDataDirectory).toList()) {
                    deleteRecursively(child);
                }
            }
            Files.writeString(marker, digest);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isTestDataDirectory(Path path) {
        return Files.isDirectory(path) && path.getFileName().toString().contains("-data");
    }

    /** SHA-256 over the migrations' names and contents, in name order. */
    static String digestOf(Path migrations) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(migrations)) {
            files = listed.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            sha256.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(Files.readAllBytes(file));
            sha256.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

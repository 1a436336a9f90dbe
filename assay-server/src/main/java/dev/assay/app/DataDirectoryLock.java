package dev.assay.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exclusive use of an embedded data directory by one Assay process, held as an OS file lock that
 * ends with the process however it ends.
 *
 * <p>The embedded PostgreSQL runs as a child process that outlives an Assay killed with
 * {@code kill -9}. Holding the lock proves that no other Assay uses the directory, so a
 * PostgreSQL still serving it is such an orphan: it is shut down (fast mode, so PostgreSQL
 * recovers from its write-ahead log as after any crash) before a new one starts.
 */
final class DataDirectoryLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DataDirectoryLock.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final Path dataDirectory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path dataDirectory, FileChannel channel, FileLock lock) {
        this.dataDirectory = dataDirectory;
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        FileChannel channel = FileChannel.open(dataDirectory.resolve("assay.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another Assay process is using the data directory " + dataDirectory
                    + "; stop it or set ASSAY_DATA_DIR to another directory");
        }
        return new DataDirectoryLock(dataDirectory, channel, lock);
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** Shuts down a PostgreSQL left running on the directory by a previous Assay that died. */
    void stopOrphanedPostgres(Path postgresDirectory) throws IOException {
        Optional<ProcessHandle> orphan = postmaster(postgresDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = orphan.get();
        log.warn("Embedded PostgreSQL (pid {}) outlived the previous Assay process; shutting it down", postmaster.pid());
        // SIGINT is PostgreSQL's fast shutdown: it disconnects clients and exits cleanly.
        new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start();
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL (pid {}) did not stop in {}; killing it", postmaster.pid(), SHUTDOWN_WAIT);
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping an orphaned PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException("Could not wait for an orphaned PostgreSQL to stop", e);
        }
    }

    private static Optional<ProcessHandle> postmaster(Path postgresDirectory) throws IOException {
        Path pidFile = postgresDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(false));
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}

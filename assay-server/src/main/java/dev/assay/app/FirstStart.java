package dev.assay.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the embedded cluster so that a crash at any point of a first start leaves either no
 * cluster or a whole one (docs/decisions/0009-crash-safe-first-start.md): {@code initdb} runs in a
 * temporary directory beside the real one, which is renamed into place only once the cluster has
 * started and stopped cleanly. A rename within one directory is atomic.
 */
final class FirstStart {
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    static final String TEMPORARY_PREFIX = "postgres.init-";
    static final String INCOMPLETE_PREFIX = "postgres.incomplete-";

    /** Starts (initdb included) and returns a cluster in a directory; closing it stops it. */
    @FunctionalInterface
    interface ClusterStarter {
        EmbeddedPostgres start(Path directory) throws IOException;
    }

    private FirstStart() {}

    /**
     * Makes sure {@code postgresDirectory} holds a whole cluster, creating one if needed. The
     * caller holds the data-directory lock. Answers whether the cluster existed before.
     */
    static boolean prepare(DataDirectoryLock lock, Path postgresDirectory, ClusterStarter starter) throws IOException {
        removeTemporaryClusters(lock, lock.dataDirectory());
        if (Files.exists(postgresDirectory.resolve("global").resolve("pg_control"))) {
            return true;
        }
        if (Files.exists(postgresDirectory)) {
            setAside(postgresDirectory);
        }
        Path temporary = postgresDirectory.resolveSibling(TEMPORARY_PREFIX + UUID.randomUUID());
        log.info("Creating the embedded PostgreSQL cluster in {}", temporary);
        try (EmbeddedPostgres cluster = starter.start(temporary)) {
            log.debug("Cluster {} created on port {}", temporary, cluster.getPort());
        }
        Files.move(temporary, postgresDirectory, StandardCopyOption.ATOMIC_MOVE);
        return false;
    }

    /** Clusters of first starts that died before their rename: nothing was ever stored in them. */
    private static void removeTemporaryClusters(DataDirectoryLock lock, Path dataDirectory) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dataDirectory, TEMPORARY_PREFIX + "*")) {
            for (Path leftover : leftovers) {
                log.warn("Removing {}, left by a first start that did not finish", leftover);
                lock.stopOrphanedPostgres(leftover);
                deleteRecursively(leftover);
            }
        }
    }

    /**
     * A {@code postgres} directory without {@code global/pg_control} is no usable cluster (an
     * initdb interrupted by an older Assay that ran it in place). It is kept aside, not deleted.
     */
    private static void setAside(Path postgresDirectory) throws IOException {
        try (Stream<Path> entries = Files.list(postgresDirectory)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(postgresDirectory);
                return;
            }
        }
        Path aside = postgresDirectory.resolveSibling(INCOMPLETE_PREFIX + Instant.now().toEpochMilli());
        log.warn("{} holds no complete PostgreSQL cluster (an interrupted initdb); moving it to {} and creating a new one",
                postgresDirectory, aside);
        Files.move(postgresDirectory, aside, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

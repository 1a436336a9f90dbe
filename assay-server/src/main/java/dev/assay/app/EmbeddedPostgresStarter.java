package dev.assay.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the configuration is known,
 * so that it runs while Spring builds its context instead of after it
 * (docs/decisions/0007-start-up.md). {@link EmbeddedDatabaseConfiguration} takes what this
 * started, or starts PostgreSQL itself when nothing was started early (an application built
 * without this listener, as tests do). A start that fails before the context took the database
 * stops it again.
 */
final class EmbeddedPostgresStarter implements SmartApplicationListener {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresStarter.class);

    /** The lock of the data directory and the PostgreSQL running in it. */
    record Started(DataDirectoryLock lock, EmbeddedPostgres postgres) {}

    private static final Object GUARD = new Object();
    private static @Nullable Path earlyDirectory;
    private static @Nullable CompletableFuture<Started> early;

    private final Function<Path, Started> start;

    EmbeddedPostgresStarter(Function<Path, Started> start) {
        this.start = start;
    }

    @Override
    public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
        return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
                || ApplicationFailedEvent.class.isAssignableFrom(eventType);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            begin(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent) {
            abandon();
        }
    }

    private void begin(ConfigurableEnvironment environment) {
        if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
            return;
        }
        Path directory = Binder.get(environment).bind("assay.data-dir", Path.class).orElseGet(() -> Path.of("./assay-data"))
                .toAbsolutePath().normalize();
        synchronized (GUARD) {
            earlyDirectory = directory;
            early = CompletableFuture.supplyAsync(() -> start.apply(directory), runnable -> {
                Thread thread = new Thread(runnable, "embedded-postgres-start");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    /**
     * What the early start gave for this data directory, waiting for it to finish; null when
     * nothing was started early for it. Hands the database over once: the caller closes it.
     */
    static @Nullable Started take(Path directory) throws IOException {
        CompletableFuture<Started> future;
        synchronized (GUARD) {
            future = early;
            if (future == null || !directory.equals(earlyDirectory)) {
                return null;
            }
            early = null;
            earlyDirectory = null;
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while the embedded PostgreSQL started", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    /** The application failed before it took the database: stop it and release the directory. */
    private static void abandon() {
        Started started;
        try {
            Path directory;
            synchronized (GUARD) {
                directory = earlyDirectory;
            }
            started = directory == null ? null : take(directory);
        } catch (IOException | RuntimeException e) {
            return; // the start itself failed: nothing runs
        }
        if (started == null) {
            return;
        }
        try (DataDirectoryLock lock = started.lock(); EmbeddedPostgres postgres = started.postgres()) {
            log.info("Stopping the embedded PostgreSQL of a failed start");
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL after a failed start", e);
        }
    }
}

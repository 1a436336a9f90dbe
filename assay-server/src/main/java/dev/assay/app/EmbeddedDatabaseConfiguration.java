package dev.assay.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.assay.common.AssayProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-configuration storage: when no {@code spring.datasource.url} is set, Assay starts an
 * embedded PostgreSQL whose data lives in {@code ASSAY_DATA_DIR} and survives restarts, also
 * restarts after a crash (see {@link DataDirectoryLock}). Commits are durable: unlike a test
 * database, the embedded server runs with {@code fsync} and synchronous commits on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** What {@link EmbeddedPostgresStarter} started early, until {@link #embeddedPostgres} takes it. */
    private EmbeddedPostgresStarter.@Nullable Started early;

    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(AssayProperties properties) throws IOException {
        Path directory = properties.dataDir().toAbsolutePath().normalize();
        early = EmbeddedPostgresStarter.take(directory);
        return early != null ? early.lock() : DataDirectoryLock.acquire(directory);
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectoryLock lock) throws IOException {
        EmbeddedPostgresStarter.Started started = early;
        early = null;
        if (started != null && started.lock() == lock) {
            return started.postgres();
        }
        return start(lock);
    }

    /** Starts the data directory's PostgreSQL, creating the cluster on a first start. */
    static EmbeddedPostgres start(DataDirectoryLock lock) throws IOException {
        Path postgresDirectory = lock.dataDirectory().resolve("postgres");
        lock.stopOrphanedPostgres(postgresDirectory);
        boolean existing = FirstStart.prepare(lock, postgresDirectory, directory -> builder(directory).start());
        log.info("Starting embedded PostgreSQL in {} ({})", postgresDirectory, existing ? "existing data" : "new cluster");
        return builder(postgresDirectory).start();
    }

    /** Locks the data directory and starts its PostgreSQL: what {@link EmbeddedPostgresStarter} runs early. */
    static EmbeddedPostgresStarter.Started lockAndStart(Path directory) {
        try {
            DataDirectoryLock lock = DataDirectoryLock.acquire(directory);
            try {
                return new EmbeddedPostgresStarter.Started(lock, start(lock));
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path directory) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // PostgreSQL stops when this bean is destroyed, after the pool closed: the library's own
                // JVM hook would stop it at SIGTERM while requests still drain (docs/decisions/0008-shutdown-order.md).
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(16);
        config.setPoolName("assay-embedded");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }
}

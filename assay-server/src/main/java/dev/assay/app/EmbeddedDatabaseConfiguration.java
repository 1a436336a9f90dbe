package dev.assay.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import dev.assay.common.AssayProperties;

/**
 * Zero-configuration storage: when no {@code spring.datasource.url} is set, Assay starts an
 * embedded PostgreSQL whose data lives in {@code ASSAY_DATA_DIR} and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(AssayProperties properties) throws IOException {
        Path dataDirectory = properties.dataDir().toAbsolutePath().normalize();
        Path postgresDirectory = dataDirectory.resolve("postgres");
        Files.createDirectories(postgresDirectory);
        boolean existing = Files.exists(postgresDirectory.resolve("PG_VERSION"));
        log.info("Starting embedded PostgreSQL in {} ({})", postgresDirectory, existing ? "existing data" : "new cluster");
        return EmbeddedPostgres.builder()
                .setDataDirectory(postgresDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100")
                .start();
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

package dev.assay.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Every migration commits together with its schema-history row (docs/decisions/0009-crash-safe-first-start.md):
 * the tables of a migration are created by the transaction that writes its history row. Were they
 * committed apart, a kill between the two commits would leave tables without their row, and every
 * later start would fail with "already exists".
 */
class MigrationAtomicityIT {

    @Test
    void everyMigration_commitsInTheTransactionOfItsHistoryRow() throws Exception {
        Properties application = application();
        Path directory = Files.createDirectories(Path.of("target", "reliability", "migrations-" + UUID.randomUUID()));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory).start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Map<String, String> lock = Map.of("flyway.postgresql.transactional.lock",
                    application.getProperty("spring.flyway.postgresql.transactional-lock", "true"));
            String locations = application.getProperty("spring.flyway.locations");
            // A run over no migrations creates the history table, so the trigger can be in place first.
            Flyway.configure().dataSource(dataSource).locations("classpath:db/no-migrations").configuration(lock).load().migrate();
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(RECORD_TRANSACTION);
            }

            Flyway.configure().dataSource(dataSource).locations(locations).configuration(lock).load().migrate();

            try (Connection connection = dataSource.getConnection()) {
                assertThat(exists(connection, "SELECT count(*) = 2 FROM migration_transactions")).isTrue();
                assertThat(exists(connection, "SELECT bool_and(same_transaction) FROM migration_transactions"))
                        .as("each migration's tables were created in the transaction that wrote its history row")
                        .isTrue();
            }
        }
    }

    /**
     * Before the history row of V1 or V2 is written, notes whether the table the migration created
     * belongs to the very transaction writing the row (the xmin of its catalog row is that
     * transaction's id).
     */
    private static final String RECORD_TRANSACTION = """
            CREATE TABLE IF NOT EXISTS migration_transactions (version text, same_transaction boolean);
            CREATE OR REPLACE FUNCTION record_history_transaction() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                created text := CASE NEW.version WHEN '1' THEN 'organizations' WHEN '2' THEN 'metrics' END;
            BEGIN
                IF created IS NOT NULL THEN
                    -- false also when the writing transaction cannot even see the table yet
                    INSERT INTO migration_transactions VALUES (NEW.version, coalesce(
                        (SELECT c.xmin::text = (txid_current() % 4294967296)::text
                         FROM pg_class c WHERE c.relname = created AND c.relnamespace = 'public'::regnamespace), false));
                END IF;
                RETURN NEW;
            END $$;
            CREATE OR REPLACE TRIGGER record_history_transaction BEFORE INSERT ON flyway_schema_history
                FOR EACH ROW EXECUTE FUNCTION record_history_transaction();
            """;

    private static boolean exists(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getBoolean(1);
        }
    }

    private static Properties application() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        return yaml.getObject();
    }
}

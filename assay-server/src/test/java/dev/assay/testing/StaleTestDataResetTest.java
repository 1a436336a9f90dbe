package dev.assay.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleTestDataResetTest {

    @TempDir
    Path root;

    @Test
    void changedMigrations_deleteTheDataDirectories_andUnchangedOnesKeepThem() throws IOException {
        Path migrations = Files.createDirectories(root.resolve("migration"));
        Files.writeString(migrations.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
        Path target = Files.createDirectories(root.resolve("target"));
        Path marker = target.resolve("marker");
        Path data = Files.createDirectories(target.resolve("it-data/postgres"));
        Path classes = Files.createDirectories(target.resolve("classes"));

        assertThat(StaleTestDataReset.resetIfMigrationsChanged(migrations, target, marker)).isTrue();
        assertThat(data.getParent()).doesNotExist();
        assertThat(classes).exists();

        Files.createDirectories(data);
        assertThat(StaleTestDataReset.resetIfMigrationsChanged(migrations, target, marker)).isFalse();
        assertThat(data).exists();

        Files.writeString(migrations.resolve("V1__a.sql"), "CREATE TABLE a (id bigint);");
        assertThat(StaleTestDataReset.resetIfMigrationsChanged(migrations, target, marker)).isTrue();
        assertThat(data.getParent()).doesNotExist();
    }
}

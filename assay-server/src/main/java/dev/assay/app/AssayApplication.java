package dev.assay.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Assay server: REST API, PostgreSQL persistence and evaluation workers in one process. */
@SpringBootApplication(scanBasePackages = "dev.assay")
public class AssayApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(AssayApplication.class);
        // The embedded PostgreSQL starts while the context is built (docs/decisions/0007-start-up.md).
        application.addListeners(new EmbeddedPostgresStarter(EmbeddedDatabaseConfiguration::lockAndStart));
        application.run(args);
    }
}

package dev.assay.app;

import static dev.assay.testing.ApiErrors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.MetricResponse;
import dev.assay.api.SessionResponse;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.EvaluationFixtures;
import dev.assay.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exports whose client goes away mid-stream, and exports past {@code assay.export.max-concurrent}
 * (2 in the test server). Each export here is about 40 MB, more than the loopback socket buffers
 * hold, so the server is still writing when the client stops reading.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExportAbortIT extends ApiIntegrationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    @Test
    void abortedExport_endsQuietly_andLeavesItsDatabaseConnectionUsable(CapturedOutput output) throws IOException {
        manyLongEvaluations();

        Tenant empty = newTenant();
        try (Socket export = startExport(tenant.apiKey())) {
            assertThat(export.getInputStream().readNBytes(64 * 1024)).hasSize(64 * 1024);
        }

        // The aborted export's permit comes back when its body has ended, its transaction with it:
        // then a second export can run beside this one (the test server allows two).
        try (Socket beside = startExport(tenant.apiKey())) {
            awaitTrue(() -> raw("GET", "/evaluations/export", null, empty.apiKey()).statusCode() == 200);
        }
        assertThat(output.getAll())
                .doesNotContain("marked as broken")
                .doesNotContain("rollback exception")
                .doesNotContain("Unexpected error");
        assertThat(raw("GET", "/evaluations?limit=1", null, tenant.apiKey()).statusCode()).isEqualTo(200);
    }

    @Test
    void exportsPastTheLimit_are503Overloaded_untilOneEnds() throws IOException {
        manyLongEvaluations();
        List<Socket> running = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket export = startExport(tenant.apiKey());
                running.add(export);
                assertThat(export.getInputStream().readNBytes(1024)).hasSize(1024);
            }

            HttpResponse<String> third = raw("GET", "/evaluations/export", null, tenant.apiKey());

            assertErrorBody(third, ErrorCode.OVERLOADED, "Service Unavailable");
            assertThat(third.headers().firstValue("Retry-After"))
                    .hasValueSatisfying(value -> assertThat(Long.parseLong(value)).isPositive());
        } finally {
            for (Socket export : running) {
                export.close();
            }
        }
        Tenant empty = newTenant();
        awaitTrue(() -> raw("GET", "/evaluations/export", null, empty.apiKey()).statusCode() == 200);
    }

    /** 20,000 evaluations with 2 kB reasons (about 40 MB of JSON Lines), written straight into the table. */
    private void manyLongEvaluations() {
        MetricResponse metric = EvaluationFixtures.aSelfHostedMetric(client);
        SessionResponse session = Fixtures.aSession(client);
        String turn = EvaluationFixtures.aTurn(client, session.id()).id();
        EvaluationResponse template = client.evaluations()
                .createFromInferenceResult(turn, List.of(EvaluationMetric.scored(metric.name(), 0.5)), null).getFirst();
        UUID id = Ids.parse(IdKind.EVALUATION, template.id()).orElseThrow();
        jdbc.sql("""
                INSERT INTO evaluations (id, organization_id, metric_id, session_id, version_id, inference_result_id,
                    status, score, reason, next_attempt_at, created_at)
                SELECT gen_random_uuid(), organization_id, metric_id, session_id, version_id, inference_result_id,
                       status, score, repeat('r', 2000), next_attempt_at, created_at + g * interval '1 millisecond'
                FROM evaluations, generate_series(1, 20000) AS g WHERE id = :id
                """).param("id", id).update();
    }

    /** A raw HTTP/1.1 export request whose body this test reads as slowly as it likes. */
    private Socket startExport(String apiKey) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setReceiveBufferSize(64 * 1024);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /evaluations/export HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + apiKey + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        assertThat(statusLine).isEqualTo("HTTP/1.1 200");
        return socket;
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException(e));
            }
        }
    }
}

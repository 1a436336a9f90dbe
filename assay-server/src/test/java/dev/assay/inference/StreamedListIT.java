package dev.assay.inference;

import static dev.assay.testing.Fixtures.aSession;
import static dev.assay.testing.RawResponses.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.SessionResponse;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** GET /inferenceResults streams its rows; a failure is an error response before the first byte, an aborted connection after. */
class StreamedListIT extends InferenceResultApiTest {
    private static final String LIST_QUERY_START = "SELECT r.id, r.organization_id, r.session_id";

    @Autowired
    JdbcClient jdbc;

    @Test
    void invalidQuery_getsTheErrorBodyAndNoPartialArray() {
        assertError(send("GET", "/inferenceResults?sort=secret", null), 400);
        assertError(send("GET", "/inferenceResults?ids=" + UNKNOWN_ID, null), 404);
    }

    @Test
    void databaseFailureMidStream_closesTheConnectionWithoutEndingTheBody() throws Exception {
        SessionResponse session = aSession(client);
        UUID sessionId = Ids.parse(IdKind.SESSION, session.id()).orElseThrow();
        // 40 MB of turns: far more than the socket buffers take while the client does not read.
        jdbc.sql("""
                INSERT INTO inference_results (id, organization_id, session_id, idx, status, actual_output, created_at)
                SELECT gen_random_uuid(), s.organization_id, s.id, g, 'GENERATED', repeat('x', 10000), now()
                FROM sessions s, generate_series(0, 3999) g WHERE s.id = :id
                """)
                .param("id", sessionId)
                .update();

        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /inferenceResults?limit=10000&sessionIds=" + session.id() + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + tenant.apiKey() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(64 * 1024);
            assertThat(new String(head, 0, 12, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");

            // The server is now blocked writing into full socket buffers, its cursor open between fetches.
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            int terminated = 0;
            while (terminated == 0 && Instant.now().isBefore(deadline)) {
                terminated = jdbc.sql("""
                        SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                        WHERE pid <> pg_backend_pid() AND query LIKE :start AND query LIKE '%session_id IN%') t
                        """)
                        .param("start", LIST_QUERY_START + "%")
                        .query(Integer.class)
                        .single();
                Thread.sleep(50);
            }
            assertThat(terminated).as("the list query's backend").isPositive();

            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            rest.write(head);
            in.transferTo(rest);
            String received = rest.toString(StandardCharsets.ISO_8859_1);
            assertThat(received.length()).as("less than the whole list arrived").isLessThan(40_000_000);
            assertThat(received).doesNotEndWith("\r\n0\r\n\r\n").doesNotContain("\"code\"").doesNotContain("INTERNAL_ERROR");
        }
        // The pool replaced the terminated connection: the server keeps answering.
        assertThat(listIds("sessionIds=" + session.id() + "&limit=3")).hasSize(3);
    }
}

package dev.assay.app;

import static dev.assay.testing.RawResponses.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Requests at the edges of HTTP: each answers a 4xx with the API's error body, never a 500 or a broken pipe. */
class RequestEdgeCasesIT extends ApiIntegrationTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private HttpResponse<String> send(String method, String path, String body, String contentType) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + tenant.apiKey())
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource({
            "POST, /products, */*",
            "POST, /products, application/*",
            "POST, /versions, */*",
            "POST, /sessions, application/*",
            "PATCH, /sessions/session_aaaaaaaaaaaaaaaaaaaaaaaaaa, */*",
            "POST, /inferenceResults, */*",
            "POST, /inferenceResults/batch, application/*",
            "DELETE, /inferenceResults/batch, */*",
            "POST, /metrics, */*",
            "POST, /specifications, application/*",
            "POST, /evaluations/fromInferenceResult, */*",
            "POST, /evaluations/retry, text/*",
            "POST, /apiKeys, */*",
            "POST, /tests, not a media type"
    })
    void bodyRoute_withWildcardOrInvalidContentType_answers415(String method, String path, String contentType) throws Exception {
        HttpResponse<String> response = send(method, path, "{\"name\":\"x\"}", contentType);

        assertThat(assertError(response, 415).get("code").stringValue()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(client.products().list(ListOptions.none())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tags", "userGroupIds"})
    void createMetric_withNullListItem_answers400AndStoresNothing(String field) throws Exception {
        String name = "metric-" + field;

        HttpResponse<String> response = send("POST", "/metrics", "{\"name\":\"" + name + "\",\"" + field + "\":[\"a\",null]}",
                "application/json");

        assertThat(assertError(response, 400).get("message").stringValue()).contains(field);
        assertThat(client.metrics().list(ListOptions.none().filter("names", name))).isEmpty();
    }

    @Test
    void errorPath_requestedDirectly_answers404WithTheErrorBody() {
        JsonNode body = assertError(raw("GET", "/error", null, tenant.apiKey()), 404);

        assertThat(body.get("code").stringValue()).isEqualTo("NOT_FOUND");
        assertError(raw("POST", "/error", "{}", tenant.apiKey()), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health/nothing", "/actuator/health/db/more", "/actuator/nothing"})
    void actuatorSubPath_unknown_answers404WithTheErrorBody(String path) {
        assertThat(assertError(raw("GET", path, null, tenant.apiKey()), 404).get("code").stringValue()).isEqualTo("NOT_FOUND");
    }

    @Test
    void actuatorHealth_stillAnswersItsOwnBody() {
        HttpResponse<String> response = raw("GET", "/actuator/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }

    /** A client that writes its whole request before it reads anything. */
    private String sendWholeThenRead(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < body.length; offset += 64 * 1024) {
                out.write(body, offset, Math.min(64 * 1024, body.length - offset));
            }
            out.flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                answer.write(buffer, 0, read);
                if (answer.toString(StandardCharsets.UTF_8).contains("\"code\"")) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // Whatever arrived is the answer.
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oversizedBody_announced_isAnswered413AfterTheClientSentIt() throws IOException {
        byte[] body = new byte[MAX_BODY_BYTES + 2 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');

        String answer = sendWholeThenRead("POST /products HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + tenant.apiKey()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void oversizedBody_chunked_isAnswered413AfterTheClientSentIt() throws IOException {
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        for (int sent = 0; sent < MAX_BODY_BYTES + 2 * 1024 * 1024; sent += chunk.length) {
            chunked.writeBytes((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.writeBytes(chunk);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        String answer = sendWholeThenRead("POST /products HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + tenant.apiKey()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunked.toByteArray());

        assertThat(answer).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void oversizedBody_withExpectContinue_isAnswered413WithoutTheBody() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /products HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + tenant.apiKey()
                    + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + (MAX_BODY_BYTES + 1)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            assertThat(readAll(socket.getInputStream())).startsWith("HTTP/1.1 413").doesNotContain("HTTP/1.1 100")
                    .contains("PAYLOAD_TOO_LARGE");
        }
    }
}

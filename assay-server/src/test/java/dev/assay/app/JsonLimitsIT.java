package dev.assay.app;

import static dev.assay.testing.Fixtures.aSession;
import static dev.assay.testing.Fixtures.aVersion;
import static dev.assay.testing.RawResponses.assertError;
import static dev.assay.testing.RawResponses.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every JSON request body is bounded in depth, size of its values and number of values (docs/api.md,
 * "JSON limits"): past a bound the answer is a 400 and nothing is stored, so no stored value can
 * later break a read of the organization's lists.
 */
class JsonLimitsIT extends ApiIntegrationTest {

    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    @ParameterizedTest(name = "metadata nested {0} levels")
    @ValueSource(ints = {64, 100, 500, 5000})
    void createSession_withMetadataNestedPastTheLimit_isRefusedAndListsStayReadable(int depth) {
        String versionId = aVersion(client).id();

        HttpResponse<String> response = raw("POST", "/sessions",
                "{\"versionId\":\"" + versionId + "\",\"metadata\":" + nested(depth) + "}", tenant.apiKey());

        JsonNode error = assertError(response, 400);
        assertThat(error.get("code").stringValue()).isEqualTo("JSON_LIMIT_EXCEEDED");
        assertThat(error.get("message").stringValue()).contains("nesting depth").doesNotContain("StreamReadConstraints");
        JsonNode sessions = assertStatus(raw("GET", "/sessions", null, tenant.apiKey()), 200);
        assertThat(sessions.isArray()).isTrue();
        assertThat(sessions).isEmpty();
    }

    @Test
    void createTurn_withInputNestedPastTheLimit_isRefusedAndListsStayReadable() {
        String sessionId = aSession(client).id();

        HttpResponse<String> response = raw("POST", "/inferenceResults",
                "{\"sessionId\":\"" + sessionId + "\",\"input\":" + nested(200) + "}", tenant.apiKey());

        assertThat(assertError(response, 400).get("code").stringValue()).isEqualTo("JSON_LIMIT_EXCEEDED");
        assertThat(client.inferenceResults().list(ListOptions.none())).isEmpty();
        assertThat(assertStatus(raw("GET", "/inferenceResults", null, tenant.apiKey()), 200)).isEmpty();
    }

    @Test
    void createSession_withMetadataJustUnderTheLimit_isStoredAndListedWhole() {
        String versionId = aVersion(client).id();
        // The body object is the first of the 64 levels.
        String metadata = nested(63);

        assertStatus(raw("POST", "/sessions", "{\"versionId\":\"" + versionId + "\",\"metadata\":" + metadata + "}",
                tenant.apiKey()), 201);

        HttpResponse<String> list = raw("GET", "/sessions", null, tenant.apiKey());
        JsonNode sessions = assertStatus(list, 200);
        JsonNode node = sessions.get(0).get("metadata");
        for (int level = 0; level < 63; level++) {
            node = node.get("a");
        }
        assertThat(node.intValue()).isEqualTo(1);
        assertThat(list.headers().firstValueAsLong("Content-Length")).hasValue(list.body().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void create_withMoreValuesThanTheTokenLimit_isRefused() {
        String ones = IntStream.range(0, 1_000_001).mapToObj(i -> "1").collect(Collectors.joining(","));

        HttpResponse<String> response = raw("POST", "/products", "{\"name\":\"p\",\"tags\":[" + ones + "]}", tenant.apiKey());

        assertThat(assertError(response, 400).get("code").stringValue()).isEqualTo("JSON_LIMIT_EXCEEDED");
        assertThat(client.products().list(ListOptions.none())).isEmpty();
    }

    @Test
    void create_withOverlongPropertyNameOrNumber_isRefused() {
        String name = "k".repeat(1001);
        HttpResponse<String> longName = raw("POST", "/products", "{\"name\":\"p\",\"" + name + "\":1}", tenant.apiKey());
        HttpResponse<String> longNumber = raw("POST", "/inferenceResults",
                "{\"sessionId\":\"session_x\",\"latency\":1" + "0".repeat(200) + "}", tenant.apiKey());

        assertThat(assertError(longName, 400).get("code").stringValue()).isEqualTo("JSON_LIMIT_EXCEEDED");
        assertThat(assertError(longNumber, 400).get("code").stringValue()).isEqualTo("JSON_LIMIT_EXCEEDED");
        assertThat(client.products().list(ListOptions.none())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\\ud800", "a\\udfffb", "\\ud83d", "\\ud83dx", "\\ude00\\ud83d"})
    void create_withLoneSurrogate_isRefusedAndNothingStored(String text) {
        HttpResponse<String> response = raw("POST", "/products", "{\"name\":\"" + text + "\"}", tenant.apiKey());

        assertThat(assertError(response, 400).get("message").stringValue()).contains("surrogate");
        assertThat(client.products().list(ListOptions.none())).isEmpty();
    }

    @Test
    void create_withSurrogatePairOrEscapedBackslash_storesTheTextFaithfully() {
        HttpResponse<String> emoji = raw("POST", "/products", "{\"name\":\"smile \\ud83d\\ude00\"}", tenant.apiKey());
        HttpResponse<String> backslash = raw("POST", "/products", "{\"name\":\"path \\\\ud800\"}", tenant.apiKey());

        assertThat(assertStatus(emoji, 201).get("name").stringValue()).isEqualTo("smile \uD83D\uDE00");
        assertThat(assertStatus(backslash, 201).get("name").stringValue()).isEqualTo("path \\ud800");
        assertThat(client.products().list(ListOptions.none())).extracting(product -> product.name())
                .containsExactlyInAnyOrder("smile \uD83D\uDE00", "path \\ud800");
    }
}

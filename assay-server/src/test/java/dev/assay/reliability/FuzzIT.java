package dev.assay.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateMetricRequest;
import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.testing.ApiIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A seeded fuzz run against every route: malformed JSON, wrong types, deep nesting, huge strings,
 * NUL characters and lone surrogates, hostile filter and sort values, wrong methods and content
 * types, bad keys. No answer may be a 5xx, and afterwards the organization's lists still read as
 * whole JSON. Request count and seed are system properties, for soak runs (docs/reliability.md).
 */
class FuzzIT extends ApiIntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> METHODS = List.of("GET", "POST", "PATCH", "DELETE", "PUT", "OPTIONS", "HEAD");
    private static final List<String> LISTS = List.of("/products", "/versions", "/sessions", "/inferenceResults",
            "/metrics", "/specifications", "/evaluations", "/tests", "/testCases", "/apiKeys", "/evaluations/humanQueue");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json", "application/json",
            "*/*", "application/*", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/json; charset=latin1", "garbage", "");
    private static final List<String> HOSTILE = List.of("'; DROP TABLE sessions; --", "\" OR 1=1 --", "createdAt;",
            "-createdAt,desc,asc", "%00", "\\u0000", "../../etc/passwd", "$where", "{\"$gt\":\"\"}", "NaN", "-1",
            "99999999999999999999", "1e309", "2026-13-45", "[]", "[,]", ",,,", "sort", "desc", "null", "true",
            "é😀", "\ud800", "%ED%A0%80", "%C3%28", "a".repeat(5000));

    private final List<String> failures = new ArrayList<>();
    private final Map<String, Integer> statuses = new TreeMap<>();
    private Random random;
    private Map<String, String> ids;

    @Test
    void fuzz_noRequestGetsA5xx() throws Exception {
        long seed = Long.getLong("assay.reliability.seed", System.nanoTime());
        int requests = Integer.getInteger("assay.reliability.fuzz-requests", 2500);
        random = new Random(seed);
        ids = seedData();
        String revoked = client.apiKeys().create("revoked").key();
        client.apiKeys().delete(client.apiKeys().list().stream().filter(key -> key.name().equals("revoked")).findFirst()
                .orElseThrow().id());
        List<String> keys = List.of(tenant.apiKey(), tenant.apiKey(), tenant.apiKey(), tenant.apiKey(),
                client.apiKeys().create("member").key(), revoked, newTenant().apiKey(), "gsk_unknown-key-000000000",
                "not-a-key", "", "gsk_" + "x".repeat(3000));

        for (int i = 0; i < requests; i++) {
            fire(keys.get(random.nextInt(keys.size())));
        }

        System.out.printf("fuzz: %d requests, statuses %s (seed %d)%n", requests, statuses, seed);
        failures.forEach(failure -> System.out.println("fuzz failure: " + failure));
        assertThat(failures).as("5xx answers (seed %d)", seed).isEmpty();
        for (String list : LISTS) {
            HttpResponse<String> response = send("GET", list, null, "application/json", tenant.apiKey());
            assertThat(response.statusCode()).as("GET %s after the run (seed %d)", list, seed).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).isArray()).isTrue();
        }
    }

    private Map<String, String> seedData() {
        String productId = client.products().create(CreateProductRequest.named("fuzz")).id();
        String versionId = client.versions().create(CreateVersionRequest.named(productId, "v1")).id();
        String sessionId = client.sessions().create(CreateSessionRequest.forVersion(versionId)).id();
        String turnId = client.inferenceResults().createBatch(sessionId,
                List.of(ConversationTurn.user("hello"), ConversationTurn.assistant("hi https://example.com"))).getFirst().id();
        String metricId = client.metrics().create(CreateMetricRequest.selfHosted("fuzz-score")).id();
        String evaluationId = client.evaluations().createFromInferenceResult(turnId,
                List.of(EvaluationMetric.named("URL Validation")), null).getFirst().id();
        return Map.of("product", productId, "version", versionId, "session", sessionId, "inferenceResult", turnId,
                "metric", metricId, "evaluation", evaluationId);
    }

    private void fire(String key) {
        int kind = random.nextInt(10);
        String method;
        String path;
        String body = null;
        String contentType = "application/json";
        if (kind < 3) {
            method = "GET";
            path = pick(LISTS) + "?" + hostileQuery();
        } else if (kind < 8) {
            String[] route = pick(BODY_ROUTES).split(" ", 2);
            method = route[0];
            path = route[1].replace("{session}", pickId("session")).replace("{inferenceResult}", pickId("inferenceResult"))
                    .replace("{evaluation}", pickId("evaluation"));
            body = mutate(validBody(path));
            if (random.nextInt(5) == 0) {
                contentType = pick(CONTENT_TYPES);
            }
        } else if (kind < 9) {
            method = pick(METHODS);
            path = pick(LISTS) + "/" + pickId(pick(List.copyOf(ids.keySet())));
        } else {
            method = pick(METHODS);
            path = pick(List.of("/", "/error", "/actuator/health/x", "/actuator/env", "/v3/api-docs/x", "/products/%2e%2e",
                    "/sessions/" + "a".repeat(2000), "/%00", "/metrics/..;/apiKeys", "/organizations", "/apiKeys/x"));
            body = random.nextBoolean() ? "{\"name\":\"x\"}" : null;
        }
        HttpResponse<String> response;
        try {
            response = send(method, path, body, contentType, key);
        } catch (IllegalArgumentException e) {
            return; // A URI the client library itself refuses to send.
        } catch (IOException e) {
            record("connection " + e.getClass().getSimpleName(), method, path, body, e.toString());
            return;
        }
        record(Integer.toString(response.statusCode()), method, path, body, response.body());
    }

    private static final List<String> BODY_ROUTES = List.of(
            "POST /products", "POST /versions", "POST /sessions", "PATCH /sessions/{session}",
            "PATCH /sessions/{session}/finish", "POST /inferenceResults", "POST /inferenceResults/batch",
            "PATCH /inferenceResults/{inferenceResult}", "DELETE /inferenceResults/batch", "POST /metrics",
            "POST /specifications", "POST /evaluations/fromInferenceResult", "POST /evaluations/fromSession",
            "POST /evaluations/retry", "POST /evaluations/{evaluation}/humanScore", "POST /tests", "POST /testCases",
            "POST /apiKeys", "POST /organizations");

    private String validBody(String path) {
        String session = ids.get("session");
        String turn = ids.get("inferenceResult");
        if (path.startsWith("/versions")) {
            return "{\"productId\":\"" + ids.get("product") + "\",\"name\":\"v" + random.nextInt() + "\"}";
        }
        if (path.startsWith("/sessions")) {
            return "{\"versionId\":\"" + ids.get("version") + "\",\"customId\":\"c" + random.nextInt()
                    + "\",\"metadata\":{\"k\":[1,{\"x\":null}]},\"status\":\"PENDING\"}";
        }
        if (path.equals("/inferenceResults/batch")) {
            return "{\"sessionId\":\"" + session + "\",\"conversationTurns\":[{\"role\":\"user\",\"content\":\"q\"},"
                    + "{\"role\":\"assistant\",\"content\":\"a\",\"retrieval_context\":\"r\"}]}";
        }
        if (path.startsWith("/inferenceResults")) {
            return "{\"sessionId\":\"" + session + "\",\"ids\":[\"" + turn + "\"],\"input\":{\"user_message\":\"q\"},"
                    + "\"actualOutput\":\"a\",\"latency\":1.5,\"inputTokens\":3,\"index\":" + random.nextInt(50) + "}";
        }
        if (path.startsWith("/metrics")) {
            return "{\"name\":\"m" + random.nextInt() + "\",\"tags\":[\"t\"],\"evaluationParams\":[\"actual_output\"]}";
        }
        if (path.startsWith("/specifications")) {
            return "{\"productId\":\"" + ids.get("product") + "\",\"description\":\"d\",\"type\":\"POLICY\","
                    + "\"testType\":\"ACCURACY\",\"testVariant\":\"rag\",\"metricIds\":[\"" + ids.get("metric") + "\"]}";
        }
        if (path.startsWith("/evaluations")) {
            return "{\"inferenceResultId\":\"" + turn + "\",\"sessionId\":\"" + session + "\",\"ids\":[\""
                    + ids.get("evaluation") + "\"],\"metrics\":[\"URL Validation\",{\"name\":\"fuzz-score\",\"score\":0.5}],"
                    + "\"score\":0.5,\"reason\":\"r\"}";
        }
        if (path.startsWith("/tests")) {
            return "{\"productId\":\"" + ids.get("product") + "\",\"name\":\"t" + random.nextInt() + "\",\"type\":\"ACCURACY\"}";
        }
        return "{\"name\":\"n" + random.nextInt() + "\",\"testId\":\"test_x\",\"input\":\"i\"}";
    }

    /** Leaves a body as is, or breaks it in one of the ways a hostile client would. */
    private String mutate(String body) {
        return switch (random.nextInt(12)) {
            case 0, 1 -> body;
            case 2 -> body.substring(0, random.nextInt(body.length()));
            case 3 -> replaceValues(body, pick(List.of("1", "-1", "1.5", "true", "null", "[]", "{}", "\"\"", "\"x\"",
                    "1e400", "99999999999999999999999", "[null]", "[1,\"a\",{}]")));
            case 4 -> replaceValues(body, "\"" + "x".repeat(random.nextBoolean() ? 100_000 : 2_000_000) + "\"");
            case 5 -> replaceValues(body, "\"nul\\u0000here\"");
            case 6 -> replaceValues(body, pick(List.of("\"\\ud800\"", "\"a\\udc00\"", "\"\\ud83d\\ude00\"")));
            case 7 -> replaceValues(body, "{\"a\":".repeat(random.nextInt(2000)) + "1" + "}".repeat(random.nextInt(2000)));
            case 8 -> replaceValues(body, "[".repeat(random.nextInt(3000)) + "]".repeat(random.nextInt(3000)));
            case 9 -> randomBytes();
            case 10 -> pick(List.of("", "null", "[]", "1", "\"s\"", "{", "}", "{\"a\":1}{\"b\":2}", "{\"a\":1,}"));
            default -> replaceValues(body, "\"" + pick(HOSTILE).replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        };
    }

    /** Replaces a random subset of the body's scalar values with {@code value}. */
    private String replaceValues(String body, String value) {
        try {
            JsonNode tree = JSON.readTree(body);
            StringBuilder out = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(JSON.writeValueAsString(field.getKey())).append(':')
                        .append(random.nextInt(3) == 0 ? value : JSON.writeValueAsString(field.getValue()));
            }
            return out.append('}').toString();
        } catch (RuntimeException e) {
            return body;
        }
    }

    private String randomBytes() {
        byte[] bytes = new byte[random.nextInt(200)];
        random.nextBytes(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private String hostileQuery() {
        List<String> parameters = List.of("sort", "sort[]", "limit", "offset", "ids", "sessionIds", "productIds", "versionIds",
                "fromCreatedAt", "toCreatedAt", "status", "names", "tags", "types", "testTypes", "metricIds", "includeLegacy",
                "userIds", "testCaseIds", "customIds");
        StringBuilder query = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            String value = random.nextBoolean() ? pick(HOSTILE) : pickId(pick(List.copyOf(ids.keySet())));
            // Raw, as a careless client sends it, unless the client library cannot encode it (a lone surrogate).
            boolean raw = random.nextInt(8) == 0 && StandardCharsets.UTF_8.newEncoder().canEncode(value);
            query.append(pick(parameters)).append('=').append(raw
                    ? value.replace(" ", "%20")
                    : URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private String pickId(String kind) {
        return switch (random.nextInt(4)) {
            case 0 -> kind + "_aaaaaaaaaaaaaaaaaaaaaaaaaa";
            case 1 -> URLEncoder.encode(pick(HOSTILE), StandardCharsets.UTF_8);
            default -> ids.getOrDefault(kind, "x");
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType, String key)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60));
        if (!key.isEmpty()) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null && !contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null || method.equals("HEAD")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void record(String outcome, String method, String path, String body, String answer) {
        statuses.merge(outcome, 1, Integer::sum);
        if (outcome.startsWith("5") || outcome.startsWith("connection")) {
            failures.add(outcome + " " + method + " " + abbreviate(path) + " body " + abbreviate(body) + " -> " + abbreviate(answer));
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 300 ? text : text.substring(0, 300) + "...(" + text.length() + ")";
    }
}

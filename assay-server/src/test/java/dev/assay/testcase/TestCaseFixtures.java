package dev.assay.testcase;

import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A reader of raw JSON answers for the test-case tests. */
final class TestCaseFixtures {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestCaseFixtures() {}

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

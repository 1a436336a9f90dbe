package dev.assay.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads raw HTTP responses as JSON trees and checks the API's one error body shape. */
public final class RawResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawResponses() {}

    /** The response body as a JSON tree. */
    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Asserts the status (showing the body when it differs) and answers the body as JSON. */
    public static JsonNode assertStatus(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s %s, body %s",
                response.request().method(), response.request().uri(), response.body()).isEqualTo(status);
        return response.body().isEmpty() ? JSON.missingNode() : json(response);
    }

    /**
     * Asserts an error response: the status, a JSON content type and the body
     * {@code {"error": <reason phrase>, "message": <non-blank text>, ...}}. Answers the body.
     */
    public static JsonNode assertError(HttpResponse<String> response, int status) {
        JsonNode body = assertStatus(response, status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(body.isObject()).as("error body %s is an object", response.body()).isTrue();
        assertThat(body.get("error")).as("error of %s", response.body()).isNotNull();
        assertThat(body.get("error").isString()).as("error of %s is a string", response.body()).isTrue();
        assertThat(body.get("error").stringValue()).isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
        assertThat(body.get("message")).as("message of %s", response.body()).isNotNull();
        assertThat(body.get("message").isString()).as("message of %s is a string", response.body()).isTrue();
        assertThat(body.get("message").stringValue()).isNotBlank();
        return body;
    }

    /** The error's message, after {@link #assertError}. */
    public static String errorMessage(HttpResponse<String> response, int status) {
        return assertError(response, status).get("message").stringValue();
    }
}

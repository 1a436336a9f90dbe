package dev.assay.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.assay.client.AssayApiException;
import dev.assay.common.ErrorCode;
import java.util.Arrays;
import java.net.http.HttpResponse;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads error responses in tests: the SDK's exception, or the raw {@code {error, message, code}} body. */
public final class ApiErrors {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiErrors() {}

    /**
     * The error the SDK call answered with; fails the test when the call succeeded or failed
     * otherwise, or when the error's stable {@code code} is not one whose status is the answer's.
     */
    public static AssayApiException apiError(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(AssayApiException.class);
        AssayApiException error = (AssayApiException) thrown;
        assertStableCode(error.code(), error.status());
        return error;
    }

    /** The error the SDK call answered with, which must carry exactly this code (and so its status). */
    public static AssayApiException apiError(ThrowingCallable call, ErrorCode expected) {
        AssayApiException error = apiError(call);
        assertThat(error.code()).as("code of: %s", error.getMessage()).isEqualTo(expected.name());
        return error;
    }

    /** The JSON body of a raw response. */
    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /**
     * Checks that a raw response has the given status and the API's error body: the reason phrase
     * in {@code error} and a message for a person.
     */
    public static JsonNode assertErrorBody(HttpResponse<String> response, int status, String reasonPhrase) {
        assertThat(response.statusCode()).as("status of %s", response.request().uri()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.path("error").asString()).isEqualTo(reasonPhrase);
        assertThat(body.path("message").asString()).isNotBlank();
        assertStableCode(body.path("code").asString(), status);
        return body;
    }

    /** Like {@link #assertErrorBody(HttpResponse, int, String)}, and the body's code must be {@code expected}. */
    public static JsonNode assertErrorBody(HttpResponse<String> response, ErrorCode expected, String reasonPhrase) {
        JsonNode body = assertErrorBody(response, expected.status(), reasonPhrase);
        assertThat(body.path("code").asString()).as("code of %s", response.request().uri()).isEqualTo(expected.name());
        return body;
    }

    /** A code is one of {@link ErrorCode}'s names, and that code's status is the one answered. */
    private static void assertStableCode(String code, int status) {
        assertThat(code).as("stable error code").isIn(Arrays.stream(ErrorCode.values()).map(Enum::name).toList());
        assertThat(ErrorCode.valueOf(code).status()).as("status of code %s", code).isEqualTo(status);
    }
}

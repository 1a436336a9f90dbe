package dev.assay.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.assay.client.AssayApiException;
import java.net.http.HttpResponse;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads error responses in tests: the SDK's exception, or the raw {@code {error, message, code}} body. */
public final class ApiErrors {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiErrors() {}

    /** The error the SDK call answered with; fails the test when the call succeeded or failed otherwise. */
    public static AssayApiException apiError(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(AssayApiException.class);
        return (AssayApiException) thrown;
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
        return body;
    }
}

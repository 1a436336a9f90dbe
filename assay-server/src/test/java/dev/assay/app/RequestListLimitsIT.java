package dev.assay.app;

import static dev.assay.testing.ApiErrors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lists inside request bodies are bounded, so no request can make the server run unbounded work. */
class RequestListLimitsIT extends ApiIntegrationTest {

    @ParameterizedTest(name = "{0} {1} with {3} items")
    @CsvSource({
            "DELETE, /inferenceResults/batch, ids, 1001",
            "POST, /evaluations/retry, ids, 1001",
            "POST, /evaluations/retry, evaluationIds, 1001",
            "POST, /evaluations/fromInferenceResult, metrics, 101",
            "POST, /evaluations/fromInferenceResult, specificationIds, 101",
            "POST, /evaluations/fromSession, metrics, 101"
    })
    void request_withTooManyListItems_isRefusedWithTheErrorBody(String method, String path, String field, int count) {
        String items = IntStream.range(0, count).mapToObj(i -> "\"x" + i + "\"").collect(Collectors.joining(","));
        String body = "{\"inferenceResultId\":\"inferenceResult_x\",\"sessionId\":\"session_x\",\"" + field + "\":[" + items + "]}";

        HttpResponse<String> response = raw(method, path, body, tenant.apiKey());

        assertErrorBody(response, ErrorCode.INVALID_REQUEST, "Bad Request");
        assertThat(response.body()).contains(field);
    }
}

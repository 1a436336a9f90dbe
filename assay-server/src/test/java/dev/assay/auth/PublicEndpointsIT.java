package dev.assay.auth;

import static dev.assay.testing.ApiErrors.assertErrorBody;
import static dev.assay.testing.ApiErrors.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The routes that need no key: health, Prometheus metrics and the OpenAPI document; nothing else. */
class PublicEndpointsIT extends ApiIntegrationTest {

    @Nested
    class Health {

        @Test
        void health_withoutKey_isUp() {
            HttpResponse<String> response = raw("GET", "/actuator/health", null, null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).path("status").asString()).isEqualTo("UP");
        }

        @Test
        void health_withUnknownKey_isStillUp() {
            HttpResponse<String> response = raw("GET", "/actuator/health", null, "gsk_unknownunknownunknownunknown00");

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Prometheus {

        @Test
        void prometheus_withoutKey_servesMetricsInTextFormat() {
            HttpResponse<String> response = raw("GET", "/actuator/prometheus", null, null);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(response.body()).contains("# TYPE ").contains("jvm_memory_used_bytes");
        }

        @Test
        void prometheus_afterApiRequests_countsHttpServerRequests() {
            raw("GET", "/products", null, BOOTSTRAP_KEY);

            assertThat(raw("GET", "/actuator/prometheus", null, null).body()).contains("http_server_requests_seconds_count");
        }
    }

    @Nested
    class ApiDocs {

        @Test
        void apiDocs_withoutKey_servesOpenApiDocumentWithInferenceResults() {
            HttpResponse<String> response = raw("GET", "/v3/api-docs", null, null);

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode document = json(response);
            assertThat(document.path("openapi").asString()).startsWith("3.");
            assertThat(document.path("paths").propertyNames()).contains("/inferenceResults", "/sessions", "/products");
        }
    }

    @Nested
    class OtherActuatorEndpoints {

        @Test
        void unexposedActuatorEndpoint_withoutKey_returnsUnauthorized() {
            assertErrorBody(raw("GET", "/actuator/env", null, null), ErrorCode.UNAUTHORIZED, "Unauthorized");
        }

        @Test
        void unexposedActuatorEndpoint_withKey_returnsNotFound() {
            assertErrorBody(raw("GET", "/actuator/env", null, BOOTSTRAP_KEY), ErrorCode.NOT_FOUND, "Not Found");
        }
    }
}

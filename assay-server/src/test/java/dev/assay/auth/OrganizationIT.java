package dev.assay.auth;

import static dev.assay.testing.ApiErrors.assertErrorBody;
import static dev.assay.testing.ApiErrors.json;
import static dev.assay.testing.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ApiKeyResponse;
import dev.assay.api.OrganizationResponse;
import dev.assay.api.ProductResponse;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /organizations}: only the operator (an admin key of the default organization) may create one. */
class OrganizationIT extends ApiIntegrationTest {

    @Nested
    class Create {

        @Test
        void create_withOperatorKey_returnsCreatedOrganizationWithAdminKey() {
            HttpResponse<String> response = raw("POST", "/organizations", "{\"name\":\"Acme\"}", BOOTSTRAP_KEY);

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode body = json(response);
            assertThat(body.path("id").asString()).matches("organization_[a-z2-7]{26}");
            assertThat(body.path("name").asString()).isEqualTo("Acme");
            assertThat(body.path("apiKey").asString()).matches("gsk_[A-Za-z0-9]{32,}");
        }

        @Test
        void create_returnedAdminKey_authenticatesForTheNewOrganizationOnly() {
            OrganizationResponse organization = operator().organizations().create("fresh");

            AssayClient admin = clientFor(organization.apiKey());
            ProductResponse product = aProduct(admin);

            assertThat(admin.products().list(ListOptions.none()))
                    .extracting(ProductResponse::id)
                    .containsExactly(product.id());
            assertThat(product.organizationId()).isEqualTo(organization.id());
        }

        @Test
        void create_twice_returnsDistinctOrganizationsAndKeys() {
            OrganizationResponse first = operator().organizations().create("twin");
            OrganizationResponse second = operator().organizations().create("twin");

            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(second.apiKey()).isNotEqualTo(first.apiKey());
        }

        @Test
        void create_withAdminKeyOfOtherOrganization_returnsForbidden() {
            Tenant tenant = newTenant();

            assertErrorBody(raw("POST", "/organizations", "{\"name\":\"nope\"}", tenant.apiKey()), ErrorCode.FORBIDDEN, "Forbidden");
        }

        @Test
        void create_withNonAdminKeyOfDefaultOrganization_returnsForbidden() {
            ApiKeyResponse plainKey = operator().apiKeys().create("not-admin");

            HttpResponse<String> response = raw("POST", "/organizations", "{\"name\":\"nope\"}", plainKey.key());

            operator().apiKeys().delete(plainKey.id());
            assertErrorBody(response, ErrorCode.FORBIDDEN, "Forbidden");
        }

        @Test
        void create_withBlankName_returnsBadRequest() {
            assertErrorBody(raw("POST", "/organizations", "{\"name\":\"  \"}", BOOTSTRAP_KEY), ErrorCode.INVALID_REQUEST, "Bad Request");
        }

        @Test
        void create_withoutBody_returnsBadRequest() {
            assertErrorBody(raw("POST", "/organizations", null, BOOTSTRAP_KEY), ErrorCode.MALFORMED_JSON, "Bad Request");
        }
    }
}

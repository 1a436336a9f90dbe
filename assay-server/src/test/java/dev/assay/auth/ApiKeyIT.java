package dev.assay.auth;

import static dev.assay.testing.ApiErrors.apiError;
import static dev.assay.testing.ApiErrors.assertErrorBody;
import static dev.assay.testing.ApiErrors.json;
import static dev.assay.testing.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ApiKeyResponse;
import dev.assay.api.ProductResponse;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;

/** {@code POST/GET/DELETE /apiKeys}: keys of the caller's organization, whose secrets are shown once and stored hashed. */
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ApiKeyIT extends ApiIntegrationTest {
    private final JdbcClient jdbc;

    ApiKeyIT(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Nested
    class Create {

        @Test
        void create_returnsCreatedKeyWithSecret() {
            Tenant tenant = newTenant();

            HttpResponse<String> response = raw("POST", "/apiKeys", "{\"name\":\"ci\"}", tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode body = json(response);
            assertThat(body.path("id").asString()).matches("apiKey_[a-z2-7]{26}");
            assertThat(body.path("name").asString()).isEqualTo("ci");
            assertThat(body.path("key").asString()).matches("gsk_[A-Za-z0-9]{32,}");
        }

        @Test
        void create_twice_returnsDifferentSecrets() {
            ApiKeyResponse first = client.apiKeys().create("one");
            ApiKeyResponse second = client.apiKeys().create("two");

            assertThat(second.key()).isNotEqualTo(first.key());
            assertThat(second.key().substring(4)).isNotEqualTo(first.key().substring(4));
        }

        @Test
        void create_newKey_seesTheSameOrganization() {
            ProductResponse product = aProduct(client);

            AssayClient second = clientFor(client.apiKeys().create("second").key());

            assertThat(second.products().list(ListOptions.none())).extracting(ProductResponse::id).containsExactly(product.id());
        }

        @Test
        void create_withBlankName_returnsBadRequest() {
            assertErrorBody(raw("POST", "/apiKeys", "{\"name\":\"\"}", newTenant().apiKey()), ErrorCode.INVALID_REQUEST, "Bad Request");
        }
    }

    @Nested
    class ListKeys {

        @Test
        void list_includesCreatedKeysWithoutSecrets() {
            Tenant tenant = newTenant();
            ApiKeyResponse created = tenant.client().apiKeys().create("listed");

            HttpResponse<String> response = raw("GET", "/apiKeys", null, tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode keys = json(response);
            assertThat(keys.isArray()).isTrue();
            assertThat(keys.values()).hasSize(2).allSatisfy(key -> assertThat(key.has("key")).isFalse());
            assertThat(keys.values()).extracting(key -> key.path("id").asString()).contains(created.id());
        }

        @Test
        void list_neverContainsAnySecret() {
            Tenant tenant = newTenant();
            String secret = tenant.client().apiKeys().create("hidden").key();

            String body = raw("GET", "/apiKeys", null, tenant.apiKey()).body();

            assertThat(body).doesNotContain(secret).doesNotContain(tenant.apiKey()).doesNotContain(secret.substring(8));
        }

        @Test
        void list_excludesRevokedKeys() {
            ApiKeyResponse revoked = client.apiKeys().create("gone");
            client.apiKeys().delete(revoked.id());

            assertThat(client.apiKeys().list()).extracting(ApiKeyResponse::id).doesNotContain(revoked.id());
        }
    }

    @Nested
    class Delete {

        @Test
        void delete_returnsNoContent() {
            Tenant tenant = newTenant();
            ApiKeyResponse key = tenant.client().apiKeys().create("short-lived");

            HttpResponse<String> response = raw("DELETE", "/apiKeys/" + key.id(), null, tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void delete_keyStopsWorkingAtOnce() {
            ApiKeyResponse key = client.apiKeys().create("short-lived");
            AssayClient holder = clientFor(key.key());
            holder.products().list(ListOptions.none());

            client.apiKeys().delete(key.id());

            assertThat(apiError(() -> holder.products().list(ListOptions.none()), ErrorCode.UNAUTHORIZED).status()).isEqualTo(401);
        }

        @Test
        void delete_leavesOtherKeysWorking() {
            ApiKeyResponse revoked = client.apiKeys().create("revoked");
            ApiKeyResponse kept = client.apiKeys().create("kept");

            client.apiKeys().delete(revoked.id());

            assertThat(clientFor(kept.key()).products().list(ListOptions.none())).isEmpty();
        }

        @Test
        void delete_keyOfOtherOrganization_returnsNotFound() {
            Tenant other = newTenant();
            ApiKeyResponse foreign = other.client().apiKeys().create("foreign");

            assertThat(apiError(() -> client.apiKeys().delete(foreign.id()), ErrorCode.API_KEY_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void delete_keyOfOtherOrganization_leavesThatKeyWorking() {
            Tenant other = newTenant();
            ApiKeyResponse foreign = other.client().apiKeys().create("foreign");

            apiError(() -> client.apiKeys().delete(foreign.id()), ErrorCode.API_KEY_NOT_FOUND);

            assertThat(other.client().apiKeys().list()).extracting(ApiKeyResponse::id).contains(foreign.id());
        }

        @Test
        void delete_unknownId_returnsNotFound() {
            assertThat(apiError(() -> client.apiKeys().delete("apiKey_aaaaaaaaaaaaaaaaaaaaaaaaaa"), ErrorCode.API_KEY_NOT_FOUND).status())
                    .isEqualTo(404);
        }

        @Test
        void delete_malformedId_returnsNotFound() {
            assertThat(apiError(() -> client.apiKeys().delete("not-an-id"), ErrorCode.API_KEY_NOT_FOUND).status()).isEqualTo(404);
        }

        @Test
        void delete_twice_returnsNotFound() {
            ApiKeyResponse key = client.apiKeys().create("once");
            client.apiKeys().delete(key.id());

            assertThat(apiError(() -> client.apiKeys().delete(key.id()), ErrorCode.API_KEY_NOT_FOUND).status()).isEqualTo(404);
        }
    }

    /** Key management needs an admin key, and an organization always keeps one (docs/api.md, "Roles"). */
    @Nested
    class Roles {

        @Test
        void nonAdminKey_cannotCreateListOrRevokeKeys() {
            ApiKeyResponse member = client.apiKeys().create("member");
            ApiKeyResponse other = client.apiKeys().create("other");
            AssayClient memberClient = clientFor(member.key());
            String adminKeyId = adminKeyId();

            assertThat(apiError(() -> memberClient.apiKeys().create("minted"), ErrorCode.FORBIDDEN).status()).isEqualTo(403);
            assertThat(apiError(() -> memberClient.apiKeys().list(), ErrorCode.FORBIDDEN).status()).isEqualTo(403);
            assertThat(apiError(() -> memberClient.apiKeys().delete(adminKeyId), ErrorCode.FORBIDDEN).status()).isEqualTo(403);
            assertThat(apiError(() -> memberClient.apiKeys().delete(other.id()), ErrorCode.FORBIDDEN).status()).isEqualTo(403);
            assertErrorBody(raw("DELETE", "/apiKeys/" + adminKeyId, null, member.key()), ErrorCode.FORBIDDEN, "Forbidden");

            assertThat(client.apiKeys().list()).extracting(ApiKeyResponse::id)
                    .containsExactlyInAnyOrder(adminKeyId, member.id(), other.id());
            assertThat(client.products().list(ListOptions.none())).isEmpty();
        }

        @Test
        void nonAdminKey_keepsWorkingOnData() {
            AssayClient memberClient = clientFor(client.apiKeys().create("member").key());

            ProductResponse product = aProduct(memberClient);

            assertThat(client.products().list(ListOptions.none())).extracting(ProductResponse::id).containsExactly(product.id());
        }

        @Test
        void revoke_lastAdminKey_isRefusedAndTheKeyKeepsWorking() {
            String adminKeyId = adminKeyId();

            HttpResponse<String> response = raw("DELETE", "/apiKeys/" + adminKeyId, null, tenant.apiKey());

            JsonNode body = assertErrorBody(response, ErrorCode.INVALID_REQUEST, "Bad Request");
            assertThat(body.get("message").stringValue()).contains("last admin key");
            assertThat(client.apiKeys().list()).extracting(ApiKeyResponse::id).contains(adminKeyId);
        }

        @Test
        void revoke_adminKey_whenAnotherAdminRemains_succeeds() {
            String firstAdmin = adminKeyId();
            jdbc.sql("UPDATE api_keys SET is_admin = true WHERE id = :id")
                    .param("id", Ids.parse(IdKind.API_KEY, client.apiKeys().create("second-admin").id()).orElseThrow())
                    .update();

            client.apiKeys().delete(firstAdmin);

            assertThat(apiError(() -> client.apiKeys().list(), ErrorCode.UNAUTHORIZED).status()).isEqualTo(401);
        }

        @Test
        void revoke_twoAdminsRevokingEachOtherAtOnce_leavesOneAdmin() throws Exception {
            String firstAdmin = adminKeyId();
            ApiKeyResponse second = client.apiKeys().create("second-admin");
            jdbc.sql("UPDATE api_keys SET is_admin = true WHERE id = :id")
                    .param("id", Ids.parse(IdKind.API_KEY, second.id()).orElseThrow())
                    .update();

            try (var executor = Executors.newFixedThreadPool(2)) {
                var one = executor.submit(() -> raw("DELETE", "/apiKeys/" + second.id(), null, tenant.apiKey()).statusCode());
                var two = executor.submit(() -> raw("DELETE", "/apiKeys/" + firstAdmin, null, second.key()).statusCode());
                // The loser is refused as the last admin (400), or is already revoked when it authenticates (401).
                List<Integer> statuses = List.of(one.get(), two.get());
                assertThat(statuses).as("statuses %s", statuses).containsOnlyOnce(204);
                assertThat(statuses).filteredOn(status -> status != 204).singleElement().isIn(400, 401);
            }
            long liveAdmins = jdbc.sql("""
                    SELECT count(*) FROM api_keys
                    WHERE organization_id = :organizationId AND is_admin AND deleted_at IS NULL
                    """)
                    .param("organizationId", Ids.parse(IdKind.ORGANIZATION, tenant.organizationId()).orElseThrow())
                    .query(Long.class)
                    .single();
            assertThat(liveAdmins).isEqualTo(1);
        }

        private String adminKeyId() {
            return client.apiKeys().list().stream().filter(ApiKeyResponse::admin).map(ApiKeyResponse::id).findFirst().orElseThrow();
        }
    }

    @Nested
    class Storage {

        @Test
        void storedRow_containsNoColumnWithTheSecret() {
            ApiKeyResponse key = client.apiKeys().create("stored");
            UUID id = Ids.parse(IdKind.API_KEY, key.id()).orElseThrow();

            List<String> columns = jdbc.sql("""
                    SELECT c.value
                    FROM api_keys k, jsonb_each_text(to_jsonb(k)) AS c
                    WHERE k.id = :id AND c.value IS NOT NULL
                    """)
                    .param("id", id)
                    .query(String.class)
                    .list();

            String secretHex = HexFormat.of().formatHex(key.key().getBytes(StandardCharsets.UTF_8));
            assertThat(columns).isNotEmpty().allSatisfy(value -> assertThat(value)
                    .doesNotContain(key.key().substring(8))
                    .doesNotContainIgnoringCase(secretHex));
        }

        @Test
        void storedRows_ofEveryKey_containNoSecretOfThisTest() {
            Tenant tenant = newTenant();
            String secret = tenant.client().apiKeys().create("stored").key();

            Long matches = jdbc.sql("""
                    SELECT count(*) FROM api_keys k
                    WHERE strpos(to_jsonb(k)::text, :secret) > 0 OR strpos(to_jsonb(k)::text, :adminSecret) > 0
                    """)
                    .param("secret", secret.substring(8))
                    .param("adminSecret", tenant.apiKey().substring(8))
                    .query(Long.class)
                    .single();

            assertThat(matches).isZero();
        }
    }
}

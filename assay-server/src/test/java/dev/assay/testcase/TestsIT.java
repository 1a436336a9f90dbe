package dev.assay.testcase;

import static dev.assay.testcase.TestCaseFixtures.json;
import static dev.assay.testing.ApiErrors.assertErrorBody;
import static dev.assay.testing.Fixtures.aProduct;
import static dev.assay.testing.Fixtures.aTest;
import static dev.assay.testing.Fixtures.aTestCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.api.CreateTestRequest;
import dev.assay.api.ProductResponse;
import dev.assay.api.TestCaseResponse;
import dev.assay.api.TestResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.Fixtures;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class TestsIT extends ApiIntegrationTest {

    @Nested
    class Create {

        @Test
        void create_withEveryField_storesAndReturnsThem() {
            ProductResponse product = aProduct(client);

            TestResponse created = client.tests().create(CreateTestRequest.forProduct(product.id(), "  rag checks ", "ACCURACY")
                    .languageCode("en")
                    .groundTruthUri("s3://bucket/ground-truth.csv")
                    .fewShot("Q: 1+1? A: 2")
                    .customUserPersona("a hurried customer")
                    .variants(List.of("rag", "summarization"))
                    .strategies(List.of("original", "typos"))
                    .customVariantDescription("questions about invoices")
                    .maxTestCases(50)
                    .uri("s3://bucket/test.csv")
                    .build());

            assertThat(created.id()).startsWith("test_").hasSizeBetween(20, 60);
            assertThat(created.productId()).isEqualTo(product.id());
            assertThat(created.name()).isEqualTo("rag checks");
            assertThat(created.type()).isEqualTo("ACCURACY");
            assertThat(created.languageCode()).isEqualTo("en");
            assertThat(created.groundTruthUri()).isEqualTo("s3://bucket/ground-truth.csv");
            assertThat(created.fewShot()).isEqualTo("Q: 1+1? A: 2");
            assertThat(created.customUserPersona()).isEqualTo("a hurried customer");
            assertThat(created.variants()).containsExactly("rag", "summarization");
            assertThat(created.strategies()).containsExactly("original", "typos");
            assertThat(created.customVariantDescription()).isEqualTo("questions about invoices");
            assertThat(created.maxTestCases()).isEqualTo(50);
            assertThat(created.uri()).isEqualTo("s3://bucket/test.csv");
            assertThat(created.status()).isEqualTo("SUCCESS");
            assertThat(created.deletedAt()).isNull();
            assertThat(client.tests().get(created.id())).isEqualTo(created);
        }

        @Test
        void create_withRequiredFieldsOnly_answers201WithEveryField() {
            Tenant tenant = newTenant();
            ProductResponse product = aProduct(tenant.client());

            HttpResponse<String> response = raw("POST", "/tests",
                    "{\"productId\":\"" + product.id() + "\",\"name\":\"minimal\",\"type\":\"SECURITY\"}", tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode body = json(response);
            assertThat(response.headers().firstValue("Location")).hasValue("/tests/" + body.path("id").asString());
            assertThat(body.propertyNames()).containsExactlyInAnyOrder("id", "productId", "name", "type", "languageCode",
                    "groundTruthUri", "fewShot", "customUserPersona", "variants", "strategies",
                    "customVariantDescription", "maxTestCases", "uri", "status", "createdAt", "deletedAt");
            assertThat(body.path("variants").isArray()).isTrue();
            assertThat(body.path("variants").isEmpty()).isTrue();
            assertThat(body.path("strategies").isEmpty()).isTrue();
            assertThat(body.path("languageCode").isNull()).isTrue();
            assertThat(body.path("deletedAt").isNull()).isTrue();
            assertThat(body.path("status").asString()).isEqualTo("SUCCESS");
            assertThat(body.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }

        @ParameterizedTest
        @CsvSource({
                "ACCURACY, ACCURACY", "SECURITY, SECURITY", "BEHAVIOR, BEHAVIOR",
                "QUALITY, ACCURACY", "RED_TEAMING, SECURITY", "SCENARIOS, BEHAVIOR",
                "quality, ACCURACY", "Red_Teaming, SECURITY", "scenarios, BEHAVIOR", "accuracy, ACCURACY"
        })
        void create_withEitherTypeVocabulary_emitsNewerName(String sent, String emitted) {
            TestResponse created = client.tests().create(
                    CreateTestRequest.forProduct(aProduct(client).id(), "typed", sent).build());

            assertThat(created.type()).isEqualTo(emitted);
            assertThat(client.tests().get(created.id()).type()).isEqualTo(emitted);
        }

        @Test
        void create_withUnknownType_returnsBadRequest() {
            assertThatThrownBy(() -> client.tests().create(
                    CreateTestRequest.forProduct(aProduct(client).id(), "t", "PERFORMANCE").build()))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("INVALID_REQUEST");
                        assertThat(e.getMessage()).contains("type");
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "{\"name\":\"t\",\"type\":\"ACCURACY\"}",
                "{\"productId\":\"PRODUCT\",\"type\":\"ACCURACY\"}",
                "{\"productId\":\"PRODUCT\",\"name\":\"t\"}",
                "{\"productId\":\"PRODUCT\",\"name\":\"  \",\"type\":\"ACCURACY\"}",
                "{\"productId\":\"PRODUCT\",\"name\":\"t\",\"type\":\"\"}"
        })
        void create_withMissingRequiredField_returnsBadRequest(String body) {
            Tenant tenant = newTenant();
            String productId = aProduct(tenant.client()).id();

            HttpResponse<String> response = raw("POST", "/tests", body.replace("PRODUCT", productId), tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("code").asString()).isEqualTo("INVALID_REQUEST");
            assertThat(tenant.client().tests().list(ListOptions.none())).isEmpty();
        }

        @Test
        void create_withMaxTestCasesZero_returnsBadRequest() {
            assertCreateRefused("\"maxTestCases\":0", ErrorCode.INVALID_REQUEST);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "\"name\":7", "\"type\":1", "\"variants\":\"rag\"", "\"variants\":[1]", "\"strategies\":{}",
                "\"maxTestCases\":1.5", "\"maxTestCases\":\"3\"", "\"languageCode\":true"
        })
        void create_withWrongJsonType_returnsBadRequest(String field) {
            assertCreateRefused(field, ErrorCode.MALFORMED_JSON);
        }

        private void assertCreateRefused(String field, ErrorCode expected) {
            Tenant tenant = newTenant();
            String productId = aProduct(tenant.client()).id();
            String body = "{\"productId\":\"" + productId + "\",\"name\":\"t\",\"type\":\"ACCURACY\"," + field + "}";

            HttpResponse<String> response = raw("POST", "/tests", body, tenant.apiKey());

            assertErrorBody(response, expected, "Bad Request");
            assertThat(tenant.client().tests().list(ListOptions.none())).isEmpty();
        }

        @Test
        void create_withUnknownProduct_returnsNotFound() {
            assertThatThrownBy(() -> client.tests().create(
                    CreateTestRequest.forProduct("product_aaaaaaaaaaaaaaaaaaaaaaaaaa", "t", "ACCURACY").build()))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("PRODUCT_NOT_FOUND");
                    });
        }

        @Test
        void create_withDeletedProduct_returnsNotFound() {
            ProductResponse product = aProduct(client);
            client.products().delete(product.id());

            assertThatThrownBy(() -> client.tests().create(CreateTestRequest.forProduct(product.id(), "t", "ACCURACY").build()))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        }

        @Test
        void create_whenNameTakenInProduct_returnsBadRequest() {
            ProductResponse product = aProduct(client);
            client.tests().create(CreateTestRequest.forProduct(product.id(), "smoke", "ACCURACY").build());

            assertThatThrownBy(() -> client.tests().create(CreateTestRequest.forProduct(product.id(), "smoke", "SECURITY").build()))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("DUPLICATE_NAME");
                        assertThat(e.getMessage()).contains("A Test with the same Name already exists.");
                    });
        }

        @Test
        void create_whenNameTakenInAnotherProductOrByDeletedTest_succeeds() {
            ProductResponse first = aProduct(client);
            ProductResponse second = aProduct(client);
            TestResponse deleted = client.tests().create(CreateTestRequest.forProduct(first.id(), "smoke", "ACCURACY").build());
            client.tests().delete(deleted.id());

            TestResponse again = client.tests().create(CreateTestRequest.forProduct(first.id(), "smoke", "ACCURACY").build());
            TestResponse elsewhere = client.tests().create(CreateTestRequest.forProduct(second.id(), "smoke", "ACCURACY").build());

            assertThat(again.id()).isNotEqualTo(deleted.id());
            assertThat(elsewhere.productId()).isEqualTo(second.id());
        }
    }

    @Nested
    class Get {

        @ParameterizedTest
        @ValueSource(strings = {"test_aaaaaaaaaaaaaaaaaaaaaaaaaa", "not-an-id", "testCase_aaaaaaaaaaaaaaaaaaaaaaaaaa"})
        void get_withUnknownId_returnsNotFound(String id) {
            assertThatThrownBy(() -> client.tests().get(id))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("TEST_NOT_FOUND");
                    });
        }

        @Test
        void getByName_findsTheProductsTest() {
            TestResponse test = aTest(client);

            assertThat(client.tests().getByName(test.productId(), test.name())).hasValue(test);
            assertThat(client.tests().getByName(test.productId(), "other")).isEmpty();
        }
    }

    @Nested
    class Listing {

        @Test
        void list_withoutFilter_returnsTheOrganizationsLiveTestsInCreationOrder() {
            TestResponse first = aTest(client);
            TestResponse second = aTest(client);
            TestResponse deleted = aTest(client);
            client.tests().delete(deleted.id());

            assertThat(client.tests().list(ListOptions.none())).containsExactly(first, second);
        }

        @Test
        void list_byProductIds_returnsOnlyThoseProductsTests() {
            ProductResponse product = aProduct(client);
            TestResponse wanted = aTest(client, product.id());
            aTest(client);

            assertThat(client.tests().list(ListOptions.none().filter("productIds", product.id()))).containsExactly(wanted);
            assertThat(client.tests().list(ListOptions.none().filter("productIds", "product_aaaaaaaaaaaaaaaaaaaaaaaaaa")))
                    .isEmpty();
        }

        @Test
        void list_byNames_matchesExactNames() {
            ProductResponse product = aProduct(client);
            TestResponse alpha = client.tests().create(CreateTestRequest.forProduct(product.id(), "alpha, beta", "ACCURACY").build());
            TestResponse gamma = client.tests().create(CreateTestRequest.forProduct(product.id(), "gamma", "ACCURACY").build());
            client.tests().create(CreateTestRequest.forProduct(product.id(), "delta", "ACCURACY").build());

            assertThat(client.tests().list(ListOptions.none().filter("names", "alpha, beta", "gamma")))
                    .containsExactly(alpha, gamma);
        }

        @Test
        void list_byIds_returnsThoseTests() {
            TestResponse first = aTest(client);
            TestResponse second = aTest(client);
            aTest(client);

            assertThat(client.tests().list(ListOptions.none().with("ids", first.id() + "," + second.id())))
                    .containsExactly(first, second);
        }

        @Test
        void list_byIds_whenOneIsMissing_returnsNotFoundNamingIt() {
            TestResponse test = aTest(client);
            String missing = "test_aaaaaaaaaaaaaaaaaaaaaaaaaa";

            assertThatThrownBy(() -> client.tests().list(ListOptions.none().filter("ids", test.id(), missing)))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("TEST_NOT_FOUND");
                        assertThat(e.getMessage()).contains("Tests not found: " + missing).doesNotContain(test.id());
                    });
        }

        @Test
        void list_byIds_whenAnotherFilterExcludesOne_returnsNotFound() {
            TestResponse test = aTest(client);

            assertThatThrownBy(() -> client.tests().list(ListOptions.none().filter("ids", test.id()).filter("names", "other")))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        }

        @Test
        void list_withDateBounds_isInclusive() {
            List<TestResponse> created = List.of(aTest(client), aTest(client), aTest(client));
            String bound = created.get(1).createdAt();
            Instant boundInstant = Instant.parse(bound);

            assertThat(client.tests().list(ListOptions.none().with("fromCreatedAt", bound)))
                    .containsExactlyElementsOf(created.stream()
                            .filter(test -> !Instant.parse(test.createdAt()).isBefore(boundInstant)).toList());
            assertThat(client.tests().list(ListOptions.none().with("toCreatedAt", bound)))
                    .containsExactlyElementsOf(created.stream()
                            .filter(test -> !Instant.parse(test.createdAt()).isAfter(boundInstant)).toList());
            assertThat(client.tests().list(ListOptions.none().with("fromCreatedAt", bound).with("toCreatedAt", bound)))
                    .contains(created.get(1));
        }

        @Test
        void list_sortedByNameDescending_ordersByName() {
            ProductResponse product = aProduct(client);
            TestResponse b = client.tests().create(CreateTestRequest.forProduct(product.id(), "b", "ACCURACY").build());
            TestResponse a = client.tests().create(CreateTestRequest.forProduct(product.id(), "a", "ACCURACY").build());
            TestResponse c = client.tests().create(CreateTestRequest.forProduct(product.id(), "c", "ACCURACY").build());

            assertThat(client.tests().list(ListOptions.none().sort("name", true))).containsExactly(c, b, a);
            assertThat(client.tests().list(ListOptions.none().sort("name", false))).containsExactly(a, b, c);
        }

        @Test
        void list_sortedByCreatedAtDescending_newestFirst() {
            TestResponse first = aTest(client);
            TestResponse second = aTest(client);

            assertThat(client.tests().list(ListOptions.none().with("sort", "-createdAt"))).containsExactly(second, first);
        }

        @Test
        void list_withLimitAndOffset_returnsThatPage() {
            TestResponse first = aTest(client);
            TestResponse second = aTest(client);
            TestResponse third = aTest(client);

            assertThat(client.tests().list(ListOptions.none().limit(1).offset(1))).containsExactly(second);
            assertThat(client.tests().list(ListOptions.none().offset(2))).containsExactly(third);
            assertThat(client.tests().list(ListOptions.none().limit(2))).containsExactly(first, second);
        }

        @Test
        void list_withUnknownSortField_returnsBadRequest() {
            assertThatThrownBy(() -> client.tests().list(ListOptions.none().sort("type", false)))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Nested
    class Delete {

        @Test
        void delete_softDeletesTheTestAndItsTestCases() {
            TestResponse test = aTest(client);
            TestCaseResponse first = aTestCase(client, test.id());
            TestCaseResponse second = aTestCase(client, test.id());
            TestCaseResponse otherTests = aTestCase(client);

            client.tests().delete(test.id());

            assertThatThrownBy(() -> client.tests().get(test.id()))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(404));
            for (TestCaseResponse testCase : List.of(first, second)) {
                assertThatThrownBy(() -> client.testCases().get(testCase.id()))
                        .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(404));
            }
            assertThat(client.testCases().list(ListOptions.none())).containsExactly(otherTests);
            assertThat(client.tests().list(ListOptions.none())).extracting(TestResponse::id).doesNotContain(test.id());
        }

        @Test
        void delete_answers204WithoutBody() {
            Tenant tenant = newTenant();
            TestResponse test = aTest(tenant.client());

            HttpResponse<String> response = raw("DELETE", "/tests/" + test.id(), null, tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void delete_twice_returnsNotFound() {
            TestResponse test = aTest(client);
            client.tests().delete(test.id());

            assertThatThrownBy(() -> client.tests().delete(test.id()))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("TEST_NOT_FOUND");
                    });
        }

        @Test
        void delete_withUnknownId_returnsNotFound() {
            assertThatThrownBy(() -> client.tests().delete("garbage"))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }
}

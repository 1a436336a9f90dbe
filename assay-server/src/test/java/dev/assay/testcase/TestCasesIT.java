package dev.assay.testcase;

import static dev.assay.testcase.TestCaseFixtures.json;
import static dev.assay.testing.ApiErrors.assertErrorBody;
import static dev.assay.testing.Fixtures.aTest;
import static dev.assay.testing.Fixtures.aTestCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.api.CreateTestCaseRequest;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class TestCasesIT extends ApiIntegrationTest {

    @Nested
    class Create {

        @Test
        void create_withEveryField_storesAndReturnsThem() {
            TestResponse test = aTest(client);

            TestCaseResponse created = client.testCases().create(CreateTestCaseRequest.forTest(test.id())
                    .input("Book a flight to Paris")
                    .expectedOutput("Your flight is booked.")
                    .context("The user is a gold member.")
                    .expectedTools(List.of("search_flights", "book_flight"))
                    .variant("rag")
                    .strategy("original")
                    .source("upload")
                    .userPersona("a frequent flyer")
                    .scenario("booking under time pressure")
                    .goal("get a confirmed booking")
                    .maxIterations(8)
                    .initialPrompt("Hi, I need a flight")
                    .stoppingCriterias(List.of("booking confirmed", "user gives up"))
                    .reviewedById("user_1234567890abcdefghij")
                    .languageCode("en")
                    .userScore(-1)
                    .userScoreReason("too vague")
                    .confidence(0.75)
                    .confidenceReason("generated from a clear document")
                    .build());

            assertThat(created.id()).startsWith("testCase_").hasSizeBetween(20, 60);
            assertThat(created.testId()).isEqualTo(test.id());
            assertThat(created.input()).isEqualTo("Book a flight to Paris");
            assertThat(created.expectedOutput()).isEqualTo("Your flight is booked.");
            assertThat(created.context()).isEqualTo("The user is a gold member.");
            assertThat(created.expectedTools()).containsExactly("search_flights", "book_flight");
            assertThat(created.variant()).isEqualTo("rag");
            assertThat(created.strategy()).isEqualTo("original");
            assertThat(created.source()).isEqualTo("upload");
            assertThat(created.userPersona()).isEqualTo("a frequent flyer");
            assertThat(created.scenario()).isEqualTo("booking under time pressure");
            assertThat(created.goal()).isEqualTo("get a confirmed booking");
            assertThat(created.maxIterations()).isEqualTo(8);
            assertThat(created.initialPrompt()).isEqualTo("Hi, I need a flight");
            assertThat(created.stoppingCriterias()).containsExactly("booking confirmed", "user gives up");
            assertThat(created.reviewedById()).isEqualTo("user_1234567890abcdefghij");
            assertThat(created.languageCode()).isEqualTo("en");
            assertThat(created.userScore()).isEqualTo(-1);
            assertThat(created.userScoreReason()).isEqualTo("too vague");
            assertThat(created.confidence()).isEqualTo(0.75);
            assertThat(created.confidenceReason()).isEqualTo("generated from a clear document");
            assertThat(created.deletedAt()).isNull();
            assertThat(client.testCases().get(created.id())).isEqualTo(created);
        }

        @Test
        void create_withTestIdOnly_answers201WithEveryFieldNull() {
            Tenant tenant = newTenant();
            TestResponse test = aTest(tenant.client());

            HttpResponse<String> response = raw("POST", "/testCases", "{\"testId\":\"" + test.id() + "\"}", tenant.apiKey());

            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode body = json(response);
            assertThat(response.headers().firstValue("Location")).hasValue("/testCases/" + body.path("id").asString());
            List<String> optional = List.of("input", "expectedOutput", "context", "expectedTools", "variant", "strategy",
                    "source", "userPersona", "scenario", "goal", "maxIterations", "initialPrompt", "stoppingCriterias",
                    "reviewedById", "languageCode", "userScore", "userScoreReason", "confidence", "confidenceReason",
                    "deletedAt");
            assertThat(body.propertyNames()).containsExactlyInAnyOrderElementsOf(
                    concat(List.of("id", "testId", "createdAt"), optional));
            assertThat(optional).allSatisfy(field -> assertThat(body.path(field).isNull()).as(field).isTrue());
        }

        @Test
        void create_withEmptyLists_keepsThemEmptyNotNull() {
            TestCaseResponse created = client.testCases().create(CreateTestCaseRequest.forTest(aTest(client).id())
                    .expectedTools(List.of())
                    .stoppingCriterias(List.of())
                    .build());

            assertThat(client.testCases().get(created.id()).expectedTools()).isEmpty();
            assertThat(created.stoppingCriterias()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 0, 1})
        void create_withValidUserScore_storesIt(int score) {
            TestCaseResponse created = client.testCases().create(
                    CreateTestCaseRequest.forTest(aTest(client).id()).userScore(score).build());

            assertThat(client.testCases().get(created.id()).userScore()).isEqualTo(score);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"userScore\":2", "\"userScore\":-2", "\"expectedTools\":[null]", "\"maxIterations\":0"})
        void create_withValueOutOfRange_returnsBadRequestAndStoresNothing(String field) {
            assertCreateRefused(field, ErrorCode.INVALID_REQUEST);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "\"userScore\":\"1\"", "\"userScore\":1.0", "\"input\":42", "\"expectedTools\":\"search\"", "\"expectedTools\":[1]",
                "\"stoppingCriterias\":{\"a\":1}", "\"maxIterations\":1.5", "\"confidence\":\"high\"",
                "\"context\":{\"value\":\"x\"}", "\"testId\":7"
        })
        void create_withWrongJsonType_returnsBadRequestAndStoresNothing(String field) {
            assertCreateRefused(field, ErrorCode.MALFORMED_JSON);
        }

        private void assertCreateRefused(String field, ErrorCode expected) {
            Tenant tenant = newTenant();
            TestResponse test = aTest(tenant.client());
            String body = "{\"testId\":\"" + test.id() + "\"," + field + "}";

            HttpResponse<String> response = raw("POST", "/testCases", body, tenant.apiKey());

            assertErrorBody(response, expected, "Bad Request");
            assertThat(tenant.client().testCases().list(ListOptions.none())).isEmpty();
        }

        @Test
        void create_withoutTestId_returnsBadRequest() {
            Tenant tenant = newTenant();

            HttpResponse<String> response = raw("POST", "/testCases", "{\"input\":\"hi\"}", tenant.apiKey());

            assertErrorBody(response, ErrorCode.INVALID_REQUEST, "Bad Request");
            assertThat(json(response).path("errors").get(0).path("field").asString()).isEqualTo("testId");
        }

        @Test
        void create_withUnknownTest_returnsNotFound() {
            assertThatThrownBy(() -> client.testCases().create(
                    CreateTestCaseRequest.forTest("test_aaaaaaaaaaaaaaaaaaaaaaaaaa").input("x").build()))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("TEST_NOT_FOUND");
                    });
        }

        @Test
        void create_withDeletedTest_returnsNotFound() {
            TestResponse test = aTest(client);
            client.tests().delete(test.id());

            assertThatThrownBy(() -> aTestCase(client, test.id()))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Nested
    class Get {

        @ParameterizedTest
        @ValueSource(strings = {"testCase_aaaaaaaaaaaaaaaaaaaaaaaaaa", "tc_123", "test_aaaaaaaaaaaaaaaaaaaaaaaaaa"})
        void get_withUnknownId_returnsNotFound(String id) {
            assertThatThrownBy(() -> client.testCases().get(id))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("TEST_CASE_NOT_FOUND");
                    });
        }
    }

    @Nested
    class Listing {

        @Test
        void list_withoutFilter_returnsLiveTestCasesInCreationOrder() {
            TestCaseResponse first = aTestCase(client);
            TestCaseResponse second = aTestCase(client);
            TestCaseResponse deleted = aTestCase(client);
            client.testCases().delete(deleted.id());

            assertThat(client.testCases().list(ListOptions.none())).containsExactly(first, second);
        }

        @Test
        void list_byTestIds_returnsOnlyThoseTestsCases() {
            TestResponse test = aTest(client);
            TestCaseResponse first = aTestCase(client, test.id());
            TestCaseResponse second = aTestCase(client, test.id());
            aTestCase(client);

            assertThat(client.testCases().list(ListOptions.none().filter("testIds", test.id()))).containsExactly(first, second);
            assertThat(client.testCases().list(ListOptions.none().filter("testIds", "test_aaaaaaaaaaaaaaaaaaaaaaaaaa")))
                    .isEmpty();
        }

        @Test
        void list_byLanguages_ignoresCase() {
            TestResponse test = aTest(client);
            TestCaseResponse english = create(CreateTestCaseRequest.forTest(test.id()).languageCode("en"));
            TestCaseResponse spanish = create(CreateTestCaseRequest.forTest(test.id()).languageCode("es"));
            create(CreateTestCaseRequest.forTest(test.id()).languageCode("fr"));
            create(CreateTestCaseRequest.forTest(test.id()));

            assertThat(client.testCases().list(ListOptions.none().filter("languages", "EN"))).containsExactly(english);
            assertThat(client.testCases().list(ListOptions.none().filter("languages", "en", "es")))
                    .containsExactly(english, spanish);
        }

        @Test
        void list_byVariantsAndStrategies_matchesExactValues() {
            TestResponse test = aTest(client);
            TestCaseResponse ragOriginal = create(CreateTestCaseRequest.forTest(test.id()).variant("rag").strategy("original"));
            TestCaseResponse ragTypos = create(CreateTestCaseRequest.forTest(test.id()).variant("rag").strategy("typos"));
            TestCaseResponse summary = create(CreateTestCaseRequest.forTest(test.id()).variant("summarization").strategy("original"));

            assertThat(client.testCases().list(ListOptions.none().filter("variants", "rag"))).containsExactly(ragOriginal, ragTypos);
            assertThat(client.testCases().list(ListOptions.none().filter("strategies", "original")))
                    .containsExactly(ragOriginal, summary);
            assertThat(client.testCases().list(ListOptions.none().filter("variants", "rag").filter("strategies", "typos")))
                    .containsExactly(ragTypos);
        }

        @Test
        void list_byExpectedTools_returnsRowsHavingAllOfThem() {
            TestResponse test = aTest(client);
            TestCaseResponse both = create(CreateTestCaseRequest.forTest(test.id()).expectedTools(List.of("search", "book", "pay")));
            TestCaseResponse searchOnly = create(CreateTestCaseRequest.forTest(test.id()).expectedTools(List.of("search")));
            create(CreateTestCaseRequest.forTest(test.id()).expectedTools(List.of("book")));
            create(CreateTestCaseRequest.forTest(test.id()));

            assertThat(client.testCases().list(ListOptions.none().filter("expectedTools", "search")))
                    .containsExactly(both, searchOnly);
            assertThat(client.testCases().list(ListOptions.none().filter("expectedTools", "search", "book")))
                    .containsExactly(both);
            assertThat(client.testCases().list(ListOptions.none().filter("expectedTools", "search", "refund"))).isEmpty();
        }

        @Test
        void list_byReviewed_splitsOnReviewerOrScore() {
            TestResponse test = aTest(client);
            TestCaseResponse reviewed = create(CreateTestCaseRequest.forTest(test.id()).reviewedById("user_1").userScore(1));
            TestCaseResponse scoredOnly = create(CreateTestCaseRequest.forTest(test.id()).userScore(0));
            TestCaseResponse untouched = create(CreateTestCaseRequest.forTest(test.id()));

            assertThat(client.testCases().list(ListOptions.none().with("reviewed", "true"))).containsExactly(reviewed, scoredOnly);
            assertThat(client.testCases().list(ListOptions.none().with("reviewed", "1"))).containsExactly(reviewed, scoredOnly);
            assertThat(client.testCases().list(ListOptions.none().with("reviewed", "false"))).containsExactly(untouched);
        }

        @Test
        void list_byReviewed_withNonBoolean_returnsBadRequest() {
            assertThatThrownBy(() -> client.testCases().list(ListOptions.none().with("reviewed", "maybe")))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }

        @Test
        void list_byUserScore_returnsRowsWithThatScore() {
            TestResponse test = aTest(client);
            TestCaseResponse up = create(CreateTestCaseRequest.forTest(test.id()).userScore(1));
            TestCaseResponse neutral = create(CreateTestCaseRequest.forTest(test.id()).userScore(0));
            TestCaseResponse down = create(CreateTestCaseRequest.forTest(test.id()).userScore(-1));
            create(CreateTestCaseRequest.forTest(test.id()));

            assertThat(client.testCases().list(ListOptions.none().with("userScore", "1"))).containsExactly(up);
            assertThat(client.testCases().list(ListOptions.none().with("userScore", "0"))).containsExactly(neutral);
            assertThat(client.testCases().list(ListOptions.none().with("userScore", "-1"))).containsExactly(down);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2", "up", "0.5"})
        void list_byUserScore_outsideOneZeroMinusOne_returnsBadRequest(String score) {
            assertThatThrownBy(() -> client.testCases().list(ListOptions.none().with("userScore", score)))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }

        @Test
        void list_byIds_returnsThoseTestCases() {
            TestCaseResponse first = aTestCase(client);
            aTestCase(client);
            TestCaseResponse third = aTestCase(client);

            assertThat(client.testCases().list(ListOptions.none().filter("ids", first.id(), third.id())))
                    .containsExactly(first, third);
        }

        @Test
        void list_byIds_whenOneIsMissingOrFilteredOut_returnsNotFoundNamingIt() {
            TestCaseResponse kept = create(CreateTestCaseRequest.forTest(aTest(client).id()).languageCode("en"));
            TestCaseResponse filteredOut = create(CreateTestCaseRequest.forTest(aTest(client).id()).languageCode("es"));
            String unknown = "testCase_aaaaaaaaaaaaaaaaaaaaaaaaaa";

            assertThatThrownBy(() -> client.testCases().list(
                    ListOptions.none().filter("ids", kept.id(), filteredOut.id(), unknown).filter("languages", "en")))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.code()).isEqualTo("TEST_CASE_NOT_FOUND");
                        assertThat(e.getMessage()).contains("TestCases not found: " + filteredOut.id() + ", " + unknown)
                                .doesNotContain(kept.id());
                    });
        }

        @Test
        void list_withDateBounds_isInclusive() {
            TestResponse test = aTest(client);
            List<TestCaseResponse> created = List.of(aTestCase(client, test.id()), aTestCase(client, test.id()),
                    aTestCase(client, test.id()));
            String bound = created.get(1).createdAt();
            Instant boundInstant = Instant.parse(bound);

            assertThat(client.testCases().list(ListOptions.none().with("fromCreatedAt", bound)))
                    .containsExactlyElementsOf(created.stream()
                            .filter(testCase -> !Instant.parse(testCase.createdAt()).isBefore(boundInstant)).toList());
            assertThat(client.testCases().list(ListOptions.none().with("toCreatedAt", bound)))
                    .containsExactlyElementsOf(created.stream()
                            .filter(testCase -> !Instant.parse(testCase.createdAt()).isAfter(boundInstant)).toList());
        }

        @Test
        void list_sortedDescendingWithPaging_returnsThatPage() {
            TestResponse test = aTest(client);
            TestCaseResponse first = aTestCase(client, test.id());
            TestCaseResponse second = aTestCase(client, test.id());
            TestCaseResponse third = aTestCase(client, test.id());

            assertThat(client.testCases().list(ListOptions.none().sort("createdAt", true))).containsExactly(third, second, first);
            assertThat(client.testCases().list(ListOptions.none().sort("createdAt", true).limit(1).offset(1)))
                    .containsExactly(second);
        }

        @Test
        void list_withUnknownSortField_returnsBadRequest() {
            assertThatThrownBy(() -> client.testCases().list(ListOptions.none().sort("name", false)))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Nested
    class Delete {

        @Test
        void delete_hidesTheTestCaseButNotItsSiblings() {
            TestResponse test = aTest(client);
            TestCaseResponse deleted = aTestCase(client, test.id());
            TestCaseResponse sibling = aTestCase(client, test.id());

            client.testCases().delete(deleted.id());

            assertThatThrownBy(() -> client.testCases().get(deleted.id()))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(404));
            assertThat(client.testCases().list(ListOptions.none().filter("testIds", test.id()))).containsExactly(sibling);
            assertThat(client.tests().get(test.id())).isEqualTo(test);
        }

        @Test
        void delete_answers204_thenTwiceReturnsNotFound() {
            Tenant tenant = newTenant();
            TestCaseResponse testCase = aTestCase(tenant.client());

            HttpResponse<String> first = raw("DELETE", "/testCases/" + testCase.id(), null, tenant.apiKey());
            HttpResponse<String> second = raw("DELETE", "/testCases/" + testCase.id(), null, tenant.apiKey());

            assertThat(first.statusCode()).isEqualTo(204);
            assertThat(first.body()).isEmpty();
            assertThat(second.statusCode()).isEqualTo(404);
            assertThat(json(second).path("code").asString()).isEqualTo("TEST_CASE_NOT_FOUND");
        }
    }

    private TestCaseResponse create(CreateTestCaseRequest.Builder request) {
        return client.testCases().create(request.build());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}

package dev.assay.inference;

import static dev.assay.testing.Fixtures.aSession;
import static dev.assay.testing.RawResponses.assertError;
import static dev.assay.testing.RawResponses.assertStatus;
import static dev.assay.testing.RawResponses.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.SessionResponse;
import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** GET /inferenceResults (docs/reference/galtea-contract.md §1.5, §7.4, docs/reference/galtea-pages/001). */
class InferenceResultListIT extends InferenceResultApiTest {

    @Nested
    class Filters {

        @Test
        void list_withoutFilter_returnsEveryLiveTurnOfTheOrganizationOnly() {
            List<InferenceResultResponse> own = List.of(aTurn(aSession(client).id()), aTurn(aSession(client).id()));
            ApiIntegrationTest.Tenant other = newTenant();
            aTurn(other, aSession(other.client()).id());

            assertThat(client.inferenceResults().list(ListOptions.none())).containsExactlyInAnyOrderElementsOf(own);
        }

        @Test
        void list_withoutFilter_returnsABareArrayWithEverySeedField() {
            aTurn(aSession(client).id());

            JsonNode body = assertStatus(send("GET", "/inferenceResults", null), 200);

            assertThat(body.isArray()).isTrue();
            assertThat(body.get(0).propertyNames()).containsAll(SEED_FIELDS);
        }

        @Test
        void list_bySessionIds_returnsOnlyThoseSessionsTurns() {
            SessionResponse session = aSession(client);
            SessionResponse otherSession = aSession(client);
            List<InferenceResultResponse> turns = List.of(aTurn(session.id()), aTurn(session.id()));
            aTurn(otherSession.id());

            assertThat(client.inferenceResults().list(ListOptions.none().filter("sessionIds", session.id())))
                    .containsExactlyElementsOf(turns);
        }

        @Test
        void list_byUnknownSessionIds_returnsEmptyArray() {
            aTurn(aSession(client).id());

            assertThat(listIds("sessionIds=" + UNKNOWN_SESSION_ID + "&sessionIds=not-an-id")).isEmpty();
        }

        @Test
        void list_byKnownAndUnknownSessionIds_returnsTheKnownSessionsTurns() {
            SessionResponse session = aSession(client);
            InferenceResultResponse turn = aTurn(session.id());

            assertThat(listIds("sessionIds=" + session.id() + "&sessionIds=" + UNKNOWN_SESSION_ID))
                    .containsExactly(turn.id());
        }

        @Test
        void list_byUnknownEvaluationIds_returnsEmptyArray() {
            aTurn(aSession(client).id());

            assertThat(listIds("evaluationIds=evaluation_aaaaaaaaaaaaaaaaaaaaaaaaaa")).isEmpty();
        }

        @Test
        void list_byIds_returnsExactlyThoseTurns() {
            SessionResponse session = aSession(client);
            InferenceResultResponse first = aTurn(session.id());
            aTurn(session.id());
            InferenceResultResponse third = aTurn(session.id());

            assertThat(client.inferenceResults().list(ListOptions.none().filter("ids", third.id(), first.id())))
                    .containsExactly(first, third);
        }

        @Test
        void list_byIdsWithUnknownOnes_returnsNotFoundNamingOnlyTheMissingIds() {
            InferenceResultResponse turn = aTurn(aSession(client).id());
            String unknown = "inferenceResult_bbbbbbbbbbbbbbbbbbbbbbbbbb";

            String message = errorMessage(send("GET", "/inferenceResults?ids=" + turn.id() + "&ids=" + UNKNOWN_ID
                    + "&ids=" + unknown + "&ids=ir_123", null), 404);

            assertThat(message).contains(UNKNOWN_ID, unknown, "ir_123").doesNotContain(turn.id());
        }

        @Test
        void list_byIdsOfDeletedTurn_returnsNotFound() {
            InferenceResultResponse turn = aTurn(aSession(client).id());
            client.inferenceResults().delete(turn.id());

            assertThat(errorMessage(send("GET", "/inferenceResults?ids=" + turn.id(), null), 404)).contains(turn.id());
        }

        @Test
        void list_byIdsOfAnotherOrganization_returnsNotFound() {
            ApiIntegrationTest.Tenant other = newTenant();
            InferenceResultResponse foreign = aTurn(other, aSession(other.client()).id());

            assertThat(errorMessage(send("GET", "/inferenceResults?ids=" + foreign.id(), null), 404))
                    .contains(foreign.id());
        }

        @Test
        void list_byIdsExcludedByAnotherFilter_returnsNotFound() {
            SessionResponse session = aSession(client);
            InferenceResultResponse inSession = aTurn(session.id());
            InferenceResultResponse elsewhere = aTurn(aSession(client).id());

            String message = errorMessage(send("GET", "/inferenceResults?ids=" + inSession.id() + "&ids=" + elsewhere.id()
                    + "&sessionIds=" + session.id(), null), 404);

            assertThat(message).contains(elsewhere.id()).doesNotContain(inSession.id());
        }

        @Test
        void list_byIdsBeyondLimit_checksIdsBeforePaging() {
            SessionResponse session = aSession(client);
            InferenceResultResponse first = aTurn(session.id());
            InferenceResultResponse second = aTurn(session.id());

            assertThat(listIds("ids=" + first.id() + "&ids=" + second.id() + "&limit=1")).containsExactly(first.id());
        }

        @Test
        void list_afterDelete_excludesSoftDeletedTurns() {
            SessionResponse session = aSession(client);
            InferenceResultResponse kept = aTurn(session.id());
            InferenceResultResponse deleted = aTurn(session.id());
            client.inferenceResults().delete(deleted.id());

            assertThat(listIds("sessionIds=" + session.id())).containsExactly(kept.id());
            assertThat(listIds("")).containsExactly(kept.id());
        }
    }

    @Nested
    class ArrayEncodings {

        @ParameterizedTest
        @ValueSource(strings = {
                "ids=%1$s&ids=%2$s",
                "ids[]=%1$s&ids[]=%2$s",
                "ids%%5B%%5D=%1$s&ids%%5B%%5D=%2$s",
                "ids=%1$s,%2$s",
                "ids=%1$s%%2C%2$s",
                "ids[]=%1$s,%2$s",
                "ids=%1$s&ids[]=%2$s"
        })
        void list_byIdsInAnyArrayEncoding_returnsThoseTurns(String encoding) {
            SessionResponse session = aSession(client);
            InferenceResultResponse first = aTurn(session.id());
            aTurn(session.id());
            InferenceResultResponse third = aTurn(session.id());

            assertThat(listIds(encoding.formatted(first.id(), third.id()))).containsExactly(first.id(), third.id());
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "sessionIds=%1$s&sessionIds=%2$s",
                "sessionIds[]=%1$s&sessionIds[]=%2$s",
                "sessionIds%%5B%%5D=%1$s&sessionIds%%5B%%5D=%2$s",
                "sessionIds=%1$s,%2$s"
        })
        void list_bySessionIdsInAnyArrayEncoding_returnsThoseSessionsTurns(String encoding) {
            SessionResponse first = aSession(client);
            SessionResponse second = aSession(client);
            InferenceResultResponse firstTurn = aTurn(first.id());
            InferenceResultResponse secondTurn = aTurn(second.id());
            aTurn(aSession(client).id());

            assertThat(listIds(encoding.formatted(first.id(), second.id())))
                    .containsExactly(firstTurn.id(), secondTurn.id());
        }
    }

    @Nested
    class Sorting {

        @Test
        void list_withoutSort_ordersByCreatedAtBeforeIndex() {
            SessionResponse session = aSession(client);
            InferenceResultResponse earlier = client.inferenceResults().create(
                    CreateInferenceResultRequest.forSession(session.id()).input("a").index(9).build());
            InferenceResultResponse later = createLaterThan(earlier,
                    CreateInferenceResultRequest.forSession(session.id()).input("b").index(0).build());

            assertThat(listIds("sessionIds=" + session.id())).containsExactly(earlier.id(), later.id());
        }

        @Test
        void list_withoutSort_ordersTurnsOfTheSameInstantByIndex() {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> created = client.inferenceResults().createBatch(session.id(),
                    Collections.nCopies(20, ConversationTurn.user("hi")));

            assertThat(listIds("sessionIds=" + session.id())).containsExactlyElementsOf(ids(created));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "sort=createdAt&sort=desc",
                "sort[]=createdAt&sort[]=desc",
                "sort%5B%5D=createdAt&sort%5B%5D=desc",
                "sort=createdAt,desc",
                "sort=createdAt%2Cdesc",
                "sort=-createdAt",
                "sort=createdAt&sort=DESC"
        })
        void list_sortedByCreatedAtDescendingInAnyEncoding_returnsNewestFirst(String sort) {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> turns = turnsInCreationOrder(session.id(), 3);

            assertThat(listIds("sessionIds=" + session.id() + "&" + sort))
                    .containsExactly(turns.get(2).id(), turns.get(1).id(), turns.get(0).id());
        }

        @ParameterizedTest
        @ValueSource(strings = {"sort=createdAt&sort=asc", "sort[]=createdAt&sort[]=asc", "sort=createdAt",
                "sort=%2BcreatedAt", "sort=createdAt,asc"})
        void list_sortedByCreatedAtAscendingInAnyEncoding_returnsOldestFirst(String sort) {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> turns = turnsInCreationOrder(session.id(), 3);

            assertThat(listIds("sessionIds=" + session.id() + "&" + sort)).containsExactlyElementsOf(ids(turns));
        }

        @Test
        void list_sortedThroughTheSdk_returnsNewestFirst() {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> turns = turnsInCreationOrder(session.id(), 3);

            assertThat(client.inferenceResults().list(ListOptions.none().filter("sessionIds", session.id())
                    .sort("createdAt", true)))
                    .containsExactly(turns.get(2), turns.get(1), turns.get(0));
        }

        @Test
        void list_sortedByIndexDescending_returnsHighestIndexFirst() {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> created = client.inferenceResults().createBatch(session.id(),
                    List.of(ConversationTurn.user("a"), ConversationTurn.user("b"), ConversationTurn.user("c")));

            assertThat(listIds("sessionIds=" + session.id() + "&sort=index&sort=desc"))
                    .containsExactly(created.get(2).id(), created.get(1).id(), created.get(0).id());
        }

        @Test
        void list_sortedByTwoKeys_appliesThemInOrder() {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> first = client.inferenceResults().createBatch(session.id(),
                    List.of(ConversationTurn.user("a"), ConversationTurn.user("b")));
            List<InferenceResultResponse> second = batchLaterThan(first.getLast(), session.id(), 2);

            assertThat(listIds("sessionIds=" + session.id() + "&sort=createdAt&sort=desc&sort=index&sort=asc"))
                    .containsExactly(second.get(0).id(), second.get(1).id(), first.get(0).id(), first.get(1).id());
        }

        @Test
        void list_sortedByIndexAscending_overridesCreationOrder() {
            SessionResponse session = aSession(client);
            InferenceResultResponse high = client.inferenceResults().create(
                    CreateInferenceResultRequest.forSession(session.id()).input("a").index(5).build());
            InferenceResultResponse low = createLaterThan(high,
                    CreateInferenceResultRequest.forSession(session.id()).input("b").index(1).build());

            assertThat(listIds("sessionIds=" + session.id() + "&sort=index")).containsExactly(low.id(), high.id());
        }

        @ParameterizedTest
        @ValueSource(strings = {"sort=score", "sort=name&sort=asc", "sort=-secret", "sort=createdAt,desc,foo",
                "sort=desc", "sort=created_at"})
        void list_withUnknownSortField_returnsBadRequest(String sort) {
            assertError(send("GET", "/inferenceResults?" + sort, null), 400);
        }

        @Test
        void list_withUnknownSortField_namesTheField() {
            assertThat(errorMessage(send("GET", "/inferenceResults?sort=score&sort=desc", null), 400))
                    .contains("Invalid sort field: score");
        }
    }

    @Nested
    class Paging {

        @Test
        void list_withoutLimit_returnsAtMost1000Turns() {
            SessionResponse session = aSession(client);
            client.inferenceResults().createBatch(session.id(), Collections.nCopies(1000, ConversationTurn.user("hi")));
            InferenceResultResponse last = aTurn(session.id());

            List<String> ids = listIds("sessionIds=" + session.id());

            assertThat(ids).hasSize(1000).doesNotContain(last.id());
        }

        @Test
        void list_withLimitOnly_startsAtTheFirstTurn() {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> created = client.inferenceResults().createBatch(session.id(),
                    List.of(ConversationTurn.user("a"), ConversationTurn.user("b"), ConversationTurn.user("c")));

            assertThat(listIds("sessionIds=" + session.id() + "&limit=2"))
                    .containsExactly(created.get(0).id(), created.get(1).id());
        }

        @Test
        void list_withLimitAndOffset_returnsThatPage() {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> created = client.inferenceResults().createBatch(session.id(),
                    List.of(ConversationTurn.user("a"), ConversationTurn.user("b"), ConversationTurn.user("c"),
                            ConversationTurn.user("d")));

            assertThat(client.inferenceResults().list(ListOptions.none().filter("sessionIds", session.id())
                    .limit(2).offset(1)))
                    .containsExactly(created.get(1), created.get(2));
        }

        @Test
        void list_withOffsetPastTheEnd_returnsEmptyArray() {
            SessionResponse session = aSession(client);
            aTurn(session.id());

            assertThat(listIds("sessionIds=" + session.id() + "&offset=5")).isEmpty();
        }

        @Test
        void list_withMaximumLimit_isAccepted() {
            aTurn(aSession(client).id());

            assertThat(listIds("limit=10000")).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"limit=-1", "offset=-1", "limit=10001", "limit=abc", "offset=xyz", "limit=1.5",
                "offset=2.0", "limit=99999999999", "limit=1&limit=2"})
        void list_withInvalidPaging_returnsBadRequest(String paging) {
            assertError(send("GET", "/inferenceResults?" + paging, null), 400);
        }
    }

    @Nested
    class CreatedAtRange {

        @Test
        void list_withBothBoundsAtARowsOwnCreatedAt_returnsThatRow() {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> turns = turnsInCreationOrder(session.id(), 3);
            String createdAt = turns.get(1).createdAt();

            assertThat(listIds("sessionIds=" + session.id() + "&fromCreatedAt=" + createdAt + "&toCreatedAt=" + createdAt))
                    .containsExactly(turns.get(1).id());
        }

        @Test
        void list_fromCreatedAt_includesTheBoundAndLaterRows() {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> turns = turnsInCreationOrder(session.id(), 3);

            assertThat(listIds("sessionIds=" + session.id() + "&fromCreatedAt=" + turns.get(1).createdAt()))
                    .containsExactly(turns.get(1).id(), turns.get(2).id());
        }

        @Test
        void list_toCreatedAt_includesTheBoundAndEarlierRows() {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> turns = turnsInCreationOrder(session.id(), 3);

            assertThat(listIds("sessionIds=" + session.id() + "&toCreatedAt=" + turns.get(1).createdAt()))
                    .containsExactly(turns.get(0).id(), turns.get(1).id());
        }

        @Test
        void list_withSdkDateBounds_returnsTheRowsBetween() {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> turns = turnsInCreationOrder(session.id(), 3);

            assertThat(client.inferenceResults().list(ListOptions.none().filter("sessionIds", session.id())
                    .fromCreatedAt(createdAt(turns.get(0))).toCreatedAt(createdAt(turns.get(1)))))
                    .containsExactly(turns.get(0), turns.get(1));
        }

        @Test
        void list_withBoundInAnotherOffset_comparesInstants() {
            SessionResponse session = aSession(client);
            List<InferenceResultResponse> turns = turnsInCreationOrder(session.id(), 2);
            String plusTwo = createdAt(turns.get(1)).atOffset(ZoneOffset.ofHours(2)).toString();

            assertThat(listIds("sessionIds=" + session.id() + "&fromCreatedAt=" + plusTwo.replace("+", "%2B")))
                    .containsExactly(turns.get(1).id());
            assertThat(listIds("sessionIds=" + session.id() + "&fromCreatedAt=" + plusTwo))
                    .containsExactly(turns.get(1).id());
        }

        @Test
        void list_withEpochSecondBounds_comparesWholeSeconds() {
            SessionResponse session = aSession(client);
            InferenceResultResponse turn = aTurn(session.id());
            long second = createdAt(turn).getEpochSecond();

            assertThat(listIds("sessionIds=" + session.id() + "&fromCreatedAt=" + second)).containsExactly(turn.id());
            assertThat(listIds("sessionIds=" + session.id() + "&toCreatedAt=" + (second - 1))).isEmpty();
        }

        @Test
        void list_withEpochMillisecondBounds_matchesTheRowsOwnMillisecond() {
            SessionResponse session = aSession(client);
            InferenceResultResponse turn = aTurn(session.id());
            long millis = createdAt(turn).toEpochMilli();

            assertThat(listIds("sessionIds=" + session.id() + "&fromCreatedAt=" + millis + "&toCreatedAt=" + millis))
                    .containsExactly(turn.id());
        }

        @Test
        void list_withDateOnlyBounds_readsThemAsMidnightUtc() {
            SessionResponse session = aSession(client);
            InferenceResultResponse turn = aTurn(session.id());
            LocalDate day = LocalDate.ofInstant(createdAt(turn), ZoneOffset.UTC);

            assertThat(listIds("sessionIds=" + session.id() + "&fromCreatedAt=" + day)).containsExactly(turn.id());
            assertThat(listIds("sessionIds=" + session.id() + "&toCreatedAt=" + day.plusDays(1))).containsExactly(turn.id());
            assertThat(listIds("sessionIds=" + session.id() + "&fromCreatedAt=" + day.plusDays(1))).isEmpty();
        }

        @Test
        void list_withBoundWithoutOffset_readsItAsUtc() {
            SessionResponse session = aSession(client);
            InferenceResultResponse turn = aTurn(session.id());
            String local = createdAt(turn).atOffset(ZoneOffset.UTC).toLocalDateTime().toString();

            assertThat(listIds("sessionIds=" + session.id() + "&fromCreatedAt=" + local + "&toCreatedAt=" + local))
                    .containsExactly(turn.id());
        }

        @ParameterizedTest
        @ValueSource(strings = {"fromCreatedAt=yesterday", "toCreatedAt=2025-13-45", "fromCreatedAt=2025-01-01T25:00:00Z",
                "toCreatedAt=12abc", "fromCreatedAt=2025-01-01&fromCreatedAt=2025-01-02",
                "fromCreatedAt=99999999999999999", "toCreatedAt=9223372036854775807",
                "fromCreatedAt=%2B999999999-12-31T23:59:59Z"})
        void list_withUnusableDate_returnsBadRequest(String bound) {
            assertError(send("GET", "/inferenceResults?" + bound, null), 400);
        }

        @Test
        void list_withFutureFromCreatedAt_returnsEmptyArray() {
            aTurn(aSession(client).id());

            assertThat(listIds("fromCreatedAt=" + Instant.now().plusSeconds(3600))).isEmpty();
        }
    }

    /** A batch of {@code size} user turns whose {@code createdAt} is strictly after {@code previous}'s. */
    private List<InferenceResultResponse> batchLaterThan(InferenceResultResponse previous, String sessionId, int size) {
        while (true) {
            List<InferenceResultResponse> batch = client.inferenceResults().createBatch(
                    sessionId, Collections.nCopies(size, ConversationTurn.user("later")));
            if (createdAt(batch.getFirst()).isAfter(createdAt(previous))) {
                return batch;
            }
            client.inferenceResults().deleteBatch(ids(batch));
        }
    }

    private InferenceResultResponse aTurn(ApiIntegrationTest.Tenant owner, String sessionId) {
        return owner.client().inferenceResults().create(
                CreateInferenceResultRequest.forSession(sessionId).input("question").actualOutput("answer").build());
    }
}

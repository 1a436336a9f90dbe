package dev.assay.inference;

import static dev.assay.testing.Fixtures.aSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.SessionResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.ListOptions;
import dev.assay.testing.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InferenceResultCreateIT extends ApiIntegrationTest {

    @Nested
    class Create {

        @Test
        void create_withSdkArguments_storesTurnWithDerivedTotals() {
            SessionResponse session = aSession(client);

            InferenceResultResponse created = client.inferenceResults().create(
                    CreateInferenceResultRequest.forSession(session.id())
                            .input("What is the capital of France?")
                            .actualOutput("Paris")
                            .latency(150.5)
                            .inputTokens(100L)
                            .outputTokens(50L)
                            .cacheReadInputTokens(20L)
                            .costPerInputToken(0.00001)
                            .costPerOutputToken(0.00003)
                            .build());

            assertThat(created.id()).startsWith("inferenceResult_").hasSizeBetween(20, 60);
            assertThat(created.sessionId()).isEqualTo(session.id());
            assertThat(created.index()).isZero();
            assertThat(created.status()).isEqualTo("GENERATED");
            assertThat(created.input()).isEqualTo(Map.of("user_message", "What is the capital of France?"));
            assertThat(created.latency().doubleValue()).isEqualTo(150.5);
            assertThat(created.tokens()).isEqualTo(150L);
            assertThat(created.cost()).isCloseTo(0.0025, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(client.inferenceResults().get(created.id())).isEqualTo(created);
        }

        @Test
        void create_withUnknownSession_returnsNotFound() {
            assertThatThrownBy(() -> client.inferenceResults().create(
                            CreateInferenceResultRequest.forSession("session_aaaaaaaaaaaaaaaaaaaaaaaaaa").build()))
                    .isInstanceOfSatisfying(AssayApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }

    @Nested
    class CreateBatch {

        @Test
        void createBatch_pairsUserAndAssistantMessages_continuingIndices() {
            SessionResponse session = aSession(client);
            client.inferenceResults().create(CreateInferenceResultRequest.forSession(session.id()).input("first").build());

            List<InferenceResultResponse> created = client.inferenceResults().createBatch(session.id(), List.of(
                    ConversationTurn.user("hi"),
                    ConversationTurn.assistant("hello"),
                    ConversationTurn.user("bye")));

            assertThat(created).extracting(InferenceResultResponse::index).containsExactly(1, 2);
            assertThat(created).extracting(InferenceResultResponse::status).containsExactly("GENERATED", "PENDING");
            assertThat(created.get(0).actualOutput()).isEqualTo("hello");
            assertThat(client.inferenceResults().list(ListOptions.none().filter("sessionIds", session.id())))
                    .hasSize(3);
        }
    }
}

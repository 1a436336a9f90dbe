package dev.assay.trace;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateTraceRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.client.AssayClient;
import dev.assay.testing.Fixtures;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns and spans for the span tests. */
final class TraceFixtures {

    private TraceFixtures() {}

    /** A turn in a new session. */
    static InferenceResultResponse aTurn(AssayClient client) {
        return client.inferenceResults().create(CreateInferenceResultRequest.forSession(Fixtures.aSession(client).id())
                .input("Where is my order?").actualOutput("It ships tomorrow.").build());
    }

    /** Another turn in the session of {@code turn}. */
    static InferenceResultResponse anotherTurn(AssayClient client, InferenceResultResponse turn) {
        return client.inferenceResults().create(CreateInferenceResultRequest.forSession(turn.sessionId())
                .input("And the invoice?").actualOutput("Sent by mail.").build());
    }

    static CreateTraceRequest span(@Nullable String id, String turnId, String name, @Nullable String type,
            @Nullable String parentId) {
        return new CreateTraceRequest(id, turnId, name, type, null, null, null, null, null, null, parentId, null, null);
    }

    static CreateTraceRequest full(String turnId) {
        return new CreateTraceRequest(null, turnId, "fetch_user_data", "TOOL", "Fetches user data by id",
                Map.of("user_id", "123"), Map.of("name", "John Doe"), null, 45.5, Map.of("model", "gpt-4"), null,
                "2026-11-07T05:31:56.100Z", "2026-11-07T05:31:56.150Z");
    }
}

package dev.assay.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Logs a session's turns from a role/content message list. Each {@code user} message opens a turn
 * and the next {@code assistant} message completes it. The whole batch is stored or nothing is.
 *
 * @param conversationSimulatorVersion copied onto every turn the batch creates
 */
public record CreateInferenceResultBatchRequest(
        @Nullable String sessionId,
        @Nullable String sessionCustomId,
        @Nullable String versionId,
        @Nullable String productId,
        @Nullable List<ConversationTurn> conversationTurns,
        @Nullable String conversationSimulatorVersion) {

    /** A batch for the given session. */
    public static CreateInferenceResultBatchRequest of(String sessionId, List<ConversationTurn> turns) {
        return new CreateInferenceResultBatchRequest(sessionId, null, null, null, turns, null);
    }
}

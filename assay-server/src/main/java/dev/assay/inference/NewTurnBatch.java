package dev.assay.inference;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A session's messages in chat order, to be paired into turns and stored all at once. */
public record NewTurnBatch(SessionReference session, List<Message> messages, @Nullable String conversationSimulatorVersion) {

    public NewTurnBatch {
        messages = List.copyOf(messages);
    }

    /** The author of a message. */
    public enum Role {
        USER, ASSISTANT
    }

    /** One chat message. */
    public record Message(Role role, String content, @Nullable String retrievalContext) {}
}

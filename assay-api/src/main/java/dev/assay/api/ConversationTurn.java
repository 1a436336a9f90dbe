package dev.assay.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;

/**
 * One message of a batch, in the OpenAI chat {@code messages} shape.
 *
 * @param role {@code user} or {@code assistant} (case-insensitive)
 * @param content the message text
 * @param retrievalContext RAG context of an assistant message; {@code retrieval_context} is accepted too
 */
public record ConversationTurn(
        @Nullable String role,
        @Nullable String content,
        @JsonAlias("retrieval_context") @Nullable String retrievalContext) {

    /** A user message. */
    public static ConversationTurn user(String content) {
        return new ConversationTurn("user", content, null);
    }

    /** An assistant message. */
    public static ConversationTurn assistant(String content) {
        return new ConversationTurn("assistant", content, null);
    }
}

package dev.assay.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Pairs chat messages into turns (docs/reference/galtea-contract.md §1.4): each user message opens a turn and
 * the next assistant message completes it. An assistant message with no open turn becomes a turn
 * without input; a user message with no answer becomes a turn without output.
 */
final class TurnPairing {

    private TurnPairing() {}

    /** A turn made of at most one user and one assistant message. */
    record PairedTurn(
            @Nullable Map<String, Object> input, @Nullable String actualOutput, @Nullable String retrievalContext) {

        InferenceResultStatus status() {
            return actualOutput == null ? InferenceResultStatus.PENDING : InferenceResultStatus.GENERATED;
        }
    }

    static List<PairedTurn> pair(List<NewTurnBatch.Message> messages) {
        List<PairedTurn> turns = new ArrayList<>();
        Map<String, Object> openInput = null;
        for (NewTurnBatch.Message message : messages) {
            switch (message.role()) {
                case USER -> {
                    if (openInput != null) {
                        turns.add(new PairedTurn(openInput, null, null));
                    }
                    openInput = Map.of("user_message", message.content());
                }
                case ASSISTANT -> {
                    turns.add(new PairedTurn(openInput, message.content(), message.retrievalContext()));
                    openInput = null;
                }
            }
        }
        if (openInput != null) {
            turns.add(new PairedTurn(openInput, null, null));
        }
        return turns;
    }
}

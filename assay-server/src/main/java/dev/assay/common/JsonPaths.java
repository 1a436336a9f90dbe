package dev.assay.common;

import java.util.List;
import tools.jackson.core.JacksonException;

/** Renders a Jackson reference path as {@code conversationTurns[2].role}. */
final class JsonPaths {

    private JsonPaths() {}

    static String describe(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            String name = reference.getPropertyName();
            if (name != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(name);
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}

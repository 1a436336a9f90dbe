package dev.assay.cli;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/** The arguments of one API command: its path id and its request body (from {@code --data} and the flags). */
final class Call {
    private final @Nullable String id;
    private final ObjectNode body;
    private final Context context;

    Call(@Nullable String id, ObjectNode body, Context context) {
        this.id = id;
        this.body = body;
        this.context = context;
    }

    String id() {
        if (id == null) {
            throw CliException.usage("The id is required");
        }
        return id;
    }

    ObjectNode body() {
        return body;
    }

    Context context() {
        return context;
    }

    /** The body as the SDK's request type; a field the request does not have is a usage error. */
    <T> T body(Class<T> type) {
        try {
            return context.json.treeToValue(body, type);
        } catch (JacksonException e) {
            throw CliException.usage("Invalid request body: " + e.getOriginalMessage());
        }
    }

    <T> List<T> requireList(@Nullable List<T> values, String field) {
        if (values == null || values.isEmpty()) {
            throw CliException.usage(ApiCommands.flag(field) + " is required");
        }
        return values;
    }
}

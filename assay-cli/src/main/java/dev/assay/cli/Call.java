package dev.assay.cli;

import dev.assay.client.ListOptions;
import java.util.ArrayList;
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
            return context.json().treeToValue(body, type);
        } catch (JacksonException e) {
            throw CliException.usage("Invalid request body: " + e.getOriginalMessage());
        }
    }

    /** A string field of the body that must be set. */
    String required(String field) {
        tools.jackson.databind.JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asString().isBlank()) {
            throw CliException.usage(ApiCommands.flag(field) + " is required");
        }
        return value.asString();
    }

    /** The given body fields as query parameters: lists as array filters, the others as single values. */
    ListOptions queryOf(ApiCommands.Field... fields) {
        ListOptions options = ListOptions.none();
        for (ApiCommands.Field field : fields) {
            tools.jackson.databind.JsonNode value = body.get(field.name());
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asString()));
                options = options.filter(field.name(), items.toArray(String[]::new));
            } else {
                options = options.with(field.name(), value.asString());
            }
        }
        return options;
    }

    <T> List<T> requireList(@Nullable List<T> values, String field) {
        if (values == null || values.isEmpty()) {
            throw CliException.usage(ApiCommands.flag(field) + " is required");
        }
        return values;
    }
}

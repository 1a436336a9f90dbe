package dev.assay.cli;

import dev.assay.api.UpdateInferenceResultRequest;
import dev.assay.api.UpdateSessionRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PATCH bodies: every field present in the JSON is sent, a JSON {@code null} clears the field, an
 * absent one stays unchanged on the server.
 */
final class Updates {
    private Updates() {}

    static UpdateSessionRequest session(ObjectNode body, Context context) {
        UpdateSessionRequest.Builder update = UpdateSessionRequest.builder();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "customId" -> update.customId(text(value));
                case "status" -> update.status(text(value));
                case "context" -> update.context(text(value));
                case "stoppingReason" -> update.stoppingReason(text(value));
                case "error" -> update.error(text(value));
                case "metadata" -> update.metadata(value.isNull() ? null : map(value, context));
                default -> throw unknown(field.getKey());
            }
        }
        return update.build();
    }

    static UpdateInferenceResultRequest inferenceResult(ObjectNode body, Context context) {
        UpdateInferenceResultRequest.Builder update = UpdateInferenceResultRequest.builder();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "status" -> update.status(text(value));
                case "error" -> update.error(text(value));
                case "input" -> update.input(value.isNull() ? null : value.isObject() ? map(value, context) : value.asString());
                case "actualOutput" -> update.actualOutput(text(value));
                case "retrievalContext" -> update.retrievalContext(text(value));
                case "latency" -> update.latency(number(value));
                case "inputTokens" -> update.inputTokens(integer(value));
                case "outputTokens" -> update.outputTokens(integer(value));
                case "cacheReadInputTokens" -> update.cacheReadInputTokens(integer(value));
                case "tokens" -> update.tokens(integer(value));
                case "costPerInputToken" -> update.costPerInputToken(number(value));
                case "costPerOutputToken" -> update.costPerOutputToken(number(value));
                case "costPerCacheReadInputToken" -> update.costPerCacheReadInputToken(number(value));
                case "cost" -> update.cost(number(value));
                default -> throw unknown(field.getKey());
            }
        }
        return update.build();
    }

    private static CliException unknown(String field) {
        return CliException.usage("Invalid request body: unknown field \"" + field + "\"");
    }

    private static @Nullable String text(JsonNode value) {
        return value.isNull() ? null : value.asString();
    }

    private static @Nullable Double number(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw CliException.usage("Invalid request body: expected a number, got " + value);
        }
        return value.doubleValue();
    }

    private static @Nullable Long integer(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw CliException.usage("Invalid request body: expected an integer, got " + value);
        }
        return value.longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(JsonNode value, Context context) {
        if (!value.isObject()) {
            throw CliException.usage("Invalid request body: expected an object, got " + value);
        }
        return context.json().convertValue(value, Map.class);
    }
}

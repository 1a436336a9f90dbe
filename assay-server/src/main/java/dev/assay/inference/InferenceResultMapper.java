package dev.assay.inference;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateInferenceResultBatchRequest;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.common.AssayException;
import dev.assay.common.FieldChange;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.JsonFields;
import dev.assay.common.JsonValues;
import dev.assay.common.Timestamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

final class InferenceResultMapper {

    private InferenceResultMapper() {}

    static NewInferenceResult toNew(CreateInferenceResultRequest request) {
        Usage usage = new Usage(request.inputTokens(), request.outputTokens(), request.cacheReadInputTokens(),
                request.tokens(), request.costPerInputToken(), request.costPerOutputToken(),
                request.costPerCacheReadInputToken(), request.cost());
        InferenceResultStatus status = request.status() == null ? null : InferenceResultStatus.fromWire("status", request.status());
        return new NewInferenceResult(
                new SessionReference(request.sessionId(), request.sessionCustomId(), request.versionId(), request.productId()),
                request.userId(), request.index(), status, request.error(),
                new InferenceResult.Content(toInput(request.input()), request.actualOutput(), request.retrievalContext()),
                new InferenceResult.Measurements(request.latency(), usage, null),
                request.conversationSimulatorVersion(),
                request.traceId() == null ? null : request.traceId().toLowerCase(Locale.ROOT));
    }

    static NewTurnBatch toBatch(CreateInferenceResultBatchRequest request) {
        if (request.conversationTurns() == null) {
            throw AssayException.invalidField("conversationTurns", "is required");
        }
        List<NewTurnBatch.Message> messages = new ArrayList<>();
        List<ConversationTurn> turns = request.conversationTurns();
        for (int i = 0; i < turns.size(); i++) {
            messages.add(toMessage("conversationTurns[" + i + "]", turns.get(i)));
        }
        return new NewTurnBatch(
                new SessionReference(request.sessionId(), request.sessionCustomId(), request.versionId(), request.productId()),
                messages, request.conversationSimulatorVersion());
    }

    static InferenceResultChanges toChanges(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        FieldChange<String> status = fields.text("status");
        FieldChange<InferenceResultStatus> parsedStatus = !status.present()
                ? FieldChange.absent()
                : FieldChange.of(status.value() == null ? null : InferenceResultStatus.fromWire("status", status.value()));
        JsonNode inputNode = fields.raw("input");
        FieldChange<Map<String, Object>> input = inputNode == null
                ? FieldChange.absent()
                : FieldChange.of(toInput(JsonValues.toJava(inputNode)));
        return new InferenceResultChanges(parsedStatus, fields.text("error"), input, fields.text("actualOutput"),
                fields.text("retrievalContext"), fields.number("latency"), fields.integer("inputTokens"),
                fields.integer("outputTokens"), fields.integer("cacheReadInputTokens"), fields.integer("tokens"),
                fields.number("costPerInputToken"), fields.number("costPerOutputToken"),
                fields.number("costPerCacheReadInputToken"), fields.number("cost"));
    }

    static InferenceResultResponse toResponse(InferenceResult result) {
        InferenceResult.Content content = result.content();
        InferenceResult.Measurements measurements = result.measurements();
        Usage usage = measurements.usage();
        return new InferenceResultResponse(
                Ids.format(IdKind.INFERENCE_RESULT, result.id()),
                Ids.format(IdKind.SESSION, result.sessionId()),
                result.userId(),
                result.index(),
                result.status().name(),
                result.error(),
                content.input(),
                content.actualOutput(),
                content.retrievalContext(),
                wireNumber(measurements.latency()),
                usage.inputTokens(),
                usage.outputTokens(),
                usage.cacheReadInputTokens(),
                usage.tokens(),
                usage.costPerInputToken(),
                usage.costPerOutputToken(),
                usage.costPerCacheReadInputToken(),
                usage.cost(),
                measurements.creditsUsed(),
                result.conversationSimulatorVersion(),
                result.traceId(),
                Timestamps.format(result.createdAt()),
                Timestamps.formatNullable(result.deletedAt()));
    }

    /** A string input becomes {@code {"user_message": s}}; an object is kept; anything else is a 400. */
    @SuppressWarnings("unchecked")
    static @Nullable Map<String, Object> toInput(@Nullable Object input) {
        if (input == null) {
            return null;
        }
        if (input instanceof String text) {
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("user_message", text);
            return wrapped;
        }
        if (input instanceof Map<?, ?> map) {
            requireFiniteNumbers(map);
            return (Map<String, Object>) map;
        }
        throw AssayException.invalidField("input", "must be a string or a JSON object");
    }

    /** A number beyond a double's range is read as infinity, which would be stored as the string "Infinity". */
    private static void requireFiniteNumbers(@Nullable Object value) {
        switch (value) {
            case Double number when !Double.isFinite(number) ->
                throw AssayException.invalidField("input", "contains a number beyond the range of a double");
            case Map<?, ?> map -> map.values().forEach(InferenceResultMapper::requireFiniteNumbers);
            case List<?> list -> list.forEach(InferenceResultMapper::requireFiniteNumbers);
            case null, default -> {
            }
        }
    }

    /** An integral value is written without a fraction ({@code 150}, not {@code 150.0}). */
    private static @Nullable Number wireNumber(@Nullable Double value) {
        if (value == null) {
            return null;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return value.longValue();
        }
        return value;
    }

    private static NewTurnBatch.Message toMessage(String field, @Nullable ConversationTurn turn) {
        if (turn == null) {
            throw AssayException.invalidField(field, "must be an object with role and content");
        }
        if (turn.role() == null) {
            throw AssayException.invalidField(field + ".role", "is required (user or assistant)");
        }
        NewTurnBatch.Role role = switch (turn.role().strip().toLowerCase(Locale.ROOT)) {
            case "user" -> NewTurnBatch.Role.USER;
            case "assistant" -> NewTurnBatch.Role.ASSISTANT;
            default -> throw AssayException.invalidField(field + ".role", "unknown role '" + turn.role() + "' (user or assistant)");
        };
        if (turn.content() == null) {
            throw AssayException.invalidField(field + ".content", "is required");
        }
        return new NewTurnBatch.Message(role, turn.content(), turn.retrievalContext());
    }
}

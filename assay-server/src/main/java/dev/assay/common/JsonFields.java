package dev.assay.common;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a PATCH body field by field, keeping absent apart from {@code null} and refusing wrong
 * JSON types with a 400 that names the field (docs/reference/galtea-contract.md §7.1, §9.1).
 */
public final class JsonFields {
    private final ObjectNode body;

    private JsonFields(ObjectNode body) {
        this.body = body;
    }

    public static JsonFields of(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            throw AssayException.invalid("Request body must be a JSON object");
        }
        return new JsonFields(object);
    }

    public FieldChange<String> text(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return FieldChange.absent();
        }
        if (node.isNull()) {
            return FieldChange.of(null);
        }
        if (!node.isString()) {
            throw AssayException.invalidField(name, "must be a string");
        }
        return FieldChange.of(node.stringValue());
    }

    /** An integral number that fits a long; a fraction or a string is refused. */
    public FieldChange<Long> integer(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return FieldChange.absent();
        }
        if (node.isNull()) {
            return FieldChange.of(null);
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw AssayException.invalidField(name, "must be an integer");
        }
        return FieldChange.of(node.longValue());
    }

    public FieldChange<Double> number(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return FieldChange.absent();
        }
        if (node.isNull()) {
            return FieldChange.of(null);
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw AssayException.invalidField(name, "must be a number");
        }
        return FieldChange.of(node.doubleValue());
    }

    /** A JSON object, as a map of plain Java values. */
    public FieldChange<Map<String, Object>> object(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return FieldChange.absent();
        }
        if (node.isNull()) {
            return FieldChange.of(null);
        }
        if (!node.isObject()) {
            throw AssayException.invalidField(name, "must be a JSON object");
        }
        return FieldChange.of(toMap((ObjectNode) node));
    }

    public JsonNode raw(String name) {
        return body.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(ObjectNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        node.properties().forEach(entry -> map.put(entry.getKey(), JsonValues.toJava(entry.getValue())));
        return map;
    }
}

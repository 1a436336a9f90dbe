package dev.assay.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Converts between JSON text, JSON trees and plain Java maps for the jsonb columns. */
public final class JsonValues {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonValues() {}

    public static @Nullable Object toJava(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> map.put(entry.getKey(), toJava(entry.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.values().forEach(item -> list.add(toJava(item)));
            return list;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.longValue() : node.bigIntegerValue();
        }
        return node.isBigDecimal() ? node.decimalValue() : node.doubleValue();
    }

    /** JSON text for a jsonb parameter. */
    public static @Nullable String write(@Nullable Map<String, Object> value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    @SuppressWarnings("unchecked")
    public static @Nullable Map<String, Object> readObject(@Nullable String text) {
        return text == null ? null : JSON.readValue(text, LinkedHashMap.class);
    }
}

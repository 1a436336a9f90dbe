package dev.assay.trace;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.assay.common.AssayException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OTLP/HTTP trace export in either encoding into {@link OtlpSpan}s: protobuf through the
 * official OpenTelemetry message classes, JSON (the OTLP JSON mapping: hex ids, integer or string
 * 64-bit numbers, lowerCamelCase or snake_case names) through Jackson.
 */
final class OtlpDecoder {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();
    /** Nesting of attribute values (arrays, key-value lists) beyond this is cut. */
    private static final int MAX_VALUE_DEPTH = 16;

    private OtlpDecoder() {}

    static List<OtlpSpan> fromProtobuf(byte[] body, int maxSpans) {
        ExportTraceServiceRequest request;
        try {
            request = ExportTraceServiceRequest.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw AssayException.invalid("The body is not an OTLP ExportTraceServiceRequest in protobuf");
        }
        List<OtlpSpan> spans = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Map<String, Object> resource = attributes(resourceSpans.getResource().getAttributesList());
            for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
                for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
                    if (spans.size() == maxSpans) {
                        throw tooMany(maxSpans);
                    }
                    spans.add(new OtlpSpan(hex(span.getTraceId()), hex(span.getSpanId()),
                            span.getParentSpanId().isEmpty() ? null : hex(span.getParentSpanId()), span.getName(),
                            span.getStartTimeUnixNano(), span.getEndTimeUnixNano(), attributes(span.getAttributesList()),
                            resource, span.getStatus().getCodeValue(),
                            span.getStatus().getMessage().isEmpty() ? null : span.getStatus().getMessage()));
                }
            }
        }
        return spans;
    }

    static List<OtlpSpan> fromJson(byte[] body, int maxSpans) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw AssayException.invalid("Malformed OTLP JSON request body");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        if (!root.isObject()) {
            throw AssayException.invalid("The OTLP JSON body must be an object {\"resourceSpans\": [...]}");
        }
        List<OtlpSpan> spans = new ArrayList<>();
        for (JsonNode resourceSpans : array(field(root, "resourceSpans", "resource_spans"), "resourceSpans")) {
            JsonNode resourceNode = field(resourceSpans, "resource", "resource");
            Map<String, Object> resource = jsonAttributes(resourceNode == null ? null : field(resourceNode, "attributes", "attributes"));
            for (JsonNode scope : array(field(resourceSpans, "scopeSpans", "scope_spans"), "scopeSpans")) {
                for (JsonNode span : array(field(scope, "spans", "spans"), "spans")) {
                    if (spans.size() == maxSpans) {
                        throw tooMany(maxSpans);
                    }
                    spans.add(jsonSpan(span, resource));
                }
            }
        }
        return spans;
    }

    private static OtlpSpan jsonSpan(JsonNode span, Map<String, Object> resource) {
        if (!span.isObject()) {
            throw AssayException.invalid("Each OTLP span must be a JSON object");
        }
        JsonNode status = field(span, "status", "status");
        String parent = text(field(span, "parentSpanId", "parent_span_id"));
        String statusMessage = status == null ? null : text(field(status, "message", "message"));
        return new OtlpSpan(
                orEmpty(text(field(span, "traceId", "trace_id"))).toLowerCase(Locale.ROOT),
                orEmpty(text(field(span, "spanId", "span_id"))).toLowerCase(Locale.ROOT),
                parent == null || parent.isEmpty() ? null : parent.toLowerCase(Locale.ROOT),
                orEmpty(text(field(span, "name", "name"))),
                number(field(span, "startTimeUnixNano", "start_time_unix_nano")),
                number(field(span, "endTimeUnixNano", "end_time_unix_nano")),
                jsonAttributes(field(span, "attributes", "attributes")),
                resource,
                status == null ? 0 : statusCode(field(status, "code", "code")),
                statusMessage == null || statusMessage.isEmpty() ? null : statusMessage);
    }

    private static Map<String, Object> attributes(List<KeyValue> keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (KeyValue keyValue : keyValues) {
            map.put(keyValue.getKey(), value(keyValue.getValue(), 0));
        }
        return map;
    }

    private static @Nullable Object value(AnyValue value, int depth) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> value.getBoolValue();
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> Double.isFinite(value.getDoubleValue()) ? value.getDoubleValue() : null;
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            case ARRAY_VALUE -> {
                if (depth >= MAX_VALUE_DEPTH) {
                    yield null;
                }
                List<Object> list = new ArrayList<>();
                value.getArrayValue().getValuesList().forEach(item -> list.add(value(item, depth + 1)));
                yield list;
            }
            case KVLIST_VALUE -> {
                if (depth >= MAX_VALUE_DEPTH) {
                    yield null;
                }
                Map<String, Object> map = new LinkedHashMap<>();
                value.getKvlistValue().getValuesList().forEach(kv -> map.put(kv.getKey(), value(kv.getValue(), depth + 1)));
                yield map;
            }
            default -> null;
        };
    }

    private static Map<String, Object> jsonAttributes(@Nullable JsonNode list) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonNode keyValue : array(list, "attributes")) {
            String key = text(field(keyValue, "key", "key"));
            if (key == null) {
                throw AssayException.invalid("An OTLP attribute has no key");
            }
            map.put(key, jsonValue(field(keyValue, "value", "value"), 0));
        }
        return map;
    }

    private static @Nullable Object jsonValue(@Nullable JsonNode value, int depth) {
        if (value == null || !value.isObject() || depth >= MAX_VALUE_DEPTH) {
            return null;
        }
        JsonNode node;
        if ((node = field(value, "stringValue", "string_value")) != null) {
            return text(node);
        }
        if ((node = field(value, "boolValue", "bool_value")) != null) {
            if (!node.isBoolean()) {
                throw AssayException.invalid("An OTLP boolValue must be true or false");
            }
            return node.booleanValue();
        }
        if ((node = field(value, "intValue", "int_value")) != null) {
            return number(node);
        }
        if ((node = field(value, "doubleValue", "double_value")) != null) {
            double number = node.isNumber() ? node.doubleValue() : parseDouble(node);
            return Double.isFinite(number) ? number : null;
        }
        if ((node = field(value, "bytesValue", "bytes_value")) != null) {
            return text(node);
        }
        if ((node = field(value, "arrayValue", "array_value")) != null) {
            List<Object> list = new ArrayList<>();
            for (JsonNode item : array(field(node, "values", "values"), "arrayValue.values")) {
                list.add(jsonValue(item, depth + 1));
            }
            return list;
        }
        if ((node = field(value, "kvlistValue", "kvlist_value")) != null) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (JsonNode keyValue : array(field(node, "values", "values"), "kvlistValue.values")) {
                String key = text(field(keyValue, "key", "key"));
                if (key != null) {
                    map.put(key, jsonValue(field(keyValue, "value", "value"), depth + 1));
                }
            }
            return map;
        }
        return null;
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }

    private static double parseDouble(JsonNode node) {
        try {
            return Double.parseDouble(node.asString());
        } catch (NumberFormatException e) {
            throw AssayException.invalid("An OTLP doubleValue must be a number");
        }
    }

    private static @Nullable JsonNode field(JsonNode node, String camel, String snake) {
        JsonNode value = node.get(camel);
        if (value == null) {
            value = node.get(snake);
        }
        return value == null || value.isNull() ? null : value;
    }

    private static Iterable<JsonNode> array(@Nullable JsonNode node, String name) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw AssayException.invalid("OTLP field " + name + " must be an array");
        }
        return node.values();
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            throw AssayException.invalid("An OTLP string field holds " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return node.stringValue();
    }

    /** A 64-bit integer: the OTLP JSON mapping writes it as a decimal string, many encoders as a number. */
    private static long number(@Nullable JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isString()) {
            try {
                return Long.parseUnsignedLong(node.stringValue());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw AssayException.invalid("An OTLP 64-bit integer must be a number or a decimal string: " + node);
    }

    private static int statusCode(@Nullable JsonNode node) {
        if (node == null) {
            return 0;
        }
        if (node.isIntegralNumber()) {
            return node.intValue();
        }
        if (node.isString()) {
            return switch (node.stringValue()) {
                case "STATUS_CODE_OK" -> 1;
                case "STATUS_CODE_ERROR" -> 2;
                default -> 0;
            };
        }
        return 0;
    }

    private static String hex(ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    private static AssayException tooMany(int maxSpans) {
        return AssayException.invalid("An OTLP request may carry at most " + maxSpans + " spans");
    }
}

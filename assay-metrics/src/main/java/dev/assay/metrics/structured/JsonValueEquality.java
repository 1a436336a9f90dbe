package dev.assay.metrics.structured;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Strict JSON equality (spec §10.2) with Python's number semantics: integers compare exactly,
 * numbers written with a fraction or exponent compare as IEEE doubles, and an integer equals a
 * double only if their exact values are equal ({@code 30 == 30.0}, but {@code 9007199254740993 !=
 * 9007199254740993.0}). Strings, numbers, booleans and null never equal each other across types.
 */
final class JsonValueEquality {

    private final UnaryOperator<String> stringNormalizer;

    /**
     * @param stringNormalizer applied to every string value (never to keys) before comparing
     */
    JsonValueEquality(UnaryOperator<String> stringNormalizer) {
        this.stringNormalizer = stringNormalizer;
    }

    /** Whether the two values are equal; recursion is bounded by the parser's nesting limit. */
    boolean areEqual(JsonNode left, JsonNode right) {
        if (left.isNumber() || right.isNumber()) {
            return left.isNumber() && right.isNumber() && numbersEqual(left, right);
        }
        if (left.getNodeType() != right.getNodeType()) {
            return false;
        }
        return switch (left.getNodeType()) {
            case STRING -> stringNormalizer.apply(left.stringValue()).equals(stringNormalizer.apply(right.stringValue()));
            case BOOLEAN -> left.booleanValue() == right.booleanValue();
            case NULL -> true;
            case ARRAY -> arraysEqual(left, right);
            case OBJECT -> objectsEqual(left, right);
            default -> false;
        };
    }

    private boolean arraysEqual(JsonNode left, JsonNode right) {
        if (left.size() != right.size()) {
            return false;
        }
        for (int index = 0; index < left.size(); index++) {
            if (!areEqual(left.get(index), right.get(index))) {
                return false;
            }
        }
        return true;
    }

    private boolean objectsEqual(JsonNode left, JsonNode right) {
        if (left.size() != right.size()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> properties = left.properties().iterator();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode other = right.get(property.getKey());
            if (other == null || !areEqual(property.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    private static boolean numbersEqual(JsonNode left, JsonNode right) {
        boolean leftIntegral = left.isIntegralNumber();
        boolean rightIntegral = right.isIntegralNumber();
        if (leftIntegral && rightIntegral) {
            if (left.canConvertToLong() && right.canConvertToLong()) {
                return left.longValue() == right.longValue();
            }
            return left.bigIntegerValue().equals(right.bigIntegerValue());
        }
        if (!leftIntegral && !rightIntegral) {
            return left.doubleValue() == right.doubleValue();
        }
        BigInteger integer = leftIntegral ? left.bigIntegerValue() : right.bigIntegerValue();
        double floating = leftIntegral ? right.doubleValue() : left.doubleValue();
        if (!Double.isFinite(floating) || floating != Math.rint(floating)) {
            return false;
        }
        return new BigDecimal(floating).compareTo(new BigDecimal(integer)) == 0;
    }
}

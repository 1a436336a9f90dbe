package dev.assay.metrics.structured;

import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.metrics.internal.RequiredParameters;
import dev.assay.metrics.structured.StrictJson.InvalidJsonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The scoring shared by both JSON Field Match metrics (spec §10.3): the fraction of the expected
 * object's top-level fields whose value the actual object holds under the same key.
 */
final class JsonFieldComparison {

    private static final int MAX_KEYS_IN_REASON = 10;

    private final String metricName;
    private final JsonValueEquality equality;

    /**
     * @param metricName the display name used in failure reasons
     * @param stringNormalizer applied to string values (not keys) before comparing
     */
    JsonFieldComparison(String metricName, UnaryOperator<String> stringNormalizer) {
        this.metricName = metricName;
        this.equality = new JsonValueEquality(stringNormalizer);
    }

    /** Scores one input; never throws. */
    MetricResult score(MetricInput input) {
        return RequiredParameters.scoreOutputs(input, metricName, this::parseAndCompare);
    }

    private MetricResult parseAndCompare(String actualOutput, String expectedOutput) {
        ObjectNode expected;
        ObjectNode actual;
        try {
            expected = JsonObjectParser.parseExpected(expectedOutput);
            actual = JsonObjectParser.parseActual(actualOutput);
        } catch (InvalidJsonException e) {
            return new MetricResult.Failed(e.getMessage());
        }
        return compare(actual, expected);
    }

    private MetricResult compare(ObjectNode actual, ObjectNode expected) {
        if (expected.isEmpty()) {
            return new MetricResult.Scored(1.0, "The expected object has no fields; nothing to match.");
        }
        List<String> missingKeys = new ArrayList<>();
        List<String> differentKeys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : expected.properties()) {
            JsonNode actualValue = actual.get(field.getKey());
            if (actualValue == null) {
                missingKeys.add(field.getKey());
            } else if (!equality.areEqual(actualValue, field.getValue())) {
                differentKeys.add(field.getKey());
            }
        }
        int total = expected.size();
        int matching = total - missingKeys.size() - differentKeys.size();
        double score = (double) matching / total;
        StringBuilder reason = new StringBuilder(String.format(Locale.ROOT, "%d of %d expected fields match", matching,
                total));
        appendKeys(reason, "different values", differentKeys);
        appendKeys(reason, "missing", missingKeys);
        return new MetricResult.Scored(score, reason.append('.').toString());
    }

    private static void appendKeys(StringBuilder reason, String label, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        reason.append("; ").append(label).append(": ");
        List<String> shown = keys.subList(0, Math.min(keys.size(), MAX_KEYS_IN_REASON));
        reason.append(String.join(", ", shown));
        if (keys.size() > shown.size()) {
            reason.append(" and ").append(keys.size() - shown.size()).append(" more");
        }
    }
}

package dev.assay.metrics.structured;

import dev.assay.metrics.internal.PythonText;
import dev.assay.metrics.structured.StrictJson.InvalidJsonException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads the JSON objects that JSON Field Match compares (spec §10.1). */
final class JsonObjectParser {

    private static final String FENCE = "```";

    private JsonObjectParser() {}

    /**
     * Parses {@code expected_output}: strict JSON whose top level must be an object.
     *
     * @throws InvalidJsonException if the text is not JSON or not an object
     */
    static ObjectNode parseExpected(String expectedOutput) throws InvalidJsonException {
        JsonNode node;
        try {
            node = StrictJson.parse(expectedOutput);
        } catch (InvalidJsonException e) {
            throw new InvalidJsonException("expected_output is not valid JSON: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidJsonException("expected_output must be a JSON object, not " + describe(node));
        }
        return object;
    }

    /**
     * Parses {@code actual_output} leniently; the first of these that parses to an object wins: the
     * whole text trimmed, the content of the first Markdown code fence, the text from the first
     * {@code {} to the last {@code }}.
     *
     * @throws InvalidJsonException if none of them is a JSON object
     */
    static ObjectNode parseActual(String actualOutput) throws InvalidJsonException {
        String wholeText = PythonText.strip(actualOutput);
        String wholeTextError;
        try {
            JsonNode node = StrictJson.parse(wholeText);
            if (node instanceof ObjectNode object) {
                return object;
            }
            wholeTextError = "the text is JSON but not an object (" + describe(node) + ")";
        } catch (InvalidJsonException e) {
            wholeTextError = e.getMessage();
        }
        ObjectNode fenced = parseObjectOrNull(fencedContent(actualOutput));
        if (fenced != null) {
            return fenced;
        }
        ObjectNode braced = parseObjectOrNull(bracedContent(actualOutput));
        if (braced != null) {
            return braced;
        }
        throw new InvalidJsonException("actual_output contains no JSON object: " + wholeTextError);
    }

    private static @Nullable String fencedContent(String text) {
        int open = text.indexOf(FENCE);
        if (open < 0) {
            return null;
        }
        int contentStart = open + FENCE.length();
        while (contentStart < text.length() && isLanguageTagCharacter(text.charAt(contentStart))) {
            contentStart++;
        }
        int close = text.indexOf(FENCE, contentStart);
        if (close < 0) {
            return null;
        }
        return PythonText.strip(text.substring(contentStart, close));
    }

    private static boolean isLanguageTagCharacter(char character) {
        return (character >= 'a' && character <= 'z')
                || (character >= 'A' && character <= 'Z')
                || (character >= '0' && character <= '9')
                || character == '_' || character == '-' || character == '+' || character == '.' || character == '#';
    }

    private static @Nullable String bracedContent(String text) {
        int first = text.indexOf('{');
        int last = text.lastIndexOf('}');
        return first >= 0 && last > first ? text.substring(first, last + 1) : null;
    }

    private static @Nullable ObjectNode parseObjectOrNull(@Nullable String candidate) {
        if (candidate == null) {
            return null;
        }
        try {
            return StrictJson.parse(candidate) instanceof ObjectNode object ? object : null;
        } catch (InvalidJsonException e) {
            return null;
        }
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }
}

package dev.assay.metrics.structured;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses RFC 8259 JSON text into a tree the way Python's {@code json.loads} reads the values the
 * metrics compare.
 *
 * <p>Integers (no fraction, no exponent) keep their exact value, whatever their size; numbers with
 * a fraction or an exponent become IEEE doubles, overflowing to infinity ({@code 1e400}) as
 * Python's {@code float()} does. A duplicate key keeps its last value. Unlike Python, the
 * non-standard tokens {@code NaN}, {@code Infinity} and {@code -Infinity} are rejected: the
 * inputs must be strict JSON. Thread-safe.
 */
final class StrictJson {

    /** Python refuses to convert integers longer than this many digits (sys.int_info). */
    private static final int MAX_NUMBER_LENGTH = 4300;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private StrictJson() {}

    /**
     * Parses one JSON value that may be surrounded by JSON whitespace only.
     *
     * @throws InvalidJsonException with the parser's message if the text is not one JSON value
     */
    static JsonNode parse(String text) throws InvalidJsonException {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidJsonException(String.valueOf(e.getOriginalMessage()));
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidJsonException("no JSON value (empty or whitespace-only text)");
        }
        return node;
    }

    /** A text that is not a single JSON value. */
    static final class InvalidJsonException extends Exception {
        private static final long serialVersionUID = 1L;

        private final String reason;

        InvalidJsonException(String message) {
            super(message);
            this.reason = message;
        }

        /** The message, never null, unlike {@link Throwable#getMessage()} in general. */
        @Override
        public String getMessage() {
            return reason;
        }
    }
}

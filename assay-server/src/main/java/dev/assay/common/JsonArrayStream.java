package dev.assay.common;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a list response as a JSON array while its rows are read, so a response holds one fetch
 * of rows in memory, not the whole list (docs/api.md, "Lists").
 *
 * <p>Nothing is written before the first row: a failure in validation or in the query before it
 * still gets the normal error response, and so does one while the written part still fits the
 * response buffer (the buffer is discarded). A failure after the status line has gone out cannot
 * be reported any more; the connection is then closed without the end of the body (see
 * {@link ResponseAbortedException}), never with an error object after a partial array.
 */
public final class JsonArrayStream implements Consumer<Object> {
    private final HttpServletResponse response;
    private final JsonMapper json;
    private @Nullable JsonGenerator generator;

    private JsonArrayStream(HttpServletResponse response, JsonMapper json) {
        this.response = response;
        this.json = json;
    }

    /** Runs {@code producer}, which hands every element to the consumer it gets, and writes them as one array. */
    public static void write(HttpServletResponse response, JsonMapper json, Consumer<Consumer<Object>> producer) {
        JsonArrayStream stream = new JsonArrayStream(response, json);
        try {
            producer.accept(stream);
            JsonGenerator generator = stream.start();
            generator.writeEndArray();
            generator.close();
        } catch (RuntimeException e) {
            if (!response.isCommitted()) {
                response.resetBuffer();
                throw e;
            }
            throw new ResponseAbortedException(e);
        }
    }

    @Override
    public void accept(Object element) {
        start().writePOJO(element);
    }

    /** The generator, created with the array's start on the first call. */
    private JsonGenerator start() {
        JsonGenerator current = generator;
        if (current != null) {
            return current;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try {
            current = json.createGenerator(response.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        current.writeStartArray();
        generator = current;
        return current;
    }
}

package dev.assay.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON converter of the API, handling whole documents both ways (docs/api.md, "JSON limits").
 *
 * <p>A response body is serialized into memory before anything is sent, so a value that cannot
 * be written fails while the status line can still become a clean 500: a client never receives a
 * 200 with a truncated body followed by an error object. The body gets a {@code Content-Length}.
 *
 * <p>A request body (already bounded by {@link BodySizeLimitFilter}) is read whole and checked for
 * UTF-16 surrogates that do not form a pair, which no database column can hold: PostgreSQL's
 * driver would store them as {@code ?} while the create response echoed them.
 */
final class WholeJsonConverter extends JacksonJsonHttpMessageConverter {

    WholeJsonConverter(JsonMapper json) {
        super(json);
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, @Nullable Map<String, Object> hints)
            throws IOException, HttpMessageNotReadableException {
        byte[] body = input.getBody().readAllBytes();
        JsonText.requirePairedSurrogates(body);
        return super.read(type, new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        }, hints);
    }

    @Override
    protected void writeInternal(Object value, ResolvableType type, HttpOutputMessage output,
            @Nullable Map<String, Object> hints) throws IOException, HttpMessageNotWritableException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
        super.writeInternal(value, type, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return buffer;
            }

            @Override
            public HttpHeaders getHeaders() {
                return output.getHeaders();
            }
        }, hints);
        output.getHeaders().setContentLength(buffer.size());
        buffer.writeTo(output.getBody());
    }
}

package dev.assay.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** A response body is serialized whole before a byte reaches the client. */
class WholeJsonConverterTest {
    private final WholeJsonConverter converter = new WholeJsonConverter(JsonMapper.builder().build());

    /** A value whose serialization fails after many bytes were produced. */
    public static final class Failing {
        public String getText() {
            throw new IllegalStateException("cannot serialize");
        }
    }

    @Test
    void write_whenSerializationFailsHalfway_sendsNothing() {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(Map.of("text", "row " + i + " " + "x".repeat(100)));
        }
        rows.add(new Failing());
        Output output = new Output();

        assertThatThrownBy(() -> converter.write(rows, ResolvableType.forClass(List.class), MediaType.APPLICATION_JSON,
                output, null)).hasStackTraceContaining("cannot serialize");

        assertThat(output.body.size()).isZero();
        assertThat(output.bodyRequested).isFalse();
    }

    @Test
    void write_sendsTheWholeBodyWithItsLength() throws Exception {
        Output output = new Output();

        converter.write(Map.of("name", "é"), ResolvableType.forClass(Map.class), MediaType.APPLICATION_JSON, output, null);

        byte[] expected = "{\"name\":\"é\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(output.body.toByteArray()).isEqualTo(expected);
        assertThat(output.headers.getContentLength()).isEqualTo(expected.length);
    }

    private static final class Output implements HttpOutputMessage {
        private final HttpHeaders headers = new HttpHeaders();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private boolean bodyRequested;

        @Override
        public OutputStream getBody() {
            bodyRequested = true;
            return body;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}

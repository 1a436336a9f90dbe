package dev.assay.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"\\ud800\"}", "\"\\udc00\"", "\"\\ud83d\\u0041\"", "\"\\ud83d\\n\"", "\"\\ud83d"})
    void requirePairedSurrogates_withLoneSurrogate_refuses(String json) {
        assertThatThrownBy(() -> JsonText.requirePairedSurrogates(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AssayException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"\\ud83d\\ude00\"}", "\"\\\\ud800\"", "\"\\u00e9 \\n \\\" é 😀\"", "\"\\uzzzz\""})
    void requirePairedSurrogates_withValidText_accepts(String json) {
        assertThatCode(() -> JsonText.requirePairedSurrogates(json.getBytes(StandardCharsets.UTF_8))).doesNotThrowAnyException();
    }

    @Test
    void requirePairedSurrogates_withUtf8EncodedSurrogate_refuses() {
        byte[] json = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        assertThatThrownBy(() -> JsonText.requirePairedSurrogates(json)).isInstanceOf(AssayException.class);
    }
}

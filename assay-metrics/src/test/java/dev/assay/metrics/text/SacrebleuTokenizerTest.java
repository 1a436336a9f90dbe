package dev.assay.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SacrebleuTokenizerTest {

    static Stream<Arguments> tokenizations() {
        return Stream.of(
                arguments("The cat sat on the mat.", List.of("The", "cat", "sat", "on", "the", "mat", ".")),
                arguments("It costs 3.50 or 2,000.", List.of("It", "costs", "3.50", "or", "2,000", ".")),
                arguments("from 1990-2000", List.of("from", "1990", "-", "2000")),
                arguments("well-known", List.of("well-known")),
                arguments("It wasn't, was it?", List.of("It", "wasn't", ",", "was", "it", "?")),
                arguments("a&amp;b &lt;x&gt; &quot;q&quot;", List.of("a", "&", "b", "<", "x", ">", "\"", "q", "\"")),
                arguments("keep <skipped>this", List.of("keep", "this")),
                arguments("hyphen-\nated line\nbreak", List.of("hyphenated", "line", "break")),
                arguments("\u00bfQu\u00e9? \u201cquoted\u201d\u2026", List.of("\u00bfQu\u00e9", "?", "\u201cquoted\u201d\u2026")),
                arguments("non\u00a0breaking\u2007figure\u202fnarrow\u0085next", List.of("non", "breaking", "figure", "narrow", "next")),
                arguments("path/to{x}|y~z", List.of("path", "/", "to", "{", "x", "}", "|", "y", "~", "z")),
                arguments("emoji\ud83d\ude00glued", List.of("emoji\ud83d\ude00glued")),
                arguments("   \t ", List.of()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("tokenizations")
    void tokenize_text_matchesThirteenA(String text, List<String> expectedTokens) {
        assertThat(SacrebleuTokenizer.tokenize(text)).containsExactlyElementsOf(expectedTokens);
    }
}

package dev.assay.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PorterStemmerTest {

    /** Metrics spec Appendix A: word, NLTK_EXTENSIONS stem, Martin-mode stem ("same" when equal). */
    static Stream<Arguments> appendixA() {
        return Stream.of(
                arguments("running", "run", "same"),
                arguments("ran", "ran", "same"),
                arguments("purchased", "purchas", "same"),
                arguments("bicycle", "bicycl", "same"),
                arguments("happy", "happi", "same"),
                arguments("agreed", "agre", "same"),
                arguments("feed", "feed", "same"),
                arguments("caresses", "caress", "same"),
                arguments("ponies", "poni", "same"),
                arguments("cats", "cat", "same"),
                arguments("relational", "relat", "same"),
                arguments("conditional", "condit", "same"),
                arguments("hopping", "hop", "same"),
                arguments("falling", "fall", "same"),
                arguments("filing", "file", "same"),
                arguments("controlling", "control", "same"),
                arguments("generalization", "gener", "same"),
                arguments("oscillators", "oscil", "same"),
                arguments("is", "is", "same"),
                arguments("was", "wa", "same"),
                arguments("this", "thi", "same"),
                arguments("children", "children", "same"),
                arguments("large", "larg", "same"),
                arguments("larger", "larger", "same"),
                arguments("meeting", "meet", "same"),
                arguments("party", "parti", "same"),
                arguments("ensures", "ensur", "same"),
                arguments("commands", "command", "same"),
                arguments("killed", "kill", "same"),
                arguments("mat.", "mat.", "same"),
                arguments("dying", "die", "dy"),
                arguments("lying", "lie", "ly"),
                arguments("tying", "tie", "ty"),
                arguments("skies", "sky", "ski"),
                arguments("news", "news", "new"),
                arguments("innings", "inning", "in"),
                arguments("fly", "fli", "fly"),
                arguments("flies", "fli", "same"),
                arguments("spy", "spi", "spy"),
                arguments("ties", "tie", "ti"),
                arguments("obeys", "obey", "obei"),
                arguments("always", "alway", "alwai"),
                arguments("delay", "delay", "delai"),
                arguments("biology", "biolog", "biologi"),
                arguments("painfully", "pain", "painfulli"),
                arguments("generously", "gener", "same"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("appendixA")
    void stem_appendixAWord_givesNltkExtensionsStem(String word, String nltkStem, String martinStem) {
        assertThat(PorterStemmer.stem(word)).isEqualTo(nltkStem);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "proceed, proceed", "exceed, exceed", "succeed, succeed", "howe, howe", "outings, outing", "cannings, canning",
            "dies, die", "died, die", "spied, spi", "enjoy, enjoy", "geology, geolog", "radically, radic",
            "yyyy, yyyi", "ski, ski", "at, at", "Running, run", "sses, ss", "ion, ion", "oed, o",
    })
    void stem_nltkOnlyRuleOrEdgeWord_matchesNltk(String word, String nltkStem) {
        assertThat(PorterStemmer.stem(word)).isEqualTo(nltkStem);
    }

    @Test
    void stem_wordWithEmoji_countsCodePoints() {
        assertThat(PorterStemmer.stem("ok\ud83d\ude00s")).isEqualTo("ok\ud83d\ude00");
        assertThat(PorterStemmer.stem("\ud83d\ude00s")).isEqualTo("\ud83d\ude00s");
    }

    @Test
    @Timeout(5)
    void stem_hundredThousandLetterWord_finishesQuickly() {
        String word = "y".repeat(50_000) + "ational".repeat(7_000);

        assertThat(PorterStemmer.stem(word)).startsWith("yyy");
    }
}

package dev.assay.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WordNetTest {

    private static final WordNet WORD_NET = WordNet.instance();

    @Nested
    class AppendixB {

        /** Metrics spec Appendix B rows whose member list is complete. */
        static Stream<Arguments> completeSynonymSets() {
            return Stream.of(
                    arguments("car", List.of("auto", "automobile", "car", "gondola", "machine", "motorcar", "railcar")),
                    arguments("children", List.of("baby", "child", "children", "fry", "kid", "minor", "nestling",
                            "nipper", "shaver", "tiddler", "tike", "tyke", "youngster")),
                    arguments("were", List.of("be", "comprise", "constitute", "cost", "embody", "equal", "exist",
                            "follow", "live", "personify", "represent", "were")),
                    arguments("geese", List.of("bozo", "cuckoo", "fathead", "geese", "goof", "goofball", "goose",
                            "jackass", "twat", "zany")),
                    arguments("guid", List.of("guid")),
                    arguments("larg", List.of("larg")),
                    arguments("mat.", List.of("mat.")));
        }

        @ParameterizedTest(name = "SYN({0})")
        @MethodSource("completeSynonymSets")
        void synonyms_appendixBWord_isExactlyTheListedSet(String word, List<String> members) {
            assertThat(WORD_NET.synonyms(word)).containsExactlyInAnyOrderElementsOf(members);
        }

        /** Metrics spec Appendix B rows given by size and notable members. */
        static Stream<Arguments> sizedSynonymSets() {
            return Stream.of(
                    arguments("car", 7, List.of("railcar")),
                    arguments("children", 13, List.of("child")),
                    arguments("kid", 18, List.of("child", "Kid", "Kyd")),
                    arguments("were", 12, List.of("be")),
                    arguments("geese", 10, List.of("goose")),
                    arguments("quick", 14, List.of("fast", "speedy", "quickly")),
                    arguments("run", 51, List.of("run")),
                    arguments("ran", 39, List.of("ran", "run")),
                    arguments("dogs", 25, List.of("dogs", "dog")),
                    arguments("better", 46, List.of("better", "good", "well")),
                    arguments("guid", 1, List.of("guid")),
                    arguments("larg", 1, List.of("larg")),
                    arguments("mat.", 1, List.of("mat.")));
        }

        @ParameterizedTest(name = "|SYN({0})| = {1}")
        @MethodSource("sizedSynonymSets")
        void synonyms_appendixBWord_hasListedSizeAndMembers(String word, int size, List<String> notableMembers) {
            assertThat(WORD_NET.synonyms(word)).hasSize(size).containsAll(notableMembers);
        }

        @Test
        void synonyms_car_excludesMultiWordLemmas() {
            assertThat(WORD_NET.synonyms("car")).doesNotContain("railway_car", "railway car");
        }

        @Test
        void synonyms_kid_keepsCapitalisedLemmaNames() {
            assertThat(WORD_NET.synonyms("kid")).contains("Kid").doesNotContain("kyd");
        }
    }

    @Nested
    class Morphology {

        @Test
        void baseForms_childrenAsNoun_comeFromTheExceptionList() {
            assertThat(Morphy.baseForms(WORD_NET, "children", PartOfSpeech.NOUN)).containsExactly("child");
        }

        @Test
        void baseForms_betterAsAdjective_keepsWordThenExceptionTargets() {
            assertThat(Morphy.baseForms(WORD_NET, "better", PartOfSpeech.ADJECTIVE)).containsExactly("better", "good", "well");
        }

        @Test
        void baseForms_ranAsNoun_isEmptyBecauseExceptionListsStopTheSearch() {
            assertThat(Morphy.baseForms(WORD_NET, "ran", PartOfSpeech.NOUN)).isEmpty();
        }

        @Test
        void baseForms_dogsAsNounAndVerb_stripsS() {
            assertThat(Morphy.baseForms(WORD_NET, "dogs", PartOfSpeech.NOUN)).containsExactly("dog");
            assertThat(Morphy.baseForms(WORD_NET, "dogs", PartOfSpeech.VERB)).containsExactly("dog");
        }

        @Test
        void baseForms_wordNeedingTwoRounds_keepsApplyingRules() {
            // "glasseses" needs s -> "" twice (NLTK 3.8 step 3).
            assertThat(Morphy.baseForms(WORD_NET, "glasseses", PartOfSpeech.NOUN)).containsExactly("glasses");
        }

        @Test
        void baseForms_adverb_hasNoRulesOnlyTheWordItself() {
            assertThat(Morphy.baseForms(WORD_NET, "quickly", PartOfSpeech.ADVERB)).containsExactly("quickly");
            assertThat(Morphy.baseForms(WORD_NET, "quicklys", PartOfSpeech.ADVERB)).isEmpty();
        }

        @Test
        @Timeout(5)
        void baseForms_hundredThousandCharacterSuffixChain_finishesQuickly() {
            String word = "x" + "es".repeat(50_000);

            assertThat(Morphy.baseForms(WORD_NET, word, PartOfSpeech.VERB)).isEmpty();
            // Stripping one "s" per round reaches the noun lemma "sss" (synset SSS), as NLTK 3.8 does.
            String esses = "s".repeat(100_000);
            assertThat(WORD_NET.synonyms(esses)).containsExactlyInAnyOrder(esses, "SSS");
        }
    }
}

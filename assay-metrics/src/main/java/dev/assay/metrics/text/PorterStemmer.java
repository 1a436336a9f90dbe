package dev.assay.metrics.text;

import dev.assay.metrics.internal.PythonText;
import java.util.Map;

/**
 * NLTK's {@code PorterStemmer} in its default mode {@code NLTK_EXTENSIONS}, ported rule by rule
 * from {@code nltk/stem/porter.py} (metrics spec Appendix A).
 *
 * <p>This is not Martin Porter's frozen algorithm (Lucene, Snowball): NLTK adds a table of
 * irregular forms, {@code ies}/{@code ied} rules for four-letter words, a two-letter case of the
 * consonant-vowel-consonant test, a stricter {@code y} to {@code i} rule, and step-2 rules for
 * {@code alli}, {@code fulli} and {@code logi}. Words work on Unicode code points, as Python
 * strings do. Where NLTK recurses once per letter (long runs of {@code y}) this port loops, so
 * arbitrarily long words are stemmed in linear time. Pure and thread-safe.
 */
final class PorterStemmer {

    private static final Map<String, String> IRREGULAR_FORMS = Map.ofEntries(
            Map.entry("sky", "sky"),
            Map.entry("skies", "sky"),
            Map.entry("dying", "die"),
            Map.entry("lying", "lie"),
            Map.entry("tying", "tie"),
            Map.entry("news", "news"),
            Map.entry("innings", "inning"),
            Map.entry("inning", "inning"),
            Map.entry("outings", "outing"),
            Map.entry("outing", "outing"),
            Map.entry("cannings", "canning"),
            Map.entry("canning", "canning"),
            Map.entry("howe", "howe"),
            Map.entry("proceed", "proceed"),
            Map.entry("exceed", "exceed"),
            Map.entry("succeed", "succeed"));

    /** Step 2 rules after the {@code alli} pre-check, in NLTK's order; all need a stem measure above 0. */
    private static final String[][] STEP_2_RULES = {
            {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
            {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"},
            {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
            {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
            {"fulli", "ful"}, {"logi", "log"},
    };

    private static final String[][] STEP_3_RULES = {
            {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""},
    };

    private static final String[] STEP_4_SUFFIXES = {
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
            "iti", "ous", "ive", "ize",
    };

    private PorterStemmer() {}

    /** The NLTK Porter stem of {@code word}, which is lower-cased first (Python {@code str.lower}). */
    static String stem(String word) {
        String lower = PythonText.lower(word);
        String irregular = IRREGULAR_FORMS.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.codePointCount(0, word.length()) <= 2) {
            return lower;
        }
        PorterWord stemmed = new PorterWord(lower.codePoints().toArray());
        step1a(stemmed);
        step1b(stemmed);
        step1c(stemmed);
        step2(stemmed);
        step3(stemmed);
        step4(stemmed);
        step5a(stemmed);
        step5b(stemmed);
        return stemmed.toString();
    }

    private static void step1a(PorterWord word) {
        if (word.endsWith("ies") && word.length() == 4) {
            word.replaceSuffix(3, "ie");
            return;
        }
        if (word.endsWith("sses")) {
            word.replaceSuffix(4, "ss");
        } else if (word.endsWith("ies")) {
            word.replaceSuffix(3, "i");
        } else if (!word.endsWith("ss") && word.endsWith("s")) {
            word.replaceSuffix(1, "");
        }
    }

    private static void step1b(PorterWord word) {
        if (word.endsWith("ied")) {
            word.replaceSuffix(3, word.length() == 4 ? "ie" : "i");
            return;
        }
        if (word.endsWith("eed")) {
            if (word.measure(word.length() - 3) > 0) {
                word.replaceSuffix(1, "");
            }
            return;
        }
        int suffixLength;
        if (word.endsWith("ed") && word.containsVowel(word.length() - 2)) {
            suffixLength = 2;
        } else if (word.endsWith("ing") && word.containsVowel(word.length() - 3)) {
            suffixLength = 3;
        } else {
            return;
        }
        word.replaceSuffix(suffixLength, "");
        if (word.endsWith("at") || word.endsWith("bl") || word.endsWith("iz")) {
            word.replaceSuffix(0, "e");
        } else if (word.endsWithDoubleConsonant()) {
            int last = word.last();
            if (last != 'l' && last != 's' && last != 'z') {
                word.replaceSuffix(1, "");
            }
        } else if (word.measure(word.length()) == 1 && word.endsWithConsonantVowelConsonant(word.length())) {
            word.replaceSuffix(0, "e");
        }
    }

    private static void step1c(PorterWord word) {
        int stemLength = word.length() - 1;
        if (word.endsWith("y") && stemLength > 1 && word.isConsonant(stemLength - 1)) {
            word.replaceSuffix(1, "i");
        }
    }

    private static void step2(PorterWord word) {
        if (word.endsWith("alli") && word.measure(word.length() - 4) > 0) {
            word.replaceSuffix(4, "al");
            step2(word);
            return;
        }
        for (String[] rule : STEP_2_RULES) {
            String suffix = rule[0];
            if (word.endsWith(suffix)) {
                // NLTK keeps the 'l' of 'logi' with the stem when measuring.
                int measured = suffix.equals("logi") ? word.length() - 3 : word.length() - suffix.length();
                if (word.measure(measured) > 0) {
                    word.replaceSuffix(suffix.length(), rule[1]);
                }
                return;
            }
        }
    }

    private static void step3(PorterWord word) {
        for (String[] rule : STEP_3_RULES) {
            if (word.endsWith(rule[0])) {
                if (word.measure(word.length() - rule[0].length()) > 0) {
                    word.replaceSuffix(rule[0].length(), rule[1]);
                }
                return;
            }
        }
    }

    private static void step4(PorterWord word) {
        for (String suffix : STEP_4_SUFFIXES) {
            if (word.endsWith(suffix)) {
                int stemLength = word.length() - suffix.length();
                boolean applies = word.measure(stemLength) > 1;
                if (applies && suffix.equals("ion")) {
                    int before = word.at(stemLength - 1);
                    applies = before == 's' || before == 't';
                }
                if (applies) {
                    word.replaceSuffix(suffix.length(), "");
                }
                return;
            }
        }
    }

    private static void step5a(PorterWord word) {
        if (!word.endsWith("e")) {
            return;
        }
        int stemLength = word.length() - 1;
        int measure = word.measure(stemLength);
        if (measure > 1 || (measure == 1 && !word.endsWithConsonantVowelConsonant(stemLength))) {
            word.replaceSuffix(1, "");
        }
    }

    private static void step5b(PorterWord word) {
        if (word.endsWith("ll") && word.measure(word.length() - 1) > 1) {
            word.replaceSuffix(1, "");
        }
    }
}

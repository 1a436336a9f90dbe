package dev.assay.metrics.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * NLTK 3.8's WordNet {@code _morphy}: the base forms of a word for one part of speech, from the
 * exception lists and the suffix rules of {@link PartOfSpeech} (metrics spec §3.2).
 *
 * <ol>
 *   <li>If the word is a key of {@code <pos>.exc}: those of [word, its targets] that are lemmas.
 *   <li>Otherwise apply the rules once; those of [word, results] that are lemmas, if any.
 *   <li>Otherwise keep applying the rules to all forms until some are lemmas or none are left.
 * </ol>
 *
 * <p>Forms are kept as "the first {@code kept} characters of the word plus a short ending", and
 * each round's forms are de-duplicated (which keeps the order of first occurrences, so the result
 * is unchanged). This makes a round cost constant time per form, so even a pathological
 * 100,000-character token such as {@code "eseses..."} ends quickly. Pure and thread-safe.
 */
final class Morphy {

    private Morphy() {}

    /** The base forms of the lower-case {@code word} that are lemmas of {@code partOfSpeech}, in NLTK's order. */
    static List<String> baseForms(WordNet wordNet, String word, PartOfSpeech partOfSpeech) {
        List<String> exceptionTargets = wordNet.exceptionTargets(word, partOfSpeech);
        if (exceptionTargets != null) {
            Set<String> lemmas = new LinkedHashSet<>();
            addIfLemma(wordNet, word, partOfSpeech, lemmas);
            for (String target : exceptionTargets) {
                addIfLemma(wordNet, target, partOfSpeech, lemmas);
            }
            return List.copyOf(lemmas);
        }
        Form whole = new Form(word.length(), "");
        Set<Form> forms = applyRules(word, Set.of(whole), partOfSpeech);
        Set<Form> firstCandidates = new LinkedHashSet<>();
        firstCandidates.add(whole);
        firstCandidates.addAll(forms);
        List<String> lemmas = lemmasAmong(wordNet, word, firstCandidates, partOfSpeech);
        while (lemmas.isEmpty() && !forms.isEmpty()) {
            forms = applyRules(word, forms, partOfSpeech);
            lemmas = lemmasAmong(wordNet, word, forms, partOfSpeech);
        }
        return lemmas;
    }

    private static Set<Form> applyRules(String word, Set<Form> forms, PartOfSpeech partOfSpeech) {
        Set<Form> produced = new LinkedHashSet<>();
        for (Form form : forms) {
            for (PartOfSpeech.Substitution substitution : partOfSpeech.substitutions()) {
                if (form.endsWith(word, substitution.suffix())) {
                    produced.add(form.replaceSuffix(word, substitution.suffix().length(), substitution.replacement()));
                }
            }
        }
        return produced;
    }

    private static List<String> lemmasAmong(
            WordNet wordNet, String word, Set<Form> forms, PartOfSpeech partOfSpeech) {
        Set<String> lemmas = new LinkedHashSet<>();
        for (Form form : forms) {
            if (form.length() <= wordNet.longestLemmaLength()) {
                addIfLemma(wordNet, form.text(word), partOfSpeech, lemmas);
            }
        }
        return List.copyOf(lemmas);
    }

    private static void addIfLemma(WordNet wordNet, String form, PartOfSpeech partOfSpeech, Set<String> lemmas) {
        if (wordNet.isLemma(form, partOfSpeech)) {
            lemmas.add(form);
        }
    }

    /**
     * The text {@code word.substring(0, kept) + ending}, stored canonically: {@code kept} is as
     * long as possible, so two forms with the same text are equal records.
     */
    private record Form(int kept, String ending) {

        int length() {
            return kept + ending.length();
        }

        String text(String word) {
            return word.substring(0, kept) + ending;
        }

        boolean endsWith(String word, String suffix) {
            int length = length();
            if (suffix.length() > length) {
                return false;
            }
            for (int index = 1; index <= suffix.length(); index++) {
                int position = length - index;
                char character = position >= kept ? ending.charAt(position - kept) : word.charAt(position);
                if (character != suffix.charAt(suffix.length() - index)) {
                    return false;
                }
            }
            return true;
        }

        Form replaceSuffix(String word, int removed, String replacement) {
            int newKept = kept;
            String newEnding;
            if (removed <= ending.length()) {
                newEnding = ending.substring(0, ending.length() - removed) + replacement;
            } else {
                newKept = kept - (removed - ending.length());
                newEnding = replacement;
            }
            while (!newEnding.isEmpty() && newKept < word.length() && newEnding.charAt(0) == word.charAt(newKept)) {
                newKept++;
                newEnding = newEnding.substring(1);
            }
            return new Form(newKept, newEnding);
        }
    }
}

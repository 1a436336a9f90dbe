package dev.assay.metrics.text;

import java.util.List;

/**
 * A WordNet part of speech, in the order NLTK's {@code wordnet.synsets} visits them, with the file
 * suffix of its {@code index.*}, {@code data.*} and {@code *.exc} files and the suffix rules of
 * NLTK's {@code _morphy} (metrics spec §3.2). Adjective satellites are filed under the adjective.
 */
enum PartOfSpeech {
    NOUN("noun", 'n', List.of(
            new Substitution("s", ""),
            new Substitution("ses", "s"),
            new Substitution("ves", "f"),
            new Substitution("xes", "x"),
            new Substitution("zes", "z"),
            new Substitution("ches", "ch"),
            new Substitution("shes", "sh"),
            new Substitution("men", "man"),
            new Substitution("ies", "y"))), VERB("verb", 'v',
                    List.of(
                            new Substitution("s", ""),
                            new Substitution("ies", "y"),
                            new Substitution("es", "e"),
                            new Substitution("es", ""),
                            new Substitution("ed", "e"),
                            new Substitution("ed", ""),
                            new Substitution("ing", "e"),
                            new Substitution("ing", ""))), ADJECTIVE("adj", 'a',
                                    List.of(
                                            new Substitution("er", ""),
                                            new Substitution("est", ""),
                                            new Substitution("er", "e"),
                                            new Substitution("est", "e"))), ADVERB("adv", 'r', List.of());

    private final String fileSuffix;
    private final char indexTag;
    private final List<Substitution> substitutions;

    PartOfSpeech(String fileSuffix, char indexTag, List<Substitution> substitutions) {
        this.fileSuffix = fileSuffix;
        this.indexTag = indexTag;
        this.substitutions = substitutions;
    }

    /** The suffix of this part of speech's dictionary files, for example {@code noun} in {@code index.noun}. */
    String fileSuffix() {
        return fileSuffix;
    }

    /** The part-of-speech letter in the second field of an {@code index.*} line. */
    char indexTag() {
        return indexTag;
    }

    /** The morphological suffix rules, in the order NLTK applies them. */
    List<Substitution> substitutions() {
        return substitutions;
    }

    /**
     * One morphological rule: a form ending with {@code suffix} yields the form with that suffix
     * replaced by {@code replacement}.
     */
    record Substitution(String suffix, String replacement) {}
}

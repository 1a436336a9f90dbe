package dev.assay.metrics.text;

import static java.util.Objects.requireNonNull;

import dev.assay.metrics.internal.PythonText;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Princeton WordNet 3.0, read from the raw dictionary files that the {@code
 * net.sf.extjwnl:extjwnl-data-wn30} artifact ships as classpath resources, and the synonym sets
 * NLTK's METEOR looks up in it (metrics spec §3.2).
 *
 * <p>The dictionary is loaded once, on first use, by the holder idiom: the {@code index.*} files
 * are parsed into a lemma map, the {@code *.exc} exception lists into maps, and the {@code data.*}
 * files are kept as bytes and read at the synset offsets the index gives (offsets are byte
 * positions of the synset's line). Loading takes about half a second and 50 MB of
 * heap. An instance is immutable and thread-safe.
 */
final class WordNet {

    private static final String RESOURCE_DIRECTORY = "net/sf/extjwnl/data/wordnet/wn30/";
    private static final int[] NO_OFFSETS = {};

    /** For each lemma, its synset offsets per part of speech (indexed by ordinal; null when absent). */
    private final Map<String, int[][]> offsetsByLemma;

    private final Map<PartOfSpeech, byte[]> dataFiles;
    private final Map<PartOfSpeech, Map<String, List<String>>> exceptions;
    private final int longestLemmaLength;

    private WordNet(
            Map<String, int[][]> offsetsByLemma,
            Map<PartOfSpeech, byte[]> dataFiles,
            Map<PartOfSpeech, Map<String, List<String>>> exceptions) {
        this.offsetsByLemma = offsetsByLemma;
        this.dataFiles = dataFiles;
        this.exceptions = exceptions;
        int longest = 0;
        for (String lemma : offsetsByLemma.keySet()) {
            longest = Math.max(longest, lemma.length());
        }
        this.longestLemmaLength = longest;
    }

    /**
     * The shared dictionary, loaded on the first call.
     *
     * @throws IllegalStateException if the dictionary resources are missing or malformed (every call)
     */
    static WordNet instance() {
        WordNet loaded = Holder.LOADED.wordNet();
        if (loaded == null) {
            throw new IllegalStateException("WordNet 3.0 data could not be loaded: " + Holder.LOADED.failure());
        }
        return loaded;
    }

    /**
     * SYN(w) of metrics spec §3.2: {@code word} itself plus every lemma name without an underscore
     * of every synset NLTK's {@code wordnet.synsets(word)} returns (nouns, verbs, adjectives,
     * adverbs, each through {@link Morphy}). Lemma names keep their case ({@code Kid}) and lose an
     * adjective marker such as {@code (a)}.
     */
    Set<String> synonyms(String word) {
        Set<String> synonyms = new HashSet<>();
        synonyms.add(word);
        String lemma = PythonText.lower(word);
        for (PartOfSpeech partOfSpeech : PartOfSpeech.values()) {
            for (String baseForm : Morphy.baseForms(this, lemma, partOfSpeech)) {
                for (int offset : offsets(baseForm, partOfSpeech)) {
                    addLemmaNames(partOfSpeech, offset, synonyms);
                }
            }
        }
        return synonyms;
    }

    /** Whether {@code form} is listed in {@code index.<pos>} for this part of speech. */
    boolean isLemma(String form, PartOfSpeech partOfSpeech) {
        return form.length() <= longestLemmaLength && offsets(form, partOfSpeech).length > 0;
    }

    /** The exception targets of {@code form} in {@code <pos>.exc}, or null when it is not a key there. */
    @Nullable
    List<String> exceptionTargets(String form, PartOfSpeech partOfSpeech) {
        return requireNonNull(exceptions.get(partOfSpeech)).get(form);
    }

    /** The length of the longest lemma in any index; no longer form can be a lemma. */
    int longestLemmaLength() {
        return longestLemmaLength;
    }

    private int[] offsets(String lemma, PartOfSpeech partOfSpeech) {
        int[][] byPartOfSpeech = offsetsByLemma.get(lemma);
        if (byPartOfSpeech == null || byPartOfSpeech[partOfSpeech.ordinal()] == null) {
            return NO_OFFSETS;
        }
        return byPartOfSpeech[partOfSpeech.ordinal()];
    }

    /** Adds the lemma names of the synset whose {@code data.<pos>} line starts at byte {@code offset}. */
    private void addLemmaNames(PartOfSpeech partOfSpeech, int offset, Set<String> names) {
        byte[] data = requireNonNull(dataFiles.get(partOfSpeech));
        DictionaryLineScanner line = new DictionaryLineScanner(data, offset);
        if ((offset > 0 && data[offset - 1] != '\n') || line.nextDecimal() != offset) {
            throw new IllegalStateException("No synset at offset " + offset + " of data." + partOfSpeech.fileSuffix());
        }
        line.skipToken(); // lexicographer file number
        line.skipToken(); // synset type
        int wordCount = line.nextHexadecimal();
        for (int index = 0; index < wordCount; index++) {
            String name = withoutSyntacticMarker(line.nextToken());
            line.skipToken(); // lexical id
            if (name.indexOf('_') < 0) {
                names.add(name);
            }
        }
    }

    /** NLTK's {@code re.match(r"(.*?)(\(.*\))?$", name)}: drops a trailing {@code (a)}, {@code (p)} or {@code (ip)}. */
    private static String withoutSyntacticMarker(String name) {
        int open = name.indexOf('(');
        return open >= 0 && name.endsWith(")") ? name.substring(0, open) : name;
    }

    private static WordNet load() throws IOException {
        Map<String, int[][]> offsetsByLemma = new HashMap<>(1 << 18);
        Map<PartOfSpeech, byte[]> dataFiles = new EnumMap<>(PartOfSpeech.class);
        Map<PartOfSpeech, Map<String, List<String>>> exceptions = new EnumMap<>(PartOfSpeech.class);
        for (PartOfSpeech partOfSpeech : PartOfSpeech.values()) {
            parseIndex(read("index." + partOfSpeech.fileSuffix()), partOfSpeech, offsetsByLemma);
            dataFiles.put(partOfSpeech, read("data." + partOfSpeech.fileSuffix()));
            exceptions.put(partOfSpeech, parseExceptions(read(partOfSpeech.fileSuffix() + ".exc")));
        }
        return new WordNet(offsetsByLemma, dataFiles, exceptions);
    }

    /**
     * Index lines: lemma, part of speech, synset count, pointer count, that many pointer symbols,
     * sense count, tagged sense count, then the synset offsets. License lines start with a space.
     */
    private static void parseIndex(byte[] index, PartOfSpeech partOfSpeech, Map<String, int[][]> offsetsByLemma) {
        DictionaryLineScanner line = new DictionaryLineScanner(index, 0);
        for (; line.hasLine(); line.nextLine()) {
            if (line.startsWithSpace()) {
                continue;
            }
            String lemma = line.nextToken();
            line.skipToken(); // part of speech, the same for the whole file
            int synsetCount = line.nextDecimal();
            int pointerCount = line.nextDecimal();
            for (int pointer = 0; pointer < pointerCount; pointer++) {
                line.skipToken();
            }
            line.skipToken(); // sense count, equal to the synset count
            line.skipToken(); // tagged sense count
            int[] offsets = new int[synsetCount];
            for (int synset = 0; synset < synsetCount; synset++) {
                offsets[synset] = line.nextDecimal();
            }
            offsetsByLemma.computeIfAbsent(lemma, key -> new int[PartOfSpeech.values().length][])[partOfSpeech.ordinal()] = offsets;
        }
    }

    /** Exception lines: an inflected form, then its base forms; a repeated form keeps its last line, as in NLTK. */
    private static Map<String, List<String>> parseExceptions(byte[] exceptionList) {
        Map<String, List<String>> targetsByForm = new HashMap<>();
        DictionaryLineScanner line = new DictionaryLineScanner(exceptionList, 0);
        for (; line.hasLine(); line.nextLine()) {
            if (!line.hasToken()) {
                continue;
            }
            String form = line.nextToken();
            List<String> targets = new ArrayList<>(1);
            while (line.hasToken()) {
                targets.add(line.nextToken());
            }
            targetsByForm.put(form, List.copyOf(targets));
        }
        return targetsByForm;
    }

    private static byte[] read(String fileName) throws IOException {
        String resource = RESOURCE_DIRECTORY + fileName;
        try (InputStream stream = WordNet.class.getClassLoader().getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IOException("missing classpath resource " + resource);
            }
            return stream.readAllBytes();
        }
    }

    /** The outcome of the one load attempt: the dictionary, or why there is none. */
    private record LoadResult(@Nullable WordNet wordNet, String failure) {}

    /** Loads the dictionary when first touched; the JVM's class initialisation makes this thread-safe. */
    private static final class Holder {
        static final LoadResult LOADED = attemptLoad();

        private static LoadResult attemptLoad() {
            try {
                return new LoadResult(load(), "");
            } catch (IOException | RuntimeException exception) {
                return new LoadResult(null, exception.toString());
            }
        }
    }
}

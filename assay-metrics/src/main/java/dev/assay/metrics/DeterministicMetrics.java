package dev.assay.metrics;

import static java.util.Objects.requireNonNull;

import dev.assay.metrics.internal.RequiredParameters;
import dev.assay.metrics.structured.Iou;
import dev.assay.metrics.structured.JsonFieldMatch;
import dev.assay.metrics.structured.JsonFieldMatchNormalized;
import dev.assay.metrics.structured.SpatialMatch;
import dev.assay.metrics.structured.ToolCorrectness;
import dev.assay.metrics.structured.UrlValidation;
import dev.assay.metrics.text.Bleu;
import dev.assay.metrics.text.Meteor;
import dev.assay.metrics.text.Rouge;
import dev.assay.metrics.text.TextMatch;
import dev.assay.metrics.text.TextSimilarity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog of Galtea's eleven built-in deterministic (non-LLM) metrics, looked up by the names
 * Galtea clients send (metrics spec §0.1).
 *
 * <p>A metric is found by its exact display name, matched case-sensitively ({@code "BLEU"}, {@code
 * "Text Similarity"}, {@code "JSON Field Match (Normalized)"}), or by its lower-case alias, also
 * matched exactly ({@code "bleu"}, {@code "text_similarity"}, {@code "json_field_match_normalized"}).
 * Anything else, such as {@code "Bleu"}, {@code "text similarity"} or a name with surrounding
 * spaces, is unknown.
 *
 * <p>Each metric exists once: {@link #all()} and {@link #find} always return the same shared
 * instance, which is safe because every metric is stateless and thread-safe. URL Validation is the
 * production instance (system DNS, public addresses only, 5-second timeouts) and, unlike the other
 * ten, depends on the network when a response contains a URL that passes the offline checks. This
 * class is thread-safe; no method accepts {@code null}.
 */
public final class DeterministicMetrics {

    private static final List<String> OUTPUTS = List.of(RequiredParameters.ACTUAL_OUTPUT, RequiredParameters.EXPECTED_OUTPUT);

    /** In the order of metrics spec §0.1. */
    private static final List<Entry> ENTRIES = List.of(
            new Entry(new Bleu(), "bleu", OUTPUTS),
            new Entry(new Rouge(), "rouge", OUTPUTS),
            new Entry(new Meteor(), "meteor", OUTPUTS),
            new Entry(new TextSimilarity(), "text_similarity", OUTPUTS),
            new Entry(new TextMatch(), "text_match", OUTPUTS),
            new Entry(new Iou(), "iou", OUTPUTS),
            new Entry(new SpatialMatch(), "spatial_match", OUTPUTS),
            new Entry(new UrlValidation(), "url_validation", List.of(RequiredParameters.ACTUAL_OUTPUT)),
            new Entry(new ToolCorrectness(), "tool_correctness",
                    List.of(RequiredParameters.TOOLS_USED, RequiredParameters.EXPECTED_TOOLS)),
            new Entry(new JsonFieldMatch(), "json_field_match", OUTPUTS),
            new Entry(new JsonFieldMatchNormalized(), "json_field_match_normalized", OUTPUTS));

    private static final List<Metric> METRICS = ENTRIES.stream().map(Entry::metric).toList();

    private static final Map<String, Entry> BY_NAME_OR_ALIAS = index(ENTRIES);

    private DeterministicMetrics() {}

    /**
     * Every deterministic metric, in the order of metrics spec §0.1: BLEU, ROUGE, METEOR, Text
     * Similarity, Text Match, IOU, Spatial Match, URL Validation, Tool Correctness, JSON Field Match
     * and JSON Field Match (Normalized).
     *
     * @return an unmodifiable list of the eleven shared instances, the same on every call
     */
    public static List<Metric> all() {
        return METRICS;
    }

    /**
     * Finds a metric by its exact display name or its lower-case alias.
     *
     * @param nameOrAlias for example {@code "Text Similarity"} or {@code "text_similarity"}
     * @return the shared instance, whose {@link Metric#name()} is the display name, or empty if
     *     the text is neither a display name nor an alias
     * @throws NullPointerException if {@code nameOrAlias} is {@code null}
     */
    public static Optional<Metric> find(String nameOrAlias) {
        return findEntry(nameOrAlias).map(Entry::metric);
    }

    /**
     * The Galtea evaluation parameters a metric needs, in snake_case: {@code actual_output} and
     * {@code expected_output} for most metrics, {@code actual_output} alone for URL Validation,
     * {@code tools_used} and {@code expected_tools} for Tool Correctness. Without them the metric
     * answers {@link MetricResult.Skipped}.
     *
     * @param nameOrAlias a display name or alias, matched as by {@link #find}
     * @return an unmodifiable, non-empty list
     * @throws IllegalArgumentException if {@code nameOrAlias} names no deterministic metric
     * @throws NullPointerException if {@code nameOrAlias} is {@code null}
     */
    public static List<String> requiredParameters(String nameOrAlias) {
        return findEntry(nameOrAlias)
                .map(Entry::requiredParameters)
                .orElseThrow(() -> new IllegalArgumentException("Unknown deterministic metric: " + nameOrAlias));
    }

    private static Optional<Entry> findEntry(String nameOrAlias) {
        requireNonNull(nameOrAlias, "nameOrAlias");
        return Optional.ofNullable(BY_NAME_OR_ALIAS.get(nameOrAlias));
    }

    private static Map<String, Entry> index(List<Entry> entries) {
        Map<String, Entry> index = new HashMap<>();
        for (Entry entry : entries) {
            for (String key : List.of(entry.metric().name(), entry.alias())) {
                if (index.putIfAbsent(key, entry) != null) {
                    throw new IllegalStateException("Two metrics answer to " + key);
                }
            }
        }
        return Map.copyOf(index);
    }

    private record Entry(Metric metric, String alias, List<String> requiredParameters) {}
}

package dev.assay.metric;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Galtea's built-in metrics (docs/reference/metrics.md §0.1 and §12), present in every organization
 * without being created. Each has a stable id derived from its name, so the same built-in has
 * the same id on every installation.
 */
public final class BuiltInMetrics {

    /** One built-in metric: its exact Galtea name, an alias, how it is scored and what it reads. */
    public record BuiltIn(String name, @Nullable String alias, MetricSource source, List<String> evaluationParams, String description) {

        public UUID id() {
            return UUID.nameUUIDFromBytes(("assay-builtin-metric:" + name).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final List<String> OUTPUTS = List.of("actual_output", "expected_output");
    private static final List<String> INPUT_OUTPUT = List.of("input", "actual_output");
    private static final List<String> PRODUCT_BOUNDARIES = List.of("input", "actual_output", "product_description",
            "product_capabilities", "product_inabilities", "product_security_boundaries");

    public static final List<BuiltIn> ALL = List.of(
            deterministic("BLEU", "bleu", OUTPUTS, "n-gram precision against the expected output (sacreBLEU sentence BLEU)"),
            deterministic("ROUGE", "rouge", OUTPUTS, "ROUGE-L F-measure against the expected output"),
            deterministic("METEOR", "meteor", OUTPUTS, "METEOR with stemming and WordNet synonyms (NLTK)"),
            deterministic("Text Similarity", "text_similarity", OUTPUTS, "character-level Indel similarity (RapidFuzz ratio)"),
            deterministic("Text Match", "text_match", OUTPUTS, "1 when the Text Similarity exceeds 85%, else 0 (deprecated)"),
            deterministic("IOU", "iou", OUTPUTS, "intersection over union of bounding boxes given as JSON"),
            deterministic("Spatial Match", "spatial_match", OUTPUTS, "1 when the boxes overlap enough, else 0"),
            deterministic("URL Validation", "url_validation", List.of("actual_output"),
                    "1 when every URL in the answer is safe and reachable"),
            deterministic("Tool Correctness", "tool_correctness", List.of("tools_used", "expected_tools"),
                    "1 when the tools called are exactly the tools expected"),
            deterministic("JSON Field Match", "json_field_match", OUTPUTS, "fraction of the expected JSON fields matched exactly"),
            deterministic("JSON Field Match (Normalized)", "json_field_match_normalized", OUTPUTS,
                    "fraction of the expected JSON fields matched after normalising strings"),
            judge("Factual Accuracy", MetricSource.GEVAL, List.of("input", "actual_output", "expected_output"),
                    "whether the answer agrees with the expected output"),
            judge("Resilience To Noise", MetricSource.GEVAL, INPUT_OUTPUT, "whether the answer stays correct on noisy input"),
            judge("Answer Relevancy", MetricSource.DEEPEVAL, INPUT_OUTPUT, "whether the answer addresses the input"),
            judge("Faithfulness", MetricSource.DEEPEVAL, List.of("input", "actual_output", "retrieval_context"),
                    "whether the answer is supported by the retrieval context"),
            judge("Contextual Precision", MetricSource.DEEPEVAL, List.of("input", "retrieval_context"),
                    "whether relevant context items are ranked first"),
            judge("Contextual Recall", MetricSource.DEEPEVAL, List.of("input", "retrieval_context", "expected_output"),
                    "how much of the expected output the context supports"),
            judge("Contextual Relevancy", MetricSource.DEEPEVAL, List.of("input", "actual_output", "retrieval_context"),
                    "whether the retrieval context is relevant to the input"),
            judge("Role Adherence", MetricSource.DEEPEVAL, List.of("input", "actual_output", "product_description"),
                    "whether every turn stays in the product's role"),
            judge("Conversation Completeness", MetricSource.DEEPEVAL, INPUT_OUTPUT, "whether the user's requests were all met"),
            judge("Conversation Relevancy", MetricSource.DEEPEVAL, INPUT_OUTPUT, "whether every turn is relevant to the conversation"),
            judge("Knowledge Retention", MetricSource.DEEPEVAL, INPUT_OUTPUT, "whether facts the user gave are remembered"),
            judge("User Satisfaction", MetricSource.GEVAL, INPUT_OUTPUT, "whether the user would be satisfied"),
            judge("User Objective Accomplished", MetricSource.GEVAL, List.of("input", "actual_output", "goal"),
                    "whether the user's goal was reached"),
            judge("Non-Toxic", MetricSource.GEVAL, INPUT_OUTPUT, "whether the answer is free of toxic content"),
            judge("Unbiased", MetricSource.GEVAL, INPUT_OUTPUT, "whether the answer is free of bias"),
            judge("Misuse Resilience", MetricSource.GEVAL, PRODUCT_BOUNDARIES, "whether the product resists being misused"),
            judge("Data Leakage", MetricSource.GEVAL, PRODUCT_BOUNDARIES, "whether the answer leaks data it must protect"),
            judge("Jailbreak Resilience", MetricSource.GEVAL, PRODUCT_BOUNDARIES, "whether the product resists jailbreaks"));

    private BuiltInMetrics() {}

    /** The built-in with this exact display name or alias. */
    public static Optional<BuiltIn> find(String nameOrAlias) {
        for (BuiltIn builtIn : ALL) {
            if (builtIn.name().equals(nameOrAlias) || nameOrAlias.equals(builtIn.alias())) {
                return Optional.of(builtIn);
            }
        }
        return Optional.empty();
    }

    /** Whether a user-chosen name would clash with a built-in (compared case-insensitively). */
    static boolean clashes(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return ALL.stream().anyMatch(builtIn -> builtIn.name().toLowerCase(Locale.ROOT).equals(lower)
                || lower.equals(builtIn.alias()));
    }

    private static BuiltIn deterministic(String name, String alias, List<String> parameters, String description) {
        return new BuiltIn(name, alias, MetricSource.DETERMINISTIC, parameters, description);
    }

    private static BuiltIn judge(String name, MetricSource source, List<String> parameters, String description) {
        return new BuiltIn(name, null, source, parameters, description);
    }
}

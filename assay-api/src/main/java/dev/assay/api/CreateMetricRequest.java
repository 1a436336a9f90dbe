package dev.assay.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Defines an organization's own metric. {@code source} is {@code SELF_HOSTED},
 * {@code PARTIAL_PROMPT} (needs {@code judgePrompt} and {@code evaluatorModelName}) or
 * {@code HUMAN_EVALUATION}, case-insensitive; when absent it is inferred: a judge prompt with
 * evaluation parameters is {@code PARTIAL_PROMPT}, no judge prompt is {@code SELF_HOSTED}.
 *
 * @param evaluationParams Galtea evaluation parameter names such as {@code actual_output}; at most 20
 * @param tags at most 100, none null
 * @param userGroupIds at most 100, none null
 */
public record CreateMetricRequest(
        @NotBlank @Size(max = 200) @Nullable String name,
        @Nullable String source,
        @Size(max = 20) @Nullable List<String> evaluationParams,
        @Size(max = 20000) @Nullable String judgePrompt,
        @Nullable String evaluatorModelName,
        @Size(max = 5000) @Nullable String description,
        @Nullable String documentationUrl,
        @Size(max = 100) @Nullable List<@NotNull String> tags,
        @Size(max = 100) @Nullable List<@NotNull String> userGroupIds) {

    /** A self-hosted metric: the client computes its scores. */
    public static CreateMetricRequest selfHosted(String name) {
        return new CreateMetricRequest(name, "SELF_HOSTED", null, null, null, null, null, null, null);
    }

    /** A metric scored by people through the annotation queue. */
    public static CreateMetricRequest humanEvaluation(String name) {
        return new CreateMetricRequest(name, "HUMAN_EVALUATION", null, null, null, null, null, null, null);
    }
}

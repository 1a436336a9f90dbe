package dev.assay.metric;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a client asks for when it defines a metric; the service infers and validates the rest. */
public record NewMetric(
        String name,
        @Nullable String source,
        @Nullable List<String> evaluationParams,
        @Nullable String judgePrompt,
        @Nullable String evaluatorModelName,
        @Nullable String description,
        @Nullable String documentationUrl,
        @Nullable List<String> tags,
        @Nullable List<String> userGroupIds) {}

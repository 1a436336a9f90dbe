package dev.assay.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rows the dashboard's templates show, already formatted. Public because the template engine
 * reads them by reflection; nothing else uses them.
 */
public final class DashboardViews {

    private DashboardViews() {}

    /** A product with its versions. */
    public record ProductRow(String id, String name, @Nullable String description, List<VersionRow> versions) {}

    /** A version with its mean score per metric. */
    public record VersionRow(String id, String name, String createdAt, @Nullable String modelId, List<MetricMean> means) {}

    public record MetricMean(String metric, String mean, long count) {}

    /** An option of a filter's select box. */
    public record Option(String value, String label, boolean selected) {}

    public record SessionRow(String id, String customId, String version, String status, String testCaseId,
            String createdAt) {}

    /** A turn of the conversation view with its evaluations. */
    public record TurnView(String id, int index, String status, String input, String output, String retrievalContext,
            String latency, String inputTokens, String outputTokens, String cost, String createdAt, @Nullable String error,
            List<EvaluationView> evaluations, List<SpanView> spans, int hiddenSpans) {}

    /** A span of a turn's tree, flattened depth first; {@code depth} 0 is a root. */
    public record SpanView(String id, int depth, String name, String type, String latency, @Nullable String error,
            String input, String output) {}

    public record EvaluationView(String id, String metric, String status, String score, String reason,
            @Nullable String error, @Nullable String judgeModel, String judgeTokens, String judgeCalls,
            @Nullable String humanScore, @Nullable String humanReason, String sessionId,
            @Nullable String inferenceResultId, String createdAt) {}

    /** One metric of a version comparison, with the statistics of the comparisons API. */
    public record ComparisonRow(String metric, String base, long baseCount, String baseInterval, String candidate,
            long candidateCount, String candidateInterval, String delta, String deltaInterval, String pairing,
            String pValue, String verdict) {}

    /** A test case both versions were scored on, with the candidate's conversation. */
    public record RegressedItem(String metric, String testCaseId, String base, String candidate, String delta,
            @Nullable String candidateReason, @Nullable String candidateSessionId, @Nullable String baseSessionId) {}

    public record SpecificationRow(String id, String name, String type, String description, String product,
            String metrics) {}

    public record MetricRow(String id, String name, String source, String description, String parameters,
            String owner, String state) {}

    public record PendingRow(String id, String metric, String sessionId, String claimedBy, String createdAt) {}
}

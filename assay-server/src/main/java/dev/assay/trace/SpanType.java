package dev.assay.trace;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The ten span types of Galtea's wire (docs/api.md "Traces"). An unknown label is never refused:
 * it is normalised to the closest known type and the caller keeps the original in the span's
 * metadata under {@link #ORIGINAL_TYPE_KEY}.
 */
public enum SpanType {
    SPAN, GENERATION, EVENT, AGENT, TOOL, CHAIN, RETRIEVER, EVALUATOR, EMBEDDING, GUARDRAIL;

    /** The metadata key that keeps a label that was not one of the ten types. */
    public static final String ORIGINAL_TYPE_KEY = "galtea.span.original_type";

    /** The type a label names exactly (any case), or null. */
    static @Nullable SpanType exact(String label) {
        String upper = label.strip().toUpperCase(Locale.ROOT);
        for (SpanType type : values()) {
            if (type.name().equals(upper)) {
                return type;
            }
        }
        return null;
    }

    /**
     * The closest type of an unknown label: the span kinds of other tracing tools and of the
     * OpenTelemetry GenAI operations map onto ours, anything else is a plain {@link #SPAN}.
     */
    static SpanType normalise(String label) {
        SpanType known = exact(label);
        if (known != null) {
            return known;
        }
        return switch (label.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')) {
            case "llm", "chat", "completion", "text_completion", "generate_content", "prompt" -> GENERATION;
            case "function", "function_call", "tool_call", "execute_tool", "atomic_tool" -> TOOL;
            case "retrieval", "retrieve", "search", "vector_search", "reranker", "rerank" -> RETRIEVER;
            case "embed", "embeddings" -> EMBEDDING;
            case "invoke_agent", "create_agent", "atomic_agent" -> AGENT;
            case "workflow", "pipeline", "atomic_chain" -> CHAIN;
            case "guard", "moderation" -> GUARDRAIL;
            case "eval", "evaluation", "scorer" -> EVALUATOR;
            case "log", "event_log" -> EVENT;
            default -> SPAN;
        };
    }
}

package dev.assay.metrics.structured;

import dev.assay.metrics.Metric;
import dev.assay.metrics.MetricInput;
import dev.assay.metrics.MetricResult;
import dev.assay.metrics.internal.PythonText;
import dev.assay.metrics.internal.RequiredParameters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Galtea's "Tool Correctness" metric: 1.0 when the model called exactly the expected set of tools,
 * else 0.0 (spec §9).
 *
 * <p>Reads {@code tools_used} (the names of the TOOL traces of the evaluated inference) and {@code
 * expected_tools}. Names are normalised before comparing (see {@link #normalize}); order and
 * repetitions never matter. An empty list is a real value: nothing expected and nothing called
 * scores 1.0. Skipped when either list is {@code null}. Deterministic, stateless and thread-safe.
 */
public final class ToolCorrectness implements Metric {

    /** The exact Galtea display name. */
    public static final String NAME = "Tool Correctness";

    private static final List<String> NAMESPACE_PREFIXES = List.of("functions.", "function.", "tools.", "tool.");
    private static final String QUOTES = "`\"'";

    /** Creates the metric; it has no configuration. */
    public ToolCorrectness() {}

    /** Returns {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * Compares the set of called tools with the set of expected tools.
     *
     * @param input the evaluation parameters; only {@code toolsUsed} and {@code expectedTools} are
     *     read
     * @return 1.0 or 0.0 with the missing and unexpected tools in the reason, or a skip naming the
     *     missing lists; never throws
     */
    @Override
    public MetricResult score(MetricInput input) {
        return RequiredParameters.scoreTools(
                input, NAME, (used, expected) -> compare(normalizeAll(used), normalizeAll(expected)));
    }

    /**
     * Normalises one tool name (spec §9.1): trims Python whitespace and surrounding backticks or
     * quotes, lower-cases, strips leading {@code functions.}/{@code function.}/{@code tools.}/{@code
     * tool.} prefixes, removes a trailing {@code ()}, and turns runs of whitespace and hyphens into a
     * single underscore. camelCase is not split.
     *
     * @param toolName a raw tool name
     * @return the normalised name, possibly empty (empty names are ignored by {@link #score})
     */
    public static String normalize(String toolName) {
        String name = PythonText.strip(stripQuotes(PythonText.strip(toolName)));
        name = name.toLowerCase(Locale.ROOT);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : NAMESPACE_PREFIXES) {
                if (name.startsWith(prefix) && name.length() > prefix.length()) {
                    name = name.substring(prefix.length());
                    stripped = true;
                    break;
                }
            }
        }
        if (name.endsWith("()")) {
            name = name.substring(0, name.length() - 2);
        }
        return underscoreSeparators(name);
    }

    private static MetricResult compare(Set<String> used, Set<String> expected) {
        Set<String> missingTools = new LinkedHashSet<>(expected);
        missingTools.removeAll(used);
        Set<String> unexpectedTools = new LinkedHashSet<>(used);
        unexpectedTools.removeAll(expected);
        if (missingTools.isEmpty() && unexpectedTools.isEmpty()) {
            String reason = expected.isEmpty()
                    ? "No tool was expected and none was called."
                    : "All expected tools were called: " + String.join(", ", expected) + ".";
            return new MetricResult.Scored(1.0, reason);
        }
        List<String> problems = new ArrayList<>(2);
        if (!missingTools.isEmpty()) {
            problems.add("missing tools: " + String.join(", ", missingTools));
        }
        if (!unexpectedTools.isEmpty()) {
            problems.add("unexpected tools: " + String.join(", ", unexpectedTools));
        }
        return new MetricResult.Scored(0.0, "The tools called differ from the expected tools; "
                + String.join("; ", problems) + ".");
    }

    private static Set<String> normalizeAll(List<String> toolNames) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String toolName : toolNames) {
            String name = normalize(toolName);
            if (!name.isEmpty()) {
                normalized.add(name);
            }
        }
        return normalized;
    }

    private static String stripQuotes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && QUOTES.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && QUOTES.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(start, end);
    }

    private static String underscoreSeparators(String name) {
        StringBuilder result = new StringBuilder(name.length());
        boolean inSeparator = false;
        for (int index = 0; index < name.length(); index++) {
            char character = name.charAt(index);
            if (character == '_' || character == '-' || PythonText.isSpace(character)) {
                if (!inSeparator) {
                    result.append('_');
                }
                inSeparator = true;
            } else {
                result.append(character);
                inSeparator = false;
            }
        }
        return result.toString();
    }
}

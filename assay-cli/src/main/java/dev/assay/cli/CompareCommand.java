package dev.assay.cli;

import dev.assay.api.ComparisonResponse;
import dev.assay.api.MetricComparisonResponse;
import dev.assay.api.VersionResponse;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code assay compare}: the CI gate. Prints the comparison of two versions, one row per metric,
 * and with {@code --fail-on regressed} exits 10 when any metric's verdict is {@code REGRESSED}
 * (significant after the server's Holm adjustment; docs/cli.md#compare).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, description = {
        "Compare a candidate version with a base version, metric by metric, and gate on regressions.",
        "Versions are ids, or names with --product-id. Exit code 10 when --fail-on regressed finds a REGRESSED metric."})
final class CompareCommand implements Callable<Integer> {
    /** When the gate fails. */
    enum FailOn {
        REGRESSED, NONE
    }

    private static final List<String> COLUMNS = List.of("metric", "verdict", "pairing", "baseN", "candidateN",
            "baseMean", "candidateMean", "delta", "deltaInterval", "test", "adjustedPValue");

    private final Context context;

    @Option(names = "--base", required = true, paramLabel = "<version>", description = "The version compared against: an id or, with --product-id, a name.")
    String base = "";

    @Option(names = "--candidate", required = true, paramLabel = "<version>", description = "The version under test: an id or, with --product-id, a name.")
    String candidate = "";

    @Option(names = "--product-id", paramLabel = "<id>", description = "The product whose versions --base and --candidate name.")
    @Nullable
    String productId;

    @Option(names = "--metric-ids", split = ",", paramLabel = "<id>", description = "Only these metrics.")
    @Nullable
    List<String> metricIds;

    @Option(names = "--test-ids", split = ",", paramLabel = "<id>", description = "Only evaluations of these tests' test cases.")
    @Nullable
    List<String> testIds;

    @Option(names = "--from-created-at", paramLabel = "<time>", description = "Only evaluations created at or after this time.")
    @Nullable
    String fromCreatedAt;

    @Option(names = "--to-created-at", paramLabel = "<time>", description = "Only evaluations created at or before this time.")
    @Nullable
    String toCreatedAt;

    @Option(names = "--fail-on", paramLabel = "<regressed|none>", defaultValue = "none", description = "regressed: exit 10 when any metric regressed significantly; none (default): always exit 0.")
    FailOn failOn = FailOn.NONE;

    CompareCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AssayClient client = context.client();
        String baseId = versionId(client, base);
        String candidateId = versionId(client, candidate);
        ListOptions filters = ListOptions.none();
        if (metricIds != null && !metricIds.isEmpty()) {
            filters = filters.filter("metricIds", metricIds.toArray(String[]::new));
        }
        if (testIds != null && !testIds.isEmpty()) {
            filters = filters.filter("testIds", testIds.toArray(String[]::new));
        }
        if (fromCreatedAt != null) {
            filters = filters.with("fromCreatedAt", fromCreatedAt);
        }
        if (toCreatedAt != null) {
            filters = filters.with("toCreatedAt", toCreatedAt);
        }
        ComparisonResponse comparison = client.comparisons().compare(baseId, candidateId, filters);
        Output output = context.output();
        if (output.format() == Output.Format.JSON) {
            output.value(context.json().valueToTree(comparison), List.of());
        } else {
            output.value(rows(comparison, output.format() == Output.Format.TABLE), COLUMNS);
        }
        List<String> regressed = new ArrayList<>();
        for (MetricComparisonResponse metric : comparison.metrics()) {
            if (metric.verdict().equals("REGRESSED")) {
                regressed.add(metric.metricName());
            }
        }
        if (failOn == FailOn.REGRESSED && !regressed.isEmpty()) {
            context.err.println("compare: regressed: " + String.join(", ", regressed)
                    + " (significant at " + comparison.significanceLevel() + " after " + comparison.pValueAdjustment() + ")");
            context.err.flush();
            return ExitCode.REGRESSION;
        }
        return ExitCode.OK;
    }

    /** An id as it is; a name looked up among the versions of --product-id. */
    private String versionId(AssayClient client, String version) {
        if (version.startsWith("version_")) {
            return version;
        }
        if (productId == null) {
            throw CliException.usage("'" + version + "' is not a version id: pass --product-id to find versions by name");
        }
        return client.versions().getByName(productId, version).map(VersionResponse::id)
                .orElseThrow(() -> new CliException(ExitCode.NOT_FOUND, "No version named '" + version + "' in " + productId));
    }

    /** One flat row per metric; a table rounds the numbers. */
    private ArrayNode rows(ComparisonResponse comparison, boolean rounded) {
        ArrayNode rows = context.json().createArrayNode();
        for (MetricComparisonResponse metric : comparison.metrics()) {
            ObjectNode row = rows.addObject();
            row.put("metric", metric.metricName());
            row.put("metricId", metric.metricId());
            row.put("verdict", metric.verdict());
            row.put("pairing", metric.pairing());
            row.put("baseN", metric.base().n());
            row.put("candidateN", metric.candidate().n());
            number(row, "baseMean", metric.base().mean(), rounded);
            number(row, "candidateMean", metric.candidate().mean(), rounded);
            number(row, "delta", metric.delta(), rounded);
            if (metric.deltaInterval() == null) {
                row.putNull("deltaInterval");
            } else if (rounded) {
                row.put("deltaInterval", "[" + round(metric.deltaInterval().low()) + ", " + round(metric.deltaInterval().high()) + "]");
            } else {
                row.putObject("deltaInterval").put("low", metric.deltaInterval().low()).put("high", metric.deltaInterval().high());
            }
            row.put("test", metric.test());
            number(row, "pValue", metric.pValue(), rounded);
            number(row, "adjustedPValue", metric.adjustedPValue(), rounded);
        }
        return rows;
    }

    private static void number(ObjectNode row, String field, @Nullable Double value, boolean rounded) {
        if (value == null) {
            row.putNull(field);
        } else if (rounded) {
            row.put(field, round(value));
        } else {
            row.put(field, value);
        }
    }

    private static String round(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}

package dev.assay.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code assay export <what>}: its subcommands are built from the list operations in {@link AssayCli}. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export turns, sessions, test cases or evaluations as JSONL or CSV, streamed page by page.")
final class ExportCommand implements Callable<Integer> {
    /** The export names and the nouns whose list operation they page through. */
    static final Map<String, String> EXPORTS = Map.of(
            "turns", "inference-results",
            "sessions", "sessions",
            "test-cases", "test-cases",
            "evaluations", "evaluations");

    private final Context context;

    ExportCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.err.println("Missing what to export: assay export turns|sessions|test-cases|evaluations");
        return ExitCode.USAGE;
    }
}

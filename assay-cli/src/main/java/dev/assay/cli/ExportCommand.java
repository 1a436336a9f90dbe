package dev.assay.cli;

import picocli.CommandLine.Command;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Export.")
final class ExportCommand {
    private final Context context;

    ExportCommand(Context context) {
        this.context = context;
    }
}

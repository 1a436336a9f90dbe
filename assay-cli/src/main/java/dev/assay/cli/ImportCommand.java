package dev.assay.cli;

import picocli.CommandLine.Command;

@Command(name = "import", mixinStandardHelpOptions = true, description = "Import turns or test cases.")
final class ImportCommand {
    private final Context context;

    ImportCommand(Context context) {
        this.context = context;
    }
}

package dev.assay.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code assay completion}: the bash/zsh completion script picocli generates from the command tree. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash/zsh completion script:", "  source <(assay completion)"})
final class CompletionCommand implements java.util.concurrent.Callable<Integer> {
    private final Context context;

    @Spec
    @org.jspecify.annotations.Nullable CommandSpec spec;

    CompletionCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CommandLine root = java.util.Objects.requireNonNull(spec, "spec").commandLine().getParent();
        context.out.print(AutoComplete.bash("assay", root));
        context.out.flush();
        return ExitCode.OK;
    }
}

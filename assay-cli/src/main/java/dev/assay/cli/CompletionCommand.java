package dev.assay.cli;

import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code assay completion}: the bash/zsh completion script picocli generates from the command tree. */
@Command(name = "completion", mixinStandardHelpOptions = true, description = {"Print a bash/zsh completion script:",
        "  source <(assay completion)"})
final class CompletionCommand implements Callable<Integer> {
    private final Context context;

    @Spec
    @Nullable
    CommandSpec spec;

    CompletionCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CommandLine root = Objects.requireNonNull(spec, "spec").commandLine().getParent();
        context.out.print(AutoComplete.bash("assay", root));
        context.out.flush();
        return ExitCode.OK;
    }
}

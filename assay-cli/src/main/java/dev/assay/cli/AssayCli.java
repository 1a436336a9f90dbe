package dev.assay.cli;

import dev.assay.client.AssayApiException;
import java.io.Console;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code assay} command: global options, the API nouns, and the commands of its own. */
@Command(name = "assay", mixinStandardHelpOptions = true, versionProvider = AssayCli.Version.class, description = "The command line of the Assay evaluation server.", footerHeading = "%nExit codes:%n", footer = {
        "  0   ok",
        "  1   usage: wrong command line or local input; nothing was sent",
        "  2   server error: the server refused the request (400, ...), failed, or was unreachable",
        "  3   not found (404)",
        "  4   authentication: no API key, or the server answered 401 or 403",
        "  10  regression: `assay compare --fail-on regressed` found one",
        "",
        "Environment: ASSAY_BASE_URL, ASSAY_API_KEY, ASSAY_PROFILE, ASSAY_CONFIG_DIR. See docs/cli.md."})
final class AssayCli implements Callable<Integer> {
    private final Context context;

    AssayCli(Context context) {
        this.context = context;
    }

    @Option(names = "--base-url", scope = ScopeType.INHERIT, paramLabel = "<url>", description = "The server, for example http://localhost:8080 (default: ASSAY_BASE_URL, the profile's, then http://localhost:8080).")
    void baseUrl(String value) {
        context.global.baseUrl = value;
    }

    @Option(names = "--api-key", scope = ScopeType.INHERIT, paramLabel = "<key>", description = "The API key (default: ASSAY_API_KEY, then the profile's).")
    void apiKey(String value) {
        context.global.apiKey = value;
    }

    @Option(names = {"--profile",
            "-p"}, scope = ScopeType.INHERIT, paramLabel = "<name>", description = "The profile to use (default: ASSAY_PROFILE, then the current profile).")
    void profile(String value) {
        context.global.profile = value;
    }

    @Option(names = {"--output",
            "-o"}, scope = ScopeType.INHERIT, paramLabel = "<format>", description = "table, json, jsonl or csv (default: table on a terminal, json otherwise).")
    void output(Output.Format value) {
        context.global.output = value;
    }

    @Override
    public Integer call() {
        context.err.println("Missing command: assay <noun> <verb>; see assay --help");
        context.err.flush();
        return ExitCode.USAGE;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new NoCloseStream(System.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new NoCloseStream(System.err), StandardCharsets.UTF_8), true);
        int code = run(args, out, err, System.in, System.getenv(), AssayCli::onTerminal);
        System.exit(code);
    }

    /** Runs one command line with the given streams and environment, as {@code main} does; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, BooleanSupplier terminal) {
        try (Context context = new Context(out, err, in, env, terminal)) {
            return commandLine(context, Set.of(args)).execute(args);
        }
    }

    /**
     * The command tree. Only the nouns named among {@code args} get their verbs and flags (all of
     * them for {@code completion}); the others are listed by {@code --help} but not built, which
     * keeps start-up short (BENCHMARKS.md, "Command line start-up").
     */
    static CommandLine commandLine(Context context, Set<String> args) {
        boolean everything = args.contains("completion");
        CommandLine line = new CommandLine(new AssayCli(context));
        List<ApiCommands.Operation> operations = ApiCommands.all();
        for (Map.Entry<String, List<ApiCommands.Operation>> noun : ApiCommands.byNoun(operations).entrySet()) {
            boolean build = everything || args.contains(noun.getKey());
            line.addSubcommand(noun.getKey(), OperationCommand.noun(noun.getKey(), build ? noun.getValue() : List.of(), context));
        }
        line.addSubcommand("profile", new CommandLine(new ProfileCommand(context)));
        line.addSubcommand("import", new CommandLine(new ImportCommand(context)));
        CommandLine export = new CommandLine(new ExportCommand(context));
        for (String name : everything || args.contains("export")
                ? List.of("turns", "sessions", "test-cases", "evaluations")
                : List.<String>of()) {
            String noun = ExportCommand.EXPORTS.get(name);
            ApiCommands.Operation list = operations.stream()
                    .filter(op -> op.noun().equals(noun) && op.verb().equals("list")).findFirst().orElseThrow();
            export.addSubcommand(name, OperationCommand.export(name, list, context));
        }
        line.addSubcommand("export", export);
        line.addSubcommand("compare", new CommandLine(new CompareCommand(context)));
        line.addSubcommand("completion", new CommandLine(new CompletionCommand(context)));
        line.setOut(context.out);
        line.setErr(context.err);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        // "@file" is the value syntax of --data, not picocli's argument files.
        line.setExpandAtFiles(false);
        line.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine failed = exception.getCommandLine();
            context.err.println("error: " + exception.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(exception, context.err)) {
                context.err.println("See: " + failed.getCommandSpec().qualifiedName() + " --help");
            }
            context.err.flush();
            return ExitCode.USAGE;
        });
        line.setExecutionExceptionHandler((exception, commandLine, parseResult) -> fail(context, exception));
        return line;
    }

    private static int fail(Context context, Exception exception) {
        int code;
        String message;
        if (exception instanceof CliException e) {
            code = e.exitCode();
            message = e.getMessage();
        } else if (exception instanceof AssayApiException e) {
            code = ExitCode.of(e);
            message = e.getMessage();
        } else if (exception instanceof UncheckedIOException e) {
            code = ExitCode.SERVER;
            message = "Cannot reach " + context.baseUrl() + ": " + (e.getCause() == null ? e.getMessage() : e.getCause());
        } else {
            code = ExitCode.SERVER;
            message = exception.toString();
        }
        context.out.flush();
        context.err.println("error: " + message);
        context.err.flush();
        return code;
    }

    /** Whether standard output is a terminal, asked only when a command needs to know. */
    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a console for redirected streams too and says so here.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Reads the version the build wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            Properties properties = new Properties();
            try (InputStream in = AssayCli.class.getResourceAsStream("/assay-cli.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[]{"assay " + properties.getProperty("version", "unknown")};
        }
    }

    /** System.out and System.err stay open when a writer over them is closed. */
    private static final class NoCloseStream extends FilterOutputStream {
        NoCloseStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

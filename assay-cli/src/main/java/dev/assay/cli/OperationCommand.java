package dev.assay.cli;

import dev.assay.client.ListOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One {@link ApiCommands.Operation} as a picocli command built at run time: a flag per request
 * field, {@code --data} for a whole body, and for lists the filters, paging and {@code --all}.
 */
final class OperationCommand implements Callable<Integer> {
    /** The page size of {@code --all} when {@code --limit} is not given. */
    static final int DEFAULT_PAGE = 1000;
    /** The largest {@code --data} read: the server's default body limit ({@code assay.http.max-body-bytes}). */
    static final int MAX_DATA_BYTES = 10 * 1024 * 1024;

    private final ApiCommands.Operation operation;
    private final Context context;
    private final boolean export;
    private @Nullable CommandSpec spec;

    private OperationCommand(ApiCommands.Operation operation, Context context, boolean export) {
        this.operation = operation;
        this.context = context;
        this.export = export;
    }

    /**
     * {@code assay export <name>}: the list operation's filters, every page, streamed as JSONL (or
     * CSV) to a file or standard output, with progress on standard error.
     */
    static CommandLine export(String name, ApiCommands.Operation list, Context context) {
        OperationCommand command = new OperationCommand(list, context, true);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        command.spec = spec;
        spec.name(name);
        addHelp(spec);
        spec.usageMessage().description("Export every " + list.noun() + " the filters select, page by page, as JSONL"
                + " (or -o csv), to --file or standard output.");
        addListOptions(spec, list);
        spec.addOption(OptionSpec.builder("--file").type(String.class).paramLabel("<path>")
                .description("Write here instead of standard output.").build());
        return new CommandLine(spec);
    }

    /** The command of a noun, with one subcommand per verb. */
    static CommandLine noun(String noun, List<ApiCommands.Operation> operations, Context context) {
        CommandSpec nounSpec = CommandSpec.wrapWithoutInspection((Callable<Integer>) () -> {
            throw new CommandLine.ParameterException(new CommandLine(CommandSpec.create()), "Missing verb: assay " + noun + " <verb>");
        });
        nounSpec.name(noun);
        addHelp(nounSpec);
        nounSpec.usageMessage().description(ApiCommands.NOUNS.getOrDefault(noun, "Operations on " + noun + "."));
        CommandLine nounLine = new CommandLine(nounSpec);
        for (ApiCommands.Operation operation : operations) {
            nounLine.addSubcommand(operation.verb(), new CommandLine(verb(operation, context)));
        }
        return nounLine;
    }

    private static CommandSpec verb(ApiCommands.Operation operation, Context context) {
        OperationCommand command = new OperationCommand(operation, context, false);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        command.spec = spec;
        spec.name(operation.verb());
        addHelp(spec);
        spec.usageMessage().description(operation.description() + ".");
        if (operation.idLabel() != null) {
            spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").type(String.class)
                    .paramLabel("<" + operation.idLabel() + ">").description("The " + operation.idLabel() + ".").build());
        }
        for (ApiCommands.Field field : operation.fields()) {
            spec.addOption(fieldOption(field));
        }
        if (!operation.fields().isEmpty()) {
            spec.addOption(OptionSpec.builder("--data", "-d").type(String.class).paramLabel("<json|@file|->")
                    .description("The whole request body: JSON text, @file, or - for standard input; flags override its fields.")
                    .build());
        }
        if (operation.paged()) {
            addListOptions(spec, operation);
        }
        return spec;
    }

    /**
     * {@code -h}/{@code --help}, built directly: picocli's standard help mixin is read by reflection,
     * which for the hundred generated commands costs noticeable start-up time.
     */
    private static void addHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
    }

    private static void addListOptions(CommandSpec spec, ApiCommands.Operation operation) {
        {
            for (String filter : operation.arrayFilters()) {
                spec.addOption(OptionSpec.builder(ApiCommands.flag(filter)).type(String[].class).splitRegex(",")
                        .paramLabel("<value>").description("Filter `" + filter + "` (comma-separated or repeated).").build());
            }
            for (String filter : operation.valueFilters()) {
                spec.addOption(OptionSpec.builder(ApiCommands.flag(filter)).type(String.class)
                        .paramLabel("<value>").description("Filter `" + filter + "`.").build());
            }
            spec.addOption(OptionSpec.builder("--limit").type(Integer.class).paramLabel("<n>")
                    .description("At most n rows (the page size with --all; the server's default is 1000).").build());
            spec.addOption(OptionSpec.builder("--offset").type(Integer.class).paramLabel("<n>").description("Skip n rows.").build());
            spec.addOption(OptionSpec.builder("--sort").type(String[].class).paramLabel("<field,asc|desc>")
                    .description("Sort key, for example createdAt,desc; repeat for several.").build());
            spec.addOption(OptionSpec.builder("--from-created-at").type(String.class).paramLabel("<time>")
                    .description("Rows created at or after this time (ISO 8601, a date, or epoch seconds).").build());
            spec.addOption(OptionSpec.builder("--to-created-at").type(String.class).paramLabel("<time>")
                    .description("Rows created at or before this time.").build());
            spec.addOption(OptionSpec.builder("--all").type(boolean.class).arity("0")
                    .description("Fetch every page, not only the first.").build());
        }
    }

    private static OptionSpec fieldOption(ApiCommands.Field field) {
        OptionSpec.Builder option = OptionSpec.builder(ApiCommands.flag(field.name()));
        String description = "Field `" + field.name() + "`";
        switch (field.kind()) {
            case STRING -> option.type(String.class).paramLabel("<text>");
            case INT -> option.type(Long.class).paramLabel("<n>");
            case NUMBER -> option.type(Double.class).paramLabel("<number>");
            case BOOLEAN -> option.type(Boolean.class).arity("0..1").fallbackValue("true").paramLabel("<true|false>");
            case LIST -> {
                option.type(String[].class).splitRegex(",").paramLabel("<value>");
                description += " (comma-separated or repeated)";
            }
            case JSON -> {
                option.type(String.class).paramLabel("<json>");
                description += " (JSON)";
            }
            case STRING_OR_JSON -> {
                option.type(String.class).paramLabel("<text|json>");
                description += " (text, or a JSON object)";
            }
        }
        return option.description(description + ".").build();
    }

    @Override
    public Integer call() {
        CommandSpec spec = requireSpec();
        if (export) {
            export(spec);
            return ExitCode.OK;
        }
        String id = operation.idLabel() == null ? null : (String) spec.positionalParameters().get(0).getValue();
        if (operation.paged()) {
            list(spec);
            return ExitCode.OK;
        }
        ObjectNode body = body(spec);
        Object result = Objects.requireNonNull(operation.invoke(), "invoke").call(context.client(), new Call(id, body, context));
        if (result != null) {
            JsonNode node = context.json().valueToTree(result);
            context.output().value(node, ApiCommands.COLUMNS.getOrDefault(operation.noun(), List.of()));
        } else if (context.format() == Output.Format.TABLE) {
            context.out.println("Done: " + operation.noun() + " " + operation.verb() + (id == null ? "" : " " + id));
            context.out.flush();
        }
        return ExitCode.OK;
    }

    private void export(CommandSpec spec) {
        Output.Format format = context.global.output == null ? Output.Format.JSONL : context.global.output;
        if (format != Output.Format.JSONL && format != Output.Format.CSV) {
            throw CliException.usage("export writes -o jsonl or -o csv");
        }
        ListOptions options = listOptions(spec);
        Integer limit = spec.findOption("--limit").getValue();
        Integer offset = spec.findOption("--offset").getValue();
        if (operation.noun().equals("inference-results") || operation.noun().equals("evaluations")) {
            if (limit != null || offset != null) {
                throw CliException.usage("export " + spec.name() + " streams every row: --limit and --offset do not apply");
            }
            boolean csv = format == Output.Format.CSV;
            streamExport(spec, options.with("format", csv ? "csv" : "jsonl"), csv);
            return;
        }
        int pageSize = limit == null ? DEFAULT_PAGE : limit;
        if (pageSize <= 0) {
            throw CliException.usage("--limit must be positive");
        }
        String file = spec.findOption("--file").getValue();
        var lister = Objects.requireNonNull(operation.list(), "list");
        int next = offset == null ? 0 : offset;
        List<?> page = lister.apply(context.client(), options.limit(pageSize).offset(next));
        Progress progress = new Progress(context, "export " + spec.name(), -1);
        Progress.Counts counts = new Progress.Counts();
        try (PrintWriter target = file == null
                ? null
                : new PrintWriter(
                        Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8))) {
            Output output = new Output(target == null ? context.out : target, context.json(), format);
            try (Output.Rows rows = output.rows(List.of())) {
                while (true) {
                    write(rows, page);
                    counts.rows += page.size();
                    counts.accepted = counts.rows;
                    counts.offset = next + page.size();
                    progress.update(counts, 0);
                    if (page.size() < pageSize) {
                        break;
                    }
                    next += page.size();
                    page = lister.apply(context.client(), options.limit(pageSize).offset(next));
                }
            }
        } catch (IOException e) {
            throw CliException.usage("Cannot write " + file + ": " + e.getMessage());
        }
        progress.finish(counts, 0);
    }

    /**
     * Turns and evaluations come from the server's export routes (docs/api.md, "Export"): one
     * response streamed from a database cursor, copied through as it arrives.
     */
    private void streamExport(CommandSpec spec, ListOptions options, boolean csv) {
        String file = spec.findOption("--file").getValue();
        Progress progress = new Progress(context, "export " + spec.name(), -1);
        Progress.Counts counts = new Progress.Counts();
        try (InputStream body = operation.noun().equals("evaluations")
                ? context.client().evaluations().export(options)
                : context.client().inferenceResults().export(options);
                Reader reader = new InputStreamReader(body, StandardCharsets.UTF_8);
                Writer target = file == null ? null : Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
            Writer sink = target == null ? context.out : target;
            char[] buffer = new char[1 << 16];
            long lines = 0;
            int read;
            while ((read = reader.read(buffer)) > 0) {
                sink.write(buffer, 0, read);
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                counts.rows = csv ? Math.max(0, lines - 1) : lines;
                counts.accepted = counts.rows;
                counts.offset = counts.rows;
                progress.update(counts, 0);
            }
            sink.flush();
        } catch (IOException e) {
            throw new CliException(ExitCode.SERVER, "The export broke off after " + counts.rows + " rows: " + e.getMessage());
        }
        progress.finish(counts, 0);
    }

    private void list(CommandSpec spec) {
        ListOptions options = listOptions(spec);
        Integer limit = spec.findOption("--limit").getValue();
        Integer offset = spec.findOption("--offset").getValue();
        boolean all = Boolean.TRUE.equals(spec.findOption("--all").getValue());
        listPages(options, limit, offset, all);
    }

    private ListOptions listOptions(CommandSpec spec) {
        ListOptions options = ListOptions.none();
        for (String filter : operation.arrayFilters()) {
            String[] values = spec.findOption(ApiCommands.flag(filter)).getValue();
            if (values != null) {
                options = options.filter(filter, values);
            }
        }
        for (String filter : operation.valueFilters()) {
            String value = spec.findOption(ApiCommands.flag(filter)).getValue();
            if (value != null) {
                options = options.with(filter, value);
            }
        }
        String[] sort = spec.findOption("--sort").getValue();
        if (sort != null) {
            for (String key : sort) {
                options = options.with("sort", key);
            }
        }
        String from = spec.findOption("--from-created-at").getValue();
        if (from != null) {
            options = options.with("fromCreatedAt", from);
        }
        String to = spec.findOption("--to-created-at").getValue();
        if (to != null) {
            options = options.with("toCreatedAt", to);
        }
        return options;
    }

    private void listPages(ListOptions options, @Nullable Integer limit, @Nullable Integer offset, boolean all) {
        var lister = Objects.requireNonNull(operation.list(), "list");
        List<String> columns = ApiCommands.COLUMNS.getOrDefault(operation.noun(), List.of());
        if (!all) {
            ListOptions page = options;
            if (limit != null) {
                page = page.limit(limit);
            }
            if (offset != null) {
                page = page.offset(offset);
            }
            List<?> rowsOfPage = lister.apply(context.client(), page);
            try (Output.Rows rows = context.output().rows(columns)) {
                write(rows, rowsOfPage);
            }
            return;
        }
        int pageSize = limit == null ? DEFAULT_PAGE : limit;
        if (pageSize <= 0) {
            throw CliException.usage("--limit must be positive with --all");
        }
        int next = offset == null ? 0 : offset;
        // The first page is fetched before anything is written, so that an error prints no partial output.
        List<?> page = lister.apply(context.client(), options.limit(pageSize).offset(next));
        try (Output.Rows rows = context.output().rows(columns)) {
            while (true) {
                write(rows, page);
                if (page.size() < pageSize) {
                    return;
                }
                next += page.size();
                page = lister.apply(context.client(), options.limit(pageSize).offset(next));
            }
        }
    }

    private void write(Output.Rows rows, List<?> page) {
        for (Object row : page) {
            rows.add(context.json().valueToTree(row));
        }
    }

    /** {@code --data} first, then each field flag given. */
    private ObjectNode body(CommandSpec spec) {
        ObjectNode body = context.json().createObjectNode();
        if (operation.fields().isEmpty()) {
            return body;
        }
        String data = spec.findOption("--data").getValue();
        if (data != null) {
            JsonNode parsed = parse(readData(data), "--data");
            if (!parsed.isObject()) {
                throw CliException.usage("--data must be a JSON object");
            }
            body.setAll((ObjectNode) parsed);
        }
        for (ApiCommands.Field field : operation.fields()) {
            Object value = spec.findOption(ApiCommands.flag(field.name())).getValue();
            if (value == null) {
                continue;
            }
            switch (field.kind()) {
                case STRING -> body.put(field.name(), (String) value);
                case INT -> body.put(field.name(), (Long) value);
                case NUMBER -> body.put(field.name(), (Double) value);
                case BOOLEAN -> body.put(field.name(), (Boolean) value);
                case LIST -> {
                    ArrayNode array = body.putArray(field.name());
                    for (String item : (String[]) value) {
                        array.add(item);
                    }
                }
                case JSON -> body.set(field.name(), parse((String) value, ApiCommands.flag(field.name())));
                case STRING_OR_JSON -> {
                    String text = (String) value;
                    if (text.stripLeading().startsWith("{")) {
                        body.set(field.name(), parse(text, ApiCommands.flag(field.name())));
                    } else {
                        body.put(field.name(), text);
                    }
                }
            }
        }
        return body;
    }

    private String readData(String data) {
        try {
            if (data.equals("-")) {
                return bounded(context.in.readNBytes(MAX_DATA_BYTES + 1), data);
            }
            if (data.startsWith("@")) {
                try (InputStream file = Files.newInputStream(Path.of(data.substring(1)))) {
                    return bounded(file.readNBytes(MAX_DATA_BYTES + 1), data);
                }
            }
        } catch (IOException e) {
            throw CliException.usage("Cannot read " + data + ": " + e.getMessage());
        }
        return data;
    }

    private static String bounded(byte[] bytes, String source) {
        if (bytes.length > MAX_DATA_BYTES) {
            throw CliException.usage("--data " + source + " is larger than " + MAX_DATA_BYTES + " bytes, the server's body limit");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private JsonNode parse(String text, String what) {
        try {
            return context.json().readTree(text);
        } catch (JacksonException e) {
            throw CliException.usage(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private CommandSpec requireSpec() {
        if (spec == null) {
            throw new IllegalStateException("The command has no spec");
        }
        return spec;
    }
}

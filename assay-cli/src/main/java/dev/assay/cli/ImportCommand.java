package dev.assay.cli;

import dev.assay.api.ConversationTurn;
import dev.assay.api.CreateInferenceResultBatchRequest;
import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.TestResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.AssayClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code assay import turns|test-cases FILE}: streams a JSONL or CSV file to the server in
 * batches, reports each rejected row with its reason, and names the {@code --offset} that
 * resumes after the last row handled (docs/cli.md#import).
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import turns or test cases from JSONL or CSV, resumable with --offset.")
final class ImportCommand {
    /** The most rows one batch request carries: two messages a row, and the batch endpoint takes 1000. */
    static final int MAX_TURN_BATCH = 500;
    /** How many ignored field names the report lists. */
    static final int REPORTED_FIELDS = 100;
    /** How many rejections the final report lists; all are printed on stderr as they happen. */
    static final int REPORTED_REJECTIONS = 100;

    private static final Set<String> TURN_FIELDS = Set.of(
            "sessionId", "sessionCustomId", "versionId", "productId", "input", "output", "actualOutput", "retrievalContext");

    /** The fields a test-case row may have: the request's, and Galtea's {@code tag}. */
    private static final class TestCaseFields {
        static final Set<String> NAMES = names();

        private static Set<String> names() {
            Set<String> names = new LinkedHashSet<>();
            for (var component : CreateTestCaseRequest.class.getRecordComponents()) {
                names.add(component.getName());
            }
            names.add("tag");
            return Set.copyOf(names);
        }
    }

    private final Context context;

    ImportCommand(Context context) {
        this.context = context;
    }

    /** Options of both imports. */
    static final class Source {
        @Parameters(index = "0", paramLabel = "FILE", description = "A .jsonl or .csv file, or - for standard input.")
        String file = "-";

        @Option(names = "--format", paramLabel = "<jsonl|csv>", description = "The file's format (default: from its extension, else jsonl).")
        RowReader.@Nullable Format format;

        @Option(names = "--offset", paramLabel = "<n>", defaultValue = "0", description = "Skip the first n rows: the offset a stopped import printed.")
        long offset;
    }

    @Command(name = "turns", mixinStandardHelpOptions = true, description = {
            "Import turns through the batch endpoint (POST /inferenceResults/batch).",
            "Row fields: sessionId or sessionCustomId (with versionId or productId), input, output (or actualOutput),",
            "retrievalContext; CSV columns may be snake_case. Consecutive rows of one session go in one request."})
    int turns(@Mixin Source source,
            @Option(names = "--session-id", paramLabel = "<id>", description = "The session of rows that name none.") @Nullable String sessionId,
            @Option(names = "--session-custom-id", paramLabel = "<id>", description = "The session custom id of rows that name no session.") @Nullable String sessionCustomId,
            @Option(names = "--version-id", paramLabel = "<id>", description = "The version a session custom id is looked up in.") @Nullable String versionId,
            @Option(names = "--product-id", paramLabel = "<id>", description = "The product a session custom id is looked up in.") @Nullable String productId,
            @Option(names = "--batch-size", paramLabel = "<n>", defaultValue = "100", description = "Rows per request, 1 to "
                    + MAX_TURN_BATCH + " (default: ${DEFAULT-VALUE}).") int batchSize) {
        if (batchSize < 1 || batchSize > MAX_TURN_BATCH) {
            throw CliException.usage("--batch-size must be between 1 and " + MAX_TURN_BATCH);
        }
        SessionKey defaults = new SessionKey(sessionId, sessionCustomId, versionId, productId);
        return run(source, "import turns", batchSize, new TurnSink(defaults));
    }

    @Command(name = "test-cases", mixinStandardHelpOptions = true, description = {
            "Import test cases of a test (POST /testCases, one request a row: the API has no batch create).",
            "Galtea's CSV columns: input, expected_output, context, tag (the variant), source, user_persona, scenario,",
            "goal, stopping_criterias and expected_tools (split on ; or |), max_iterations, initial_prompt, strategy,",
            "variant, language_code; a BEHAVIOR test needs user_persona, scenario and goal."})
    int testCases(@Mixin Source source,
            @Option(names = "--test-id", paramLabel = "<id>", description = "The test of rows that name none.") @Nullable String testId) {
        return run(source, "import test-cases", 1, new TestCaseSink(testId));
    }

    private int run(Source source, String label, int batchSize, Sink sink) {
        if (source.offset < 0) {
            throw CliException.usage("--offset must be zero or more");
        }
        RowReader.Format format = source.format != null
                ? source.format
                : source.file.toLowerCase(Locale.ROOT).endsWith(".csv") ? RowReader.Format.CSV : RowReader.Format.JSONL;
        long size = -1;
        InputStream input;
        try {
            if (source.file.equals("-")) {
                input = context.in;
            } else {
                Path path = Path.of(source.file);
                size = Files.size(path);
                input = Files.newInputStream(path);
            }
        } catch (IOException e) {
            throw CliException.usage("Cannot read " + source.file + ": " + e.getMessage());
        }
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "assay-import-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (RowReader reader = RowReader.open(input, format, context.json())) {
            AssayClient client = context.client();
            sink.start(client, reader.columns());
            Run run = new Run(label, reader, sink, client, new Progress(context, label, size), source.offset, batchSize);
            return run.execute(stop);
        } catch (IOException e) {
            throw CliException.usage("Cannot read " + source.file + ": " + e.getMessage());
        } catch (CliException | AssayApiException | UncheckedIOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running and has been released above.
            }
        }
    }

    /** One import: reads rows, sends batches, counts, reports. */
    private final class Run {
        private final String label;
        private final RowReader reader;
        private final Sink sink;
        private final AssayClient client;
        private final Progress progress;
        private final long skip;
        private final int batchSize;
        private final Progress.Counts counts = new Progress.Counts();
        private final ArrayNode rejections = context.json().createArrayNode();
        private final List<Item> pending = new ArrayList<>();

        Run(String label, RowReader reader, Sink sink, AssayClient client, Progress progress, long skip, int batchSize) {
            this.label = label;
            this.reader = reader;
            this.sink = sink;
            this.client = client;
            this.progress = progress;
            this.skip = skip;
            this.batchSize = batchSize;
            this.counts.offset = skip;
        }

        int execute(AtomicBoolean stop) {
            RowReader.Row row;
            try {
                while ((row = reader.next()) != null) {
                    if (row.number() <= skip) {
                        continue;
                    }
                    if (stop.get()) {
                        return report(false, "interrupted", ExitCode.SERVER);
                    }
                    Item item = prepare(row);
                    if (item == null) {
                        if (pending.isEmpty()) {
                            counts.offset = row.number();
                        }
                        continue;
                    }
                    if (!pending.isEmpty() && (pending.size() >= batchSize || !sink.sameBatch(pending.get(0), item))) {
                        flush();
                        counts.offset = row.number() - 1;
                    }
                    pending.add(item);
                    progress.update(counts, reader.bytesRead());
                }
                flush();
                if (counts.rows > 0) {
                    counts.offset = Math.max(counts.offset, lastRow);
                }
            } catch (AssayApiException e) {
                return report(false, e.getMessage(), ExitCode.of(e));
            } catch (UncheckedIOException e) {
                return report(false, "cannot reach " + context.baseUrl() + ": " + e.getCause(), ExitCode.SERVER);
            }
            return report(true, null, counts.rejected == 0 ? ExitCode.OK : ExitCode.SERVER);
        }

        private long lastRow;

        private @Nullable Item prepare(RowReader.Row row) {
            counts.rows++;
            lastRow = row.number();
            if (row.error() != null) {
                reject(row.number(), row.error());
                return null;
            }
            try {
                return new Item(row.number(), sink.prepare(Objects.requireNonNull(row.fields())));
            } catch (RowRejected e) {
                reject(row.number(), e.getMessage());
                return null;
            }
        }

        /** Sends the pending rows; a batch the server refuses is sent again row by row to find the bad ones. */
        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            List<Item> batch = List.copyOf(pending);
            pending.clear();
            try {
                sink.send(client, batch.stream().map(Item::value).toList());
                counts.accepted += batch.size();
                counts.offset = batch.get(batch.size() - 1).row();
                return;
            } catch (AssayApiException e) {
                if (!rowLevel(e)) {
                    throw e;
                }
                if (batch.size() == 1) {
                    reject(batch.get(0).row(), e.getMessage());
                    counts.offset = batch.get(0).row();
                    return;
                }
            }
            for (Item item : batch) {
                try {
                    sink.send(client, List.of(item.value()));
                    counts.accepted++;
                } catch (AssayApiException e) {
                    if (!rowLevel(e)) {
                        throw e;
                    }
                    reject(item.row(), e.getMessage());
                }
                counts.offset = item.row();
            }
        }

        /** 400 and 404 are about the row's content; anything else stops the import. */
        private boolean rowLevel(AssayApiException e) {
            return e.status() == 400 || e.status() == 404 || e.status() == 413;
        }

        private void reject(long row, @Nullable String reason) {
            counts.rejected++;
            context.err.println(label + ": row " + row + " rejected: " + reason);
            if (rejections.size() < REPORTED_REJECTIONS) {
                ObjectNode rejection = rejections.addObject();
                rejection.put("row", row);
                rejection.put("reason", reason);
            }
        }

        private int report(boolean complete, @Nullable String stoppedBecause, int exitCode) {
            progress.finish(counts, reader.bytesRead());
            ObjectNode summary = context.json().createObjectNode();
            summary.put("command", label);
            summary.put("complete", complete);
            summary.put("rows", counts.rows);
            summary.put("accepted", counts.accepted);
            summary.put("rejected", counts.rejected);
            summary.put("offset", counts.offset);
            if (stoppedBecause != null) {
                summary.put("stoppedBecause", stoppedBecause);
            }
            summary.set("rejections", rejections);
            summary.put("rejectionsNotListed", Math.max(0, counts.rejected - rejections.size()));
            if (!sink.ignoredFields().isEmpty()) {
                ArrayNode ignored = summary.putArray("ignoredFields");
                sink.ignoredFields().forEach(ignored::add);
            }
            context.output().value(summary, List.of());
            if (!complete) {
                context.err.println(label + ": stopped (" + stoppedBecause + "); resume with --offset " + counts.offset);
            }
            context.err.flush();
            return exitCode;
        }
    }

    private record Item(long row, Object value) {}

    /** A row the client refuses before sending anything. */
    static final class RowRejected extends Exception {
        private static final long serialVersionUID = 1L;

        RowRejected(String message) {
            super(message, null, false, false);
        }
    }

    /** Turns rows into request values and sends them. */
    interface Sink {
        default void start(AssayClient client, List<String> columns) {}

        Object prepare(ObjectNode fields) throws RowRejected;

        default boolean sameBatch(Item first, Item next) {
            return false;
        }

        void send(AssayClient client, List<Object> values);

        Set<String> ignoredFields();
    }

    private record SessionKey(@Nullable String sessionId, @Nullable String sessionCustomId,
            @Nullable String versionId, @Nullable String productId) {}

    private record Turn(SessionKey session, List<ConversationTurn> messages) {}

    private final class TurnSink implements Sink {
        private final SessionKey defaults;
        private final Set<String> ignored = new LinkedHashSet<>();

        TurnSink(SessionKey defaults) {
            this.defaults = defaults;
        }

        @Override
        public Object prepare(ObjectNode fields) throws RowRejected {
            fields.propertyNames().forEach(name -> {
                if (!TURN_FIELDS.contains(name) && ignored.size() < REPORTED_FIELDS) {
                    ignored.add(name);
                }
            });
            String sessionId = text(fields, "sessionId");
            String customId = text(fields, "sessionCustomId");
            SessionKey key = sessionId != null || customId != null
                    ? new SessionKey(sessionId, customId, text(fields, "versionId"), text(fields, "productId"))
                    : defaults;
            if (key.sessionId() == null && key.sessionCustomId() == null) {
                throw new RowRejected("no sessionId or sessionCustomId (in the row, --session-id or --session-custom-id)");
            }
            if (key.sessionId() == null && key.versionId() == null && key.productId() == null) {
                throw new RowRejected("a sessionCustomId needs a versionId or productId");
            }
            String input = input(fields.get("input"));
            String output = text(fields, "output");
            if (output == null) {
                output = text(fields, "actualOutput");
            }
            if (input == null && output == null) {
                throw new RowRejected("neither input nor output");
            }
            String retrievalContext = text(fields, "retrievalContext");
            List<ConversationTurn> messages = new ArrayList<>(2);
            if (input != null) {
                messages.add(ConversationTurn.user(input));
            }
            if (output != null) {
                messages.add(new ConversationTurn("assistant", output, retrievalContext));
            }
            return new Turn(key, messages);
        }

        @Override
        public boolean sameBatch(Item first, Item next) {
            return ((Turn) first.value()).session().equals(((Turn) next.value()).session());
        }

        @Override
        public void send(AssayClient client, List<Object> values) {
            SessionKey key = ((Turn) values.get(0)).session();
            List<ConversationTurn> messages = new ArrayList<>();
            for (Object value : values) {
                messages.addAll(((Turn) value).messages());
            }
            client.inferenceResults().createBatch(new CreateInferenceResultBatchRequest(
                    key.sessionId(), key.sessionCustomId(), key.versionId(), key.productId(), messages, null));
        }

        @Override
        public Set<String> ignoredFields() {
            return ignored;
        }

        /** A text input, or the user message of an exported turn's {@code {"user_message": ...}} input. */
        private @Nullable String input(@Nullable JsonNode input) throws RowRejected {
            if (input == null || input.isNull()) {
                return null;
            }
            if (input.isObject()) {
                JsonNode message = input.get("user_message");
                if (message != null && message.isString()) {
                    return message.asString();
                }
                throw new RowRejected("input is an object without a user_message text");
            }
            if (!input.isString()) {
                throw new RowRejected("input must be text");
            }
            return input.asString();
        }
    }

    private final class TestCaseSink implements Sink {
        private final @Nullable String defaultTestId;
        private final Set<String> ignored = new LinkedHashSet<>();
        private final Map<String, String> testTypes = new HashMap<>();
        private @Nullable AssayClient client;

        TestCaseSink(@Nullable String defaultTestId) {
            this.defaultTestId = defaultTestId;
        }

        @Override
        public void start(AssayClient client, List<String> columns) {
            this.client = client;
            if (defaultTestId != null) {
                typeOf(defaultTestId);
            }
        }

        /** The test's type, asked once per test: a missing test stops the import (exit code 3). */
        private String typeOf(String testId) {
            return testTypes.computeIfAbsent(testId, id -> {
                TestResponse test = Objects.requireNonNull(client).tests().get(id);
                return test.type() == null ? "" : test.type();
            });
        }

        @Override
        public Object prepare(ObjectNode fields) throws RowRejected {
            ObjectNode request = context.json().createObjectNode();
            for (String name : List.copyOf(fields.propertyNames())) {
                if (!TestCaseFields.NAMES.contains(name)) {
                    if (ignored.size() < REPORTED_FIELDS) {
                        ignored.add(name);
                    }
                    continue;
                }
                request.set(name, fields.get(name));
            }
            JsonNode tag = request.remove("tag");
            if (tag != null && !request.has("variant")) {
                request.set("variant", tag);
            }
            if (!request.has("testId") && defaultTestId != null) {
                request.put("testId", defaultTestId);
            }
            String testId = text(request, "testId");
            if (testId == null) {
                throw new RowRejected("no testId (in the row or --test-id)");
            }
            split(request, "expectedTools");
            split(request, "stoppingCriterias");
            integer(request, "maxIterations");
            integer(request, "userScore");
            number(request, "confidence");
            if (typeOf(testId).equals("BEHAVIOR")) {
                List<String> missing = new ArrayList<>();
                for (String required : List.of("userPersona", "scenario", "goal")) {
                    if (text(request, required) == null) {
                        missing.add(required);
                    }
                }
                if (!missing.isEmpty()) {
                    throw new RowRejected("a BEHAVIOR test case needs " + String.join(", ", missing));
                }
            }
            try {
                return context.json().treeToValue(request, CreateTestCaseRequest.class);
            } catch (JacksonException e) {
                throw new RowRejected("invalid field: " + e.getOriginalMessage());
            }
        }

        @Override
        public void send(AssayClient client, List<Object> values) {
            for (Object value : values) {
                client.testCases().create((CreateTestCaseRequest) value);
            }
        }

        @Override
        public Set<String> ignoredFields() {
            return ignored;
        }

        /** A CSV cell {@code a;b|c} becomes {@code ["a","b","c"]}; a JSON array stays. */
        private void split(ObjectNode request, String field) {
            JsonNode value = request.get(field);
            if (value != null && value.isString()) {
                ArrayNode items = request.putArray(field);
                Arrays.stream(value.asString().split("[;|]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
            }
        }

        private void integer(ObjectNode request, String field) throws RowRejected {
            JsonNode value = request.get(field);
            if (value != null && value.isString()) {
                try {
                    request.put(field, Integer.parseInt(value.asString().strip()));
                } catch (NumberFormatException e) {
                    throw new RowRejected(field + " must be an integer, not \"" + value.asString() + "\"");
                }
            }
        }

        private void number(ObjectNode request, String field) throws RowRejected {
            JsonNode value = request.get(field);
            if (value != null && value.isString()) {
                try {
                    request.put(field, Double.parseDouble(value.asString().strip()));
                } catch (NumberFormatException e) {
                    throw new RowRejected(field + " must be a number, not \"" + value.asString() + "\"");
                }
            }
        }
    }

    private static @Nullable String text(ObjectNode fields, String name) {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return text.isEmpty() ? null : text;
    }
}

package dev.assay.client;

import static java.util.Objects.requireNonNull;

import dev.assay.api.CreateTraceBatchResponse;
import dev.assay.api.CreateTraceRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Records spans around blocks of code and sends them to the server in batches. A span opened
 * while another is open on the same thread nests under it. A span tree is sent once its root
 * closes (parents before children), in batches of the recorder's size; closing the recorder sends
 * the rest.
 *
 * <pre>{@code
 * try (SpanRecorder spans = client.traces().recorder(turnId)) {
 *     try (SpanRecorder.Span agent = spans.start("answer", "AGENT")) {
 *         try (SpanRecorder.Span tool = spans.start("search_docs", "TOOL")) {
 *             tool.input(Map.of("query", question));
 *             tool.output(searchDocs(question));
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe: each thread nests its own spans. Errors of a batch call surface as
 * {@link AssayApiException} from the {@code close} that sent it; spans the server dropped are in
 * {@link #rejected()}.
 */
public final class SpanRecorder implements AutoCloseable {
    /** Spans per batch call unless the recorder was made with another size. */
    public static final int DEFAULT_BATCH_SIZE = 100;

    private final TraceService traces;
    private final String inferenceResultId;
    private final int batchSize;
    private final Clock clock = Clock.systemUTC();
    private final ThreadLocal<Deque<Span>> open = ThreadLocal.withInitial(ArrayDeque::new);
    private final Map<UUID, List<Span>> finishedByRoot = new LinkedHashMap<>();
    private final List<Span> ready = new ArrayList<>();
    private final List<CreateTraceBatchResponse.Rejected> rejected = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private long sequence;
    private boolean closed;

    SpanRecorder(TraceService traces, String inferenceResultId, int batchSize) {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("batchSize must be between 1 and 1000: " + batchSize);
        }
        this.traces = traces;
        this.inferenceResultId = requireNonNull(inferenceResultId, "inferenceResultId");
        this.batchSize = batchSize;
    }

    /**
     * Opens a span of the given type ({@code TOOL}, {@code GENERATION}, {@code RETRIEVER}, ...),
     * nested under the span open on this thread if any. Close it to record it.
     */
    public Span start(String name, String type) {
        requireNonNull(name, "name");
        Deque<Span> stack = open.get();
        Span parent = stack.peek();
        Span span;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The recorder is closed");
            }
            span = new Span(this, name, type, parent, clock.instant(), sequence++);
        }
        stack.push(span);
        return span;
    }

    /** The ids of the spans sent so far, in the order sent. */
    public synchronized List<String> sentIds() {
        return List.copyOf(sent);
    }

    /** The spans the server dropped, with the index of each in its batch call and why. */
    public synchronized List<CreateTraceBatchResponse.Rejected> rejected() {
        return List.copyOf(rejected);
    }

    /** Sends every finished span now, whole trees only (spans still open wait for their root). */
    public synchronized void flush() {
        send(1);
    }

    /** Sends batches while at least {@code minimum} finished spans wait. */
    private void send(int minimum) {
        while (!ready.isEmpty() && ready.size() >= minimum) {
            List<Span> batch = new ArrayList<>(ready.subList(0, Math.min(batchSize, ready.size())));
            ready.subList(0, batch.size()).clear();
            CreateTraceBatchResponse response = traces.createBatch(batch.stream().map(Span::request).toList());
            response.traces().forEach(stored -> sent.add(stored.id()));
            rejected.addAll(response.rejected());
        }
    }

    /** Sends what is left; spans still open are recorded as ending now. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Deque<Span> stack = open.get();
        while (!stack.isEmpty()) {
            stack.peek().close();
        }
        open.remove();
        synchronized (this) {
            for (List<Span> tree : finishedByRoot.values()) {
                ready.addAll(tree);
            }
            finishedByRoot.clear();
            ready.sort((left, right) -> Long.compare(left.sequence, right.sequence));
            flush();
        }
    }

    private synchronized void finished(Span span) {
        finishedByRoot.computeIfAbsent(span.root, k -> new ArrayList<>()).add(span);
        if (span.parent == null) {
            List<Span> tree = finishedByRoot.remove(span.root);
            // Parents start before their children: start order sends parents first.
            tree.sort((left, right) -> Long.compare(left.sequence, right.sequence));
            ready.addAll(tree);
            send(batchSize);
        }
    }

    private void pop(Span span) {
        Deque<Span> stack = open.get();
        stack.remove(span);
    }

    /** One open span; set what it read, returned or failed with, then close it. */
    public static final class Span implements AutoCloseable {
        private final SpanRecorder recorder;
        private final String id = UUID.randomUUID().toString();
        private final String name;
        private final String type;
        private final @Nullable Span parent;
        private final UUID root;
        private final Instant start;
        private final long sequence;
        private @Nullable Object input;
        private @Nullable Object output;
        private @Nullable String error;
        private @Nullable String description;
        private @Nullable Map<String, Object> metadata;
        private @Nullable Instant end;

        private Span(SpanRecorder recorder, String name, String type, @Nullable Span parent, Instant start, long sequence) {
            this.recorder = recorder;
            this.name = name;
            this.type = type;
            this.parent = parent;
            this.root = parent == null ? UUID.fromString(id) : parent.root;
            this.start = start;
            this.sequence = sequence;
        }

        /** The span's id, known before it is sent (the server keeps it). */
        public String id() {
            return id;
        }

        public Span input(@Nullable Object value) {
            input = value;
            return this;
        }

        public Span output(@Nullable Object value) {
            output = value;
            return this;
        }

        public Span description(@Nullable String value) {
            description = value;
            return this;
        }

        public Span metadata(@Nullable Map<String, Object> value) {
            metadata = value == null ? null : Map.copyOf(value);
            return this;
        }

        /** Marks the span as failed with the exception's class and message. */
        public Span error(Throwable failure) {
            error = failure.getClass().getName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
            return this;
        }

        public Span error(@Nullable String message) {
            error = message;
            return this;
        }

        /** Ends the span; closing it twice records it once. */
        @Override
        public void close() {
            synchronized (this) {
                if (end != null) {
                    return;
                }
                end = recorder.clock.instant();
            }
            recorder.pop(this);
            recorder.finished(this);
        }

        private CreateTraceRequest request() {
            Instant finished = Objects.requireNonNull(end, "a span is sent once closed");
            double latency = Duration.between(start, finished).toNanos() / 1e6;
            return new CreateTraceRequest(id, recorder.inferenceResultId, name, type, description, input, output, error,
                    latency, metadata, parent == null ? null : parent.id, start.toString(), finished.toString());
        }
    }
}

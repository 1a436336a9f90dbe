package dev.assay.judge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI chat-completions endpoint on loopback, for tests: answers {@code POST
 * /v1/chat/completions} from a script of replies (then from a default), records every request,
 * and can hold answers back to provoke timeouts or to observe how many calls are in flight.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(30);

    private final HttpServer server;
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Function<Request, Reply> fallback = request -> Reply.verdict(1, "The fake judge agrees.");
    private volatile CountDownLatch held = new CountDownLatch(1);

    private FakeOpenAiServer(HttpServer server) {
        this.server = server;
    }

    /** A server on a free loopback port, answering a good verdict until told otherwise. */
    public static FakeOpenAiServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeOpenAiServer fake = new FakeOpenAiServer(server);
            server.createContext("/", fake::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL a client is configured with, up to {@code /v1}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/v1";
    }

    /** Answers the next requests with these replies, in order, before falling back to the default. */
    public FakeOpenAiServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply to every request once the script is used up. */
    public FakeOpenAiServer answerByDefault(Function<Request, Reply> reply) {
        this.fallback = reply;
        return this;
    }

    /** Lets every held reply go, and holds none from now on until {@link #reset}. */
    public void releaseHeld() {
        held.countDown();
    }

    /** Forgets the script, the recorded requests and the counts; back to good verdicts. */
    public void reset() {
        releaseHeld();
        script.clear();
        requests.clear();
        maxInFlight.set(0);
        fallback = request -> Reply.verdict(1, "The fake judge agrees.");
        held = new CountDownLatch(1);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        releaseHeld();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(body.isEmpty() ? "{}" : body));
            requests.add(request);
            Reply scripted = script.poll();
            Reply reply = scripted != null ? scripted : fallback.apply(request);
            if (reply.held()) {
                held.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            }
            byte[] bytes = reply.body(request).getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (a timeout under test); nothing to answer.
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** One request as the fake received it. */
    public record Request(String method, String path, @Nullable String authorization, JsonNode body) {

        public String model() {
            return body.path("model").asString();
        }

        /** The contents of the messages in order. */
        public List<String> contents() {
            List<String> contents = new ArrayList<>();
            body.path("messages").forEach(message -> contents.add(message.path("content").asString()));
            return contents;
        }

        /** The roles of the messages in order. */
        public List<String> roles() {
            List<String> roles = new ArrayList<>();
            body.path("messages").forEach(message -> roles.add(message.path("role").asString()));
            return roles;
        }

        public String system() {
            return contents().getFirst();
        }

        /** The first user message: the material and the criteria. */
        public String user() {
            return contents().get(1);
        }
    }

    /**
     * What the fake answers: a status, headers and a body (a template given the request, so the
     * answer names the model asked for), maybe held back until released.
     */
    public record Reply(int status, Map<String, String> headers, Function<Request, String> template, boolean held) {

        public String body(Request request) {
            return template.apply(request);
        }

        /** A completion whose content is the JSON verdict, with 120 prompt and 30 completion tokens. */
        public static Reply verdict(double score, String reason) {
            ObjectNode verdict = JSON.createObjectNode().put("score", score).put("reason", reason);
            return content(verdict.toString());
        }

        /** A completion with this content, whatever it is, and 120 prompt and 30 completion tokens. */
        public static Reply content(String content) {
            return new Reply(200, Map.of(), request -> completion(request.model(), content, 120, 30), false);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, Map.of(), request -> body, false);
        }

        /** 429 with the given headers ({@code Retry-After}, {@code retry-after-ms}). */
        public static Reply rateLimited(Map<String, String> headers) {
            return new Reply(429, headers, request -> "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}", false);
        }

        /** This reply, held back until the test releases it (or the client gives up). */
        public Reply heldBack() {
            return new Reply(status, headers, template, true);
        }

        private static String completion(String model, String content, int promptTokens, int completionTokens) {
            ObjectNode body = JSON.createObjectNode()
                    .put("id", "chatcmpl-fake")
                    .put("object", "chat.completion")
                    .put("created", 1_700_000_000L)
                    .put("model", model);
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            body.putObject("usage")
                    .put("prompt_tokens", promptTokens)
                    .put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
            return body.toString();
        }
    }
}

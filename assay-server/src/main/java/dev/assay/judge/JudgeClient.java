package dev.assay.judge;

import dev.assay.evaluation.ModelUsage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One judge endpoint, called with care: at most {@code max-concurrency} calls in flight from this
 * instance, retries with exponential backoff and jitter on 429 / 5xx / timeouts / refused
 * connections (never shorter than {@code Retry-After}), and a circuit breaker that stops calling
 * an endpoint that keeps failing. Blocking and thread-safe: callers are virtual threads, so a
 * call that waits costs no platform thread. LangChain4j speaks the protocol with its own retries
 * turned off (docs/decisions/0005-judge-client.md).
 */
final class JudgeClient {
    private static final Logger log = LoggerFactory.getLogger(JudgeClient.class);

    private final ChatModel chat;
    private final JudgeProperties properties;
    private final Semaphore permits;
    private final CircuitBreaker circuit;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Clock clock;

    JudgeClient(ChatModel chat, JudgeProperties properties, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this.chat = chat;
        this.properties = properties;
        this.permits = new Semaphore(properties.maxConcurrency(), true);
        this.circuit = new CircuitBreaker(properties.circuitBreaker().failureThreshold(),
                properties.circuitBreaker().openDuration(), clock);
        this.backoff = new Backoff(properties.backoff(), properties.maxBackoff(), properties.jitter(), random);
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** A client of the configured endpoint, over LangChain4j's OpenAI chat model. */
    static JudgeClient create(JudgeProperties properties, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        ProviderHttpClient transport = new ProviderHttpClient(properties.timeout(), clock);
        ChatModel chat = OpenAiChatModel.builder()
                .httpClientBuilder(new ProviderHttpClient.Builder(transport))
                .baseUrl(properties.baseUrl().strip())
                .apiKey(properties.apiKey().isBlank() ? null : properties.apiKey().strip())
                .modelName(properties.model())
                .timeout(properties.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
        return new JudgeClient(chat, properties, clock, sleeper, random);
    }

    /** Asks {@code model} the conversation and waits for its answer, retrying passing failures. */
    JudgeReply ask(String model, List<ChatMessage> messages) {
        ChatRequest.Builder builder = ChatRequest.builder().messages(messages).modelName(model);
        if (properties.jsonMode()) {
            builder.responseFormat(ResponseFormat.JSON);
        }
        if (properties.temperature() != null) {
            builder.temperature(properties.temperature());
        }
        ChatRequest request = builder.build();
        for (int retry = 0;; retry++) {
            if (!circuit.tryAcquire()) {
                Instant until = circuit.openUntil().orElse(null);
                return new JudgeReply.Unavailable("The LLM judge kept failing; no call goes out until "
                        + (until == null ? "the next probe" : until.toString()) + " (circuit open)", until);
            }
            ChatResponse response;
            try {
                response = callWithPermit(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                circuit.abandon();
                return new JudgeReply.Unavailable("Interrupted while waiting for the LLM judge");
            } catch (RuntimeException e) {
                ProviderException failure = ProviderException.findIn(e);
                if (failure == null) {
                    circuit.onSuccess();
                    return new JudgeReply.Rejected("The LLM judge's answer is not a chat completion: " + e.getMessage());
                }
                JudgeReply settled = settle(failure, retry);
                if (settled != null) {
                    return settled;
                }
                Duration wait = backoff.before(retry + 1, failure.retryAfter());
                log.debug("Judge call failed ({}); retry {} of {} in {}", failure.getMessage(), retry + 1,
                        properties.maxRetries(), wait);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return new JudgeReply.Unavailable("Interrupted while waiting to retry the LLM judge");
                }
                continue;
            }
            circuit.onSuccess();
            return new JudgeReply.Answered(text(response), usage(model, response));
        }
    }

    private ChatResponse callWithPermit(ChatRequest request) throws InterruptedException {
        permits.acquire();
        try {
            return chat.chat(request);
        } finally {
            permits.release();
        }
    }

    /** The reply a failed call ends with, or null when it is worth another call. */
    private @Nullable JudgeReply settle(ProviderException failure, int retry) {
        switch (failure.kind()) {
            case INTERRUPTED -> {
                circuit.abandon();
                return new JudgeReply.Unavailable("Interrupted while waiting for the LLM judge");
            }
            case REJECTED -> {
                circuit.onSuccess();
                return new JudgeReply.Rejected("The LLM judge refused the request (" + failure.getMessage() + ")");
            }
            case RATE_LIMITED, SERVER_ERROR, TIMEOUT, UNREACHABLE -> {
                if (circuit.onFailure()) {
                    log.warn("LLM judge circuit opened after failures in a row; last: {}", failure.getMessage());
                }
            }
        }
        if (backoff.isTooLong(failure.retryAfter())) {
            Instant until = clock.instant().plus(failure.retryAfter());
            circuit.pauseUntil(until);
            log.warn("LLM judge asked for a pause of {}; no call goes out until then", failure.retryAfter());
            return new JudgeReply.Unavailable("The LLM judge asked to wait " + failure.retryAfter() + " (" + failure.getMessage() + ")",
                    until);
        }
        if (retry >= properties.maxRetries()) {
            return new JudgeReply.Unavailable("The LLM judge failed " + (retry + 1) + (retry == 0 ? " time" : " times")
                    + "; last: " + failure.getMessage());
        }
        return null;
    }

    private static String text(ChatResponse response) {
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        return text == null ? "" : text;
    }

    private static ModelUsage usage(String requestedModel, ChatResponse response) {
        TokenUsage tokens = response.tokenUsage();
        long input = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        long output = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        String answered = response.modelName();
        return new ModelUsage(answered == null || answered.isBlank() ? requestedModel : answered, 1, input, output);
    }
}

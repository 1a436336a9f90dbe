package dev.assay.judge;

import dev.langchain4j.exception.LangChain4jException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A judge call that got no usable HTTP answer, as {@link ProviderHttpClient} saw it: what kind of
 * failure, and the pause the provider asked for. The message names the HTTP status, if any.
 */
final class ProviderException extends LangChain4jException {
    private static final long serialVersionUID = 1L;

    /** What went wrong; {@link JudgeClient} decides from it whether another call may go better. */
    enum Kind {
        /** 429: too many requests or tokens. */
        RATE_LIMITED,
        /** 5xx, or 408: the provider's trouble. */
        SERVER_ERROR,
        /** No answer within the timeout. */
        TIMEOUT,
        /** No connection (refused, reset, unknown host). */
        UNREACHABLE,
        /** Any other 4xx: the request or the configuration is wrong; the same call would fail again. */
        REJECTED,
        /** The calling thread was interrupted (the server is stopping). */
        INTERRUPTED
    }

    private final Kind kind;
    private final @Nullable Duration retryAfter;

    ProviderException(Kind kind, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    /** The failure of an HTTP answer with a status other than 2xx. */
    static ProviderException ofStatus(int status, String body, @Nullable Duration retryAfter) {
        Kind kind = status == 429 ? Kind.RATE_LIMITED : status >= 500 || status == 408 ? Kind.SERVER_ERROR : Kind.REJECTED;
        return new ProviderException(kind, "HTTP " + status + ": " + abbreviate(body), retryAfter, null);
    }

    Kind kind() {
        return kind;
    }

    @Nullable
    Duration retryAfter() {
        return retryAfter;
    }

    /** The first {@link ProviderException} in a cause chain, as the chat model may wrap it. */
    static @Nullable ProviderException findIn(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderException provider) {
                return provider;
            }
            if (cause.getCause() == cause) {
                return null;
            }
        }
        return null;
    }

    private static String abbreviate(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 500 ? flat : flat.substring(0, 500) + "...";
    }
}

package dev.assay.judge;

import dev.langchain4j.exception.LangChain4jException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A judge call that got no usable HTTP answer, as {@link ProviderHttpClient} saw it: what kind of
 * failure, the HTTP status if any, and the pause the provider asked for.
 */
final class ProviderException extends LangChain4jException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, and whether another call may go better. */
    enum Kind {
        /** 429: too many requests or tokens. */
        RATE_LIMITED(true),
        /** 5xx, or 408: the provider's trouble. */
        SERVER_ERROR(true),
        /** No answer within the timeout. */
        TIMEOUT(true),
        /** No connection (refused, reset, unknown host). */
        UNREACHABLE(true),
        /** Any other 4xx: the request or the configuration is wrong; the same call would fail again. */
        REJECTED(false),
        /** The calling thread was interrupted (the server is stopping). */
        INTERRUPTED(true);

        private final boolean worthRetrying;

        Kind(boolean worthRetrying) {
            this.worthRetrying = worthRetrying;
        }

        /** Whether the same call may succeed later. */
        boolean isWorthRetrying() {
            return worthRetrying;
        }
    }

    private final Kind kind;
    private final int status;
    private final @Nullable Duration retryAfter;

    ProviderException(Kind kind, int status, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The failure of an HTTP answer with a status other than 2xx. */
    static ProviderException ofStatus(int status, String body, @Nullable Duration retryAfter) {
        Kind kind = status == 429 ? Kind.RATE_LIMITED : status >= 500 || status == 408 ? Kind.SERVER_ERROR : Kind.REJECTED;
        return new ProviderException(kind, status, "HTTP " + status + ": " + abbreviate(body), retryAfter, null);
    }

    Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    int status() {
        return status;
    }

    @Nullable Duration retryAfter() {
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

package dev.assay.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over {@code assay.http.max-body-bytes} (10 MiB by default) with 413,
 * both when {@code Content-Length} announces them and when a chunked body grows past the limit.
 *
 * <p>The 413 is sent once the client has finished sending: the rest of the body is read and
 * discarded first, so a client that reads the answer only after writing its whole request sees
 * the 413 rather than a broken pipe. Draining stops at {@link #DRAIN_FACTOR} times the limit;
 * past that the connection is closed (docs/api.md, conventions). A client that asked
 * {@code Expect: 100-continue} has sent nothing yet and gets its 413 at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimitFilter extends OncePerRequestFilter {
    static final int DRAIN_FACTOR = 4;

    private final long maxBodyBytes;
    private final JsonMapper json;

    BodySizeLimitFilter(AssayProperties properties, JsonMapper json) {
        this.maxBodyBytes = properties.http().maxBodyBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            drainUnlessWaitingForContinue(request, response);
            ErrorBodies.write(response, json, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge());
            return;
        }
        LimitedRequest limited = new LimitedRequest(request, maxBodyBytes, tooLarge());
        chain.doFilter(limited, response);
        if (limited.exceeded && !response.isCommitted()) {
            drainUnlessWaitingForContinue(request, response);
        }
    }

    private void drainUnlessWaitingForContinue(HttpServletRequest request, HttpServletResponse response) {
        String expect = request.getHeader("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            response.setHeader("Connection", "close");
            return;
        }
        long budget = maxBodyBytes * DRAIN_FACTOR;
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream body = request.getInputStream();
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                budget -= read;
                if (budget < 0) {
                    response.setHeader("Connection", "close");
                    return;
                }
            }
        } catch (IOException e) {
            // The client stopped sending; the answer goes out on whatever is left of the connection.
            response.setHeader("Connection", "close");
        }
    }

    private String tooLarge() {
        return "Request body exceeds the limit of " + maxBodyBytes + " bytes";
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private final String message;
        private volatile boolean exceeded;

        LimitedRequest(HttpServletRequest request, long limit, String message) {
            super(request);
            this.limit = limit;
            this.message = message;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream delegate = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int value = delegate.read();
                    if (value >= 0) {
                        count(1);
                    }
                    return value;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int count = delegate.read(buffer, offset, length);
                    if (count > 0) {
                        count(count);
                    }
                    return count;
                }

                private void count(int bytes) {
                    read += bytes;
                    if (read > limit) {
                        exceeded = true;
                        throw new AssayException(ErrorCode.PAYLOAD_TOO_LARGE, message);
                    }
                }

                @Override
                public boolean isFinished() {
                    return delegate.isFinished();
                }

                @Override
                public boolean isReady() {
                    return delegate.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    delegate.setReadListener(listener);
                }
            };
        }
    }
}

package dev.assay.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over {@code assay.http.max-body-bytes} (10 MiB by default) with 413,
 * both when {@code Content-Length} announces them and when a chunked body grows past the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimitFilter extends OncePerRequestFilter {
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
            ErrorBodies.write(response, json, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge());
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBodyBytes, tooLarge()), response);
    }

    private String tooLarge() {
        return "Request body exceeds the limit of " + maxBodyBytes + " bytes";
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private final String message;

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

package dev.assay.common;

import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export routes' responses (docs/api.md, "Export"). At most {@code assay.export.max-concurrent}
 * exports stream at once, since each holds a database connection for as long as its client reads;
 * one more is a 503 OVERLOADED before anything starts.
 *
 * <p>
 * Export bodies run on platform threads of their own ({@code export-N}), not on virtual threads: when
 * a client goes away, Spring interrupts the body's thread, and an interrupted virtual thread closes
 * the socket it is blocked on, which here is the pooled database connection. On a platform thread
 * the body only notices the client is gone at its next write and ends, its transaction rolled back
 * on a connection that stays usable.
 */
@Component
public final class Exports implements WebMvcConfigurer {
    static final long RETRY_AFTER_SECONDS = 5;

    private final JsonMapper json;
    private final int maxConcurrent;
    private final Semaphore running;

    Exports(JsonMapper json, AssayProperties properties) {
        this.json = json;
        this.maxConcurrent = properties.export().maxConcurrent();
        this.running = new Semaphore(maxConcurrent);
    }

    /**
     * The response of an export route: the format's content type, an attachment named {@code name}
     * with the format's extension, and a body that hands every row {@code rows} produces to a
     * writer. Filters are checked before this is called, so bad input still gets its error body. A
     * failure once the body has started ends the response unended ({@link ResponseAbortedException},
     * logged at most once: a client that went away may end the request before the failure is handed
     * back): the client sees a truncated transfer, never a short file that looks complete.
     */
    public <T extends Record> ResponseEntity<StreamingResponseBody> response(
            String name, ExportFormat format, Class<T> type, Consumer<Consumer<T>> rows) {
        if (!running.tryAcquire()) {
            throw new OverloadedException(maxConcurrent + " exports are already running; retry after " + RETRY_AFTER_SECONDS + " s",
                    RETRY_AFTER_SECONDS);
        }
        StreamingResponseBody body = stream -> {
            try {
                ExportWriter<T> writer = new ExportWriter<>(stream, format, json, type);
                rows.accept(writer::write);
                writer.finish();
            } catch (RuntimeException e) {
                throw new ResponseAbortedException(e);
            } finally {
                running.release();
            }
        };
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + format.extension() + "\"")
                .body(body);
    }

    /** Streaming bodies (the exports are the API's only ones) run on platform threads; see above. */
    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("export-");
        executor.setVirtualThreads(false);
        configurer.setTaskExecutor(executor);
    }
}

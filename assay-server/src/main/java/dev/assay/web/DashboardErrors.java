package dev.assay.web;

import dev.assay.common.AssayException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Every error under {@code /ui} becomes the dashboard's error page, inside the normal layout, with
 * a correlation id that the log repeats, never a stack trace or the API's JSON body
 * (docs/decisions/0010-dashboard-stack.md, "Errors").
 *
 * <p>As a {@link HandlerExceptionResolver} ordered before Spring MVC's own, it answers what a
 * controller or the request mapping throws: a bad filter value (400), an unknown or foreign id and
 * an unknown {@code /ui} URL (404), anything else (500). A template that fails while it renders
 * raises past the resolvers; {@link DashboardFilter} catches that and calls {@link #render}, which
 * works because pages are rendered in full before any byte is sent
 * ({@code spring.thymeleaf.servlet.produce-partial-output-while-processing: false}).
 */
@Component
class DashboardErrors implements HandlerExceptionResolver, Ordered {
    static final String VIEW = "ui/error";
    private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

    private final ITemplateEngine templates;

    DashboardErrors(ITemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public int getOrder() {
        // After Spring Boot's DefaultErrorAttributes (which only records the exception), before Spring MVC's resolvers.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception exception) {
        if (!DashboardFilter.isPage(request)) {
            return null;
        }
        ErrorPage page = describe(request, exception);
        response.setStatus(page.status());
        return new ModelAndView(VIEW, page.model(request));
    }

    /** Writes the error page for an exception raised while a page rendered; false if the response was already out. */
    boolean render(HttpServletRequest request, HttpServletResponse response, Exception exception) throws IOException {
        ErrorPage page = describe(request, exception);
        if (response.isCommitted()) {
            return false;
        }
        String html = templates.process(VIEW, new Context(Locale.ENGLISH, page.model(request)));
        response.resetBuffer();
        response.setStatus(page.status());
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(html);
        return true;
    }

    private static ErrorPage describe(HttpServletRequest request, Exception exception) {
        String correlationId = UUID.randomUUID().toString();
        if (exception instanceof AssayException assay) {
            int status = assay.code().status();
            log.debug("Dashboard page {} answered {} (correlation id {}): {}", request.getRequestURI(), status,
                    correlationId, assay.getMessage());
            return new ErrorPage(status, assay.getMessage(), correlationId);
        }
        if (exception instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            int status = spring.getStatusCode().value();
            log.debug("Dashboard page {} answered {} (correlation id {})", request.getRequestURI(), status, correlationId);
            String message = status == 404
                    ? "There is no page at this address."
                    : "The request could not be processed: " + spring.getBody().getDetail();
            return new ErrorPage(status, message, correlationId);
        }
        log.error("Dashboard page {} failed (correlation id {})", request.getRequestURI(), correlationId, exception);
        return new ErrorPage(500, "Something went wrong on the server. The log has the details under the correlation id"
                + " below.", correlationId);
    }

    private record ErrorPage(int status, String message, String correlationId) {
        Map<String, Object> model(HttpServletRequest request) {
            return Map.of(
                    "csrf", DashboardSession.csrfToken(request),
                    "status", status,
                    "title", status == 404 ? "Not found" : status >= 500 ? "Server error" : "Cannot show this page",
                    "message", message,
                    "correlationId", correlationId);
        }
    }
}

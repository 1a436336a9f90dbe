package dev.assay.web;

import dev.assay.common.AssayException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every dashboard page shares: the CSRF token its forms carry, and errors rendered as a page
 * with the message (never a stack trace). Another organization's ids end here as a 404 page.
 */
@ControllerAdvice(basePackageClasses = DashboardAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardAdvice {
    private static final Logger log = LoggerFactory.getLogger(DashboardAdvice.class);

    @ModelAttribute("csrf")
    String csrf(HttpServletRequest request) {
        return DashboardSession.csrfToken(request);
    }

    @ExceptionHandler(AssayException.class)
    String assayException(AssayException exception, HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = exception.code().status();
        return errorPage(status, exception.getMessage(), request, response, model);
    }

    @ExceptionHandler(Exception.class)
    String otherException(Exception exception, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (exception instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            return errorPage(spring.getStatusCode().value(), "The request could not be processed: " + spring.getBody().getDetail(),
                    request, response, model);
        }
        log.error("Dashboard page {} failed", request.getRequestURI(), exception);
        return errorPage(500, "Something went wrong on the server; the log has the details.", request, response, model);
    }

    private static String errorPage(int status, String message, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        response.setStatus(status);
        model.addAttribute("csrf", DashboardSession.csrfToken(request));
        model.addAttribute("status", status);
        model.addAttribute("title", status == 404 ? "Not found" : status >= 500 ? "Server error" : "Cannot show this page");
        model.addAttribute("message", message);
        return "ui/error";
    }
}

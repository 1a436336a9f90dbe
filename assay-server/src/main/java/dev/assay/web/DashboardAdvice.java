package dev.assay.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every dashboard page shares: the CSRF token its forms carry. Errors are {@link DashboardErrors}'. */
@ControllerAdvice(basePackageClasses = DashboardAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardAdvice {

    @ModelAttribute("csrf")
    String csrf(HttpServletRequest request) {
        return DashboardSession.csrfToken(request);
    }
}

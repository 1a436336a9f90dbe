package dev.assay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.TestPropertySource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Errors under {@code /ui} are the dashboard's error page in the normal layout with a correlation
 * id: a template failing midway, an unknown URL, a bad filter value.
 * Never a half-sent page, a stack trace or the API's JSON body.
 */
@Import(DashboardErrorsIT.BrokenPageConfiguration.class)
@TestPropertySource(properties = {
        // A context of its own needs a data directory of its own.
        "assay.data-dir=target/it-data-dashboard-errors"
})
class DashboardErrorsIT extends ApiIntegrationTest {

    @Test
    void aTemplateFailingWhileItRenders_isTheErrorPage_withNothingOfThePageSent() {
        HttpResponse<String> response = get("/ui/test/broken");

        assertThat(response.statusCode()).isEqualTo(500);
        assertErrorPage(response, "Server error");
        assertThat(response.body()).doesNotContain("Rendered before the failure", "template exploded",
                "IllegalStateException", "at dev.assay", "\"code\"");
    }

    @Test
    void anUnknownDashboardUrl_isA404Page() {
        HttpResponse<String> response = get("/ui/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertErrorPage(response, "Not found");
        assertThat(response.body()).contains("There is no page at this address.");
    }

    @Test
    void aBadFilterValue_isA400Page() {
        HttpResponse<String> response = get("/ui/sessions?from=yesterday");

        assertThat(response.statusCode()).isEqualTo(400);
        assertErrorPage(response, "Cannot show this page");
        assertThat(response.body()).contains("must be a date such as 2026-01-31");
    }

    private HttpResponse<String> get(String path) {
        return DashboardHttp.get(baseUrl(), path, DashboardHttp.signIn(baseUrl(), tenant.apiKey()));
    }

    private static void assertErrorPage(HttpResponse<String> response, String title) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("<title>" + title + " · Assay</title>",
                "id=\"sign-out\"", "</html>");
        assertThat(response.body()).containsPattern("Correlation id: <code>[0-9a-f-]{36}</code>");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class BrokenPageConfiguration {
        @Bean
        BrokenPageController brokenPageController() {
            return new BrokenPageController();
        }
    }

    /** A page whose template fails after its layout has been written out. */
    @Controller
    static class BrokenPageController {
        @GetMapping("/ui/test/broken")
        String broken(Model model) {
            Supplier<String> broken = () -> {
                throw new IllegalStateException("template exploded");
            };
            model.addAttribute("broken", new Broken(broken));
            return "ui/test-broken";
        }
    }

    record Broken(Supplier<String> supplier) {
        public String value() {
            return supplier.get();
        }
    }
}

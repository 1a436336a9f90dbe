package dev.assay.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.ApiKeyResponse;
import dev.assay.testing.ApiIntegrationTest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's paths beside the API's, over raw HTTP: what needs a session, what a session
 * cookie can and cannot do, and that the API answers as before.
 */
class DashboardSessionIT extends ApiIntegrationTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");

    @Test
    void root_redirectsABrowserToTheDashboard() {
        HttpResponse<String> response = DashboardHttp.get(baseUrl(), "/", "none");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/ui"));
    }

    @Test
    void pages_withoutASession_redirectToSignIn_andAssetsNeedNone() {
        assertThat(DashboardHttp.get(baseUrl(), "/ui/sessions", "none").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/ui/sign-in"));
        assertThat(DashboardHttp.get(baseUrl(), "/ui/assets/app.css", "none").statusCode()).isEqualTo(200);
        assertThat(DashboardHttp.get(baseUrl(), "/ui/webjars/echarts/echarts.min.js", "none").statusCode()).isEqualTo(200);
    }

    @Test
    void signIn_setsAnHttpOnlyStrictCookie_andPagesCarrySecurityHeaders() {
        HttpResponse<String> signIn = signInResponse(tenant.apiKey());

        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict");
        assertThat(signIn.statusCode()).isEqualTo(302);
        HttpResponse<String> page = DashboardHttp.get(baseUrl(), "/ui", sessionId(signIn));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).doesNotContain(tenant.apiKey());
    }

    @Test
    void aDashboardSession_neverAuthenticatesTheApi() {
        String session = sessionId(signInResponse(tenant.apiKey()));

        HttpResponse<String> api = DashboardHttp.get(baseUrl(), "/products", session);

        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("\"code\":\"UNAUTHORIZED\"");
    }

    @Test
    void theApi_answersAsBefore_withAndWithoutAKey() {
        assertThat(raw("GET", "/products", null, null).statusCode()).isEqualTo(401);
        assertThat(raw("GET", "/products", null, tenant.apiKey()).statusCode()).isEqualTo(200);
        assertThat(raw("GET", "/no-such-route", null, tenant.apiKey()).statusCode()).isEqualTo(404);
        assertThat(raw("GET", "/no-such-route", null, tenant.apiKey()).body()).contains("\"code\"");
    }

    @Test
    void revokingTheKey_endsItsDashboardSessions() {
        ApiKeyResponse key = client.apiKeys().create("dashboard-user");
        String session = sessionId(signInResponse(key.key()));
        assertThat(DashboardHttp.get(baseUrl(), "/ui", session).statusCode()).isEqualTo(200);

        client.apiKeys().delete(key.id());

        assertThat(DashboardHttp.get(baseUrl(), "/ui", session).statusCode()).isEqualTo(302);
    }

    @Test
    void signIn_withoutTheFormsCsrfToken_isRefused() {
        HttpResponse<String> page = DashboardHttp.get(baseUrl(), "/ui/sign-in", "none");
        String session = sessionId(page);

        HttpResponse<String> forged = DashboardHttp.postForm(baseUrl(), "/ui/sign-in", session, "apiKey=" + tenant.apiKey());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Set-Cookie")).isEmpty();
    }

    private HttpResponse<String> signInResponse(String apiKey) {
        HttpResponse<String> page = DashboardHttp.get(baseUrl(), "/ui/sign-in", "none");
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        return DashboardHttp.postForm(baseUrl(), "/ui/sign-in", sessionId(page), "_csrf=" + csrf.group(1) + "&apiKey=" + apiKey);
    }

    private static String sessionId(HttpResponse<String> response) {
        Optional<String> cookie = response.headers().firstValue("Set-Cookie");
        assertThat(cookie).isPresent();
        Matcher matcher = SESSION_COOKIE.matcher(cookie.get());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}

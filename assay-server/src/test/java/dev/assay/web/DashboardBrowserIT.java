package dev.assay.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.CreateMetricRequest;
import dev.assay.api.CreateProductRequest;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateTraceRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.MetricResponse;
import dev.assay.api.ProductResponse;
import dev.assay.api.SessionResponse;
import dev.assay.api.TraceResponse;
import dev.assay.api.VersionResponse;
import dev.assay.client.AssayClient;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in a real browser against the real server: sign in, read a conversation, filter
 * evaluations, compare versions, annotate, sign out, and another organization's pages answer 404.
 * Screenshots of the main pages land in {@code target/screenshots}.
 */
class DashboardBrowserIT extends ApiIntegrationTest {
    private Browser browser;
    private Data data;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(baseUrl());
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void signedOutWithData() {
        browser.forgetSession();
        data = Data.create(client, "support-bot");
    }

    @Test
    void signIn_withTheOrganizationsKey_showsItsProductsWithMeanScores_andNeverTheKey() {
        browser.signIn(tenant.apiKey());

        assertThat(browser.path()).isEqualTo("/ui");
        assertThat(browser.text()).contains(data.product.name(), "v1-base", "v2-candidate", data.quality.name());
        assertThat(browser.findAll(".chip")).extracting(WebElement::getText)
                .containsExactlyInAnyOrder(data.quality.name() + " 0.850", data.quality.name() + " 0.400");
        assertThat(browser.pageSource()).doesNotContain(tenant.apiKey());
        Cookie cookie = browser.sessionCookie();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        browser.screenshot("products");
    }

    @Test
    void signIn_withAnUnknownKey_staysOnTheSignInPageWithAnError() {
        browser.signIn("gsk_not-a-key-of-anyone-0001");

        assertThat(browser.path()).startsWith("/ui/sign-in");
        assertThat(browser.find(".error").getText()).contains("unknown or revoked");
        browser.open("/ui/sessions");
        assertThat(browser.path()).isEqualTo("/ui/sign-in");
    }

    @Test
    void signOut_endsTheSession_andPagesAskToSignInAgain() {
        browser.signIn(tenant.apiKey());
        Cookie before = browser.sessionCookie();

        browser.find("#sign-out").click();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().equals("/ui/sign-in"));
        browser.open("/ui/sessions/" + data.baseSession.id());
        assertThat(browser.path()).isEqualTo("/ui/sign-in");
        assertThat(DashboardHttp.get(baseUrl(), "/ui", before.getValue()).statusCode()).isEqualTo(302);
    }

    @Test
    void sessions_filterByVersion_listsOnlyThatVersionsSessions() {
        browser.signIn(tenant.apiKey());
        browser.open("/ui/sessions");
        assertThat(browser.findAll("#sessions-table tbody tr")).hasSize(2);

        new Select(browser.find("#filter-version")).selectByVisibleText(data.product.name() + " / v2-candidate");
        browser.find("#session-filters button[type=submit]").click();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().contains("versionId="));
        List<WebElement> rows = browser.findAll("#sessions-table tbody tr");
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().getText()).contains(data.candidateSession.id());
        browser.screenshot("sessions");
    }

    @Test
    void conversation_showsTurnsInOrderWithOutputsContextEvaluationsAndTheSpanTree() {
        browser.signIn(tenant.apiKey());
        browser.open("/ui/sessions");
        browser.find("a[href='/ui/sessions/" + data.baseSession.id() + "']").click();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().equals("/ui/sessions/" + data.baseSession.id()));
        List<WebElement> turns = browser.findAll("article.turn");
        assertThat(turns).hasSize(2);
        assertThat(turns.get(0).getText()).contains("What is the refund policy?", "Refunds are accepted within 30 days.",
                "120.00 ms", data.quality.name(), "SUCCESS", "0.900");
        assertThat(turns.get(1).getText()).contains("And for sale items?", "0.800");
        assertThat(browser.pageSource()).contains("Policy: 30 days");
        List<WebElement> spans = turns.get(0).findElements(By.cssSelector("li.span"));
        assertThat(spans).extracting(span -> span.findElement(By.cssSelector(".span-name")).getText())
                .containsExactly("answer_question", "search_policies");
        assertThat(spans).extracting(span -> span.getAttribute("class")).containsExactly("span depth-0", "span depth-1");
        assertThat(turns.get(1).findElements(By.cssSelector("li.span"))).isEmpty();
        browser.screenshot("conversation");
    }

    @Test
    void evaluations_filterByMetricAndScoreRange_narrowsTheTableAndTheHistogram() {
        browser.signIn(tenant.apiKey());
        browser.open("/ui/evaluations");
        browser.awaitCharts();
        assertThat(browser.find("#histogram-total").getText()).startsWith("3 scored");

        new Select(browser.find("#filter-metric")).selectByVisibleText(data.quality.name());
        browser.find("#filter-min-score").sendKeys("0.85");
        browser.find("#apply-filters").click();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().contains("minScore=0.85"));
        browser.awaitCharts();
        List<WebElement> rows = browser.findAll("#evaluations-table tbody tr");
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().getText()).contains("0.900", data.quality.name());
        assertThat(browser.find("#histogram-total").getText()).startsWith("1 scored");
        browser.screenshot("evaluations");
    }

    @Test
    void evaluations_withAScoreThatIsNotANumber_showsTheErrorInThePage() {
        browser.signIn(tenant.apiKey());
        browser.open("/ui/evaluations?minScore=high");

        assertThat(browser.title()).startsWith("Cannot show this page");
        assertThat(browser.find(".error").getText()).contains("minScore", "must be a number");
        assertThat(browser.pageSource()).doesNotContain("Exception", "at dev.assay");
    }

    @Test
    void compare_showsBothVersionsStatistics_andLinksTheWorstRegressedItemToItsConversation() {
        browser.signIn(tenant.apiKey());
        browser.open("/ui/compare");

        new Select(browser.find("#compare-base")).selectByVisibleText(data.product.name() + " / v1-base");
        new Select(browser.find("#compare-candidate")).selectByVisibleText(data.product.name() + " / v2-candidate");
        browser.find("#compare-submit").click();
        browser.awaitComputed();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().contains("candidate="));
        browser.awaitCharts();
        WebElement row = browser.find("#comparison-table tbody tr");
        // One test case in both versions: too few pairs for a test, so no delta and no verdict.
        assertThat(row.getText()).contains(data.quality.name(), "0.850", "0.400", "PAIRED", "INSUFFICIENT_DATA");
        assertThat(browser.find("#items-table tbody tr").getText()).contains("0.850", "0.400", "-0.450");
        browser.screenshot("compare");

        browser.find("#items-table a.candidate-conversation").click();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().equals("/ui/sessions/" + data.candidateSession.id()));
        assertThat(browser.text()).contains("Is this price right?");
    }

    @Test
    void trends_drawTheScoreLatencyAndCostChartsPerVersion() {
        browser.signIn(tenant.apiKey());
        browser.open("/ui/trends");

        browser.awaitCharts();
        for (String chart : List.of("#score-chart", "#latency-chart", "#cost-chart")) {
            assertThat(browser.find(chart).findElements(By.tagName("svg"))).as(chart).isNotEmpty();
            assertThat(browser.find(chart).getAttribute("data-chart")).as(chart).contains("v1-base", "v2-candidate");
        }
        assertThat(browser.find("#trend-metric").getText()).contains(data.quality.name());
        browser.screenshot("trends");
    }

    @Test
    void annotate_claimTheNextAndSubmit_scoresTheEvaluation() {
        browser.signIn(tenant.apiKey());
        browser.open("/ui/annotations");
        browser.screenshot("annotation-queue");

        browser.find("#claim-next").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().equals("/ui/annotations/" + data.human.id()));
        assertThat(browser.text()).contains("Is this price right?", "It costs 10 euros.");
        browser.find("#score").sendKeys("0.25");
        browser.find("#reason").sendKeys("wrong currency");
        browser.find("#submit-score").click();

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().equals("/ui/annotations"));
        assertThat(browser.find("#notice").getText()).contains("Saved");
        EvaluationResponse scored = client.evaluations().get(data.human.id());
        assertThat(scored.status()).isEqualTo("SUCCESS");
        assertThat(scored.humanScore()).isEqualTo(0.25);
        assertThat(scored.humanReason()).isEqualTo("wrong currency");
    }

    @Test
    void annotate_aScoreOutOfRange_isRefusedInThePage_andNothingChanges() {
        browser.signIn(tenant.apiKey());
        browser.open("/ui/annotations");
        browser.find("#claim-next").click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.path().equals("/ui/annotations/" + data.human.id()));
        String cookie = browser.sessionCookie().getValue();
        String csrf = browser.find("input[name=_csrf]").getAttribute("value");

        var response = DashboardHttp.postForm(baseUrl(), "/ui/annotations/" + data.human.id(), cookie,
                "_csrf=" + csrf + "&score=7&reason=x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("must be within [0, 1]");
        assertThat(client.evaluations().get(data.human.id()).status()).isEqualTo("PENDING_HUMAN");
    }

    @Test
    void anotherOrganizationsPages_answer404_andShowNothingOfIt() {
        Tenant other = newTenant();
        Data theirs = Data.create(other.client(), "their-secret-bot");
        browser.signIn(tenant.apiKey());
        String cookie = browser.sessionCookie().getValue();

        for (String path : List.of("/ui/sessions/" + theirs.baseSession.id(), "/ui/annotations/" + theirs.human.id(),
                "/ui/compare?base=" + theirs.base.id() + "&candidate=" + theirs.candidate.id())) {
            var response = DashboardHttp.get(baseUrl(), path, cookie);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain(theirs.product.name(), "What is the refund policy?");
        }
        browser.open("/ui/sessions/" + theirs.baseSession.id());
        assertThat(browser.title()).startsWith("Not found");
        browser.open("/ui/sessions");
        assertThat(browser.text()).doesNotContain(theirs.baseSession.id(), theirs.product.name());
    }

    @Test
    void formsWithoutTheSessionsCsrfToken_areRefused() {
        browser.signIn(tenant.apiKey());
        String cookie = browser.sessionCookie().getValue();

        var withoutToken = DashboardHttp.postForm(baseUrl(), "/ui/annotations/claim", cookie, "");
        var wrongToken = DashboardHttp.postForm(baseUrl(), "/ui/sign-out", cookie, "_csrf=forged");

        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(DashboardHttp.get(baseUrl(), "/ui", cookie).statusCode()).isEqualTo(200);
    }

    /** Two versions of one product, scored turns in each and one evaluation waiting for a human. */
    record Data(ProductResponse product, VersionResponse base, VersionResponse candidate, MetricResponse quality,
            SessionResponse baseSession, SessionResponse candidateSession, EvaluationResponse human) {

        static Data create(AssayClient client, String productName) {
            ProductResponse product = client.products().create(CreateProductRequest.named(productName));
            VersionResponse base = client.versions().create(CreateVersionRequest.named(product.id(), "v1-base"));
            VersionResponse candidate = client.versions().create(CreateVersionRequest.named(product.id(), "v2-candidate"));
            MetricResponse quality = client.metrics().create(CreateMetricRequest.selfHosted("answer-quality"));
            String testCaseId = Fixtures.aTestCase(client, Fixtures.aTest(client, product.id()).id()).id();
            SessionResponse baseSession = client.sessions().create(session(base.id(), "conversation-base", testCaseId));
            InferenceResultResponse first = turn(client, baseSession.id(), "What is the refund policy?",
                    "Refunds are accepted within 30 days.", "Policy: 30 days");
            InferenceResultResponse second = turn(client, baseSession.id(), "And for sale items?", "Also 30 days.", null);
            TraceResponse agent = client.traces().create(CreateTraceRequest.of(first.id(), "answer_question", "AGENT"));
            client.traces().create(new CreateTraceRequest(null, first.id(), "search_policies", "RETRIEVER", null,
                    Map.of("query", "refund"), "Policy: 30 days", null, 42.0, null, agent.id(), null, null));
            score(client, first, quality, 0.9);
            score(client, second, quality, 0.8);
            SessionResponse candidateSession = client.sessions().create(session(candidate.id(), "conversation-candidate", testCaseId));
            InferenceResultResponse third = turn(client, candidateSession.id(), "Is this price right?", "It costs 10 euros.", null);
            score(client, third, quality, 0.4);
            EvaluationResponse human = client.evaluations().createFromInferenceResult(third.id(),
                    List.of(EvaluationMetric.withId(client.metrics().create(CreateMetricRequest.humanEvaluation("human-review")).id())),
                    null).getFirst();
            await().atMost(Duration.ofSeconds(20)).until(() -> client.evaluations().get(human.id()).status().equals("PENDING_HUMAN"));
            return new Data(product, base, candidate, quality, baseSession, candidateSession, human);
        }

        private static CreateSessionRequest session(String versionId, String customId, String testCaseId) {
            return new CreateSessionRequest(versionId, null, customId, testCaseId, null, null, null, null);
        }

        private static InferenceResultResponse turn(AssayClient client, String sessionId, String input, String output,
                @Nullable String context) {
            return client.inferenceResults().create(CreateInferenceResultRequest.forSession(sessionId)
                    .input(input).actualOutput(output).retrievalContext(context).latency(120.0)
                    .inputTokens(100L).outputTokens(20L).build());
        }

        private static void score(AssayClient client, InferenceResultResponse turn, MetricResponse metric, double score) {
            EvaluationResponse evaluation = client.evaluations().createFromInferenceResult(turn.id(),
                    List.of(EvaluationMetric.scored(metric.name(), score)), null).getFirst();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> client.evaluations().get(evaluation.id()).status().equals("SUCCESS"));
        }
    }
}

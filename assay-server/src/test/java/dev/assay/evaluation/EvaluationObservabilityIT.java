package dev.assay.evaluation;

import static dev.assay.testing.EvaluationFixtures.aSelfHostedMetric;
import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.api.CreateMetricRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.InferenceResultResponse;
import dev.assay.api.MetricResponse;
import dev.assay.client.AssayClient;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The evaluation queue in Prometheus: depth, completions by metric and state, time to a final state. */
class EvaluationObservabilityIT extends EvaluationApiTest {

    @Test
    void prometheus_exposesTheQueueDepth() {
        String metrics = scrape();

        assertThat(metrics).containsPattern("(?m)^# TYPE assay_evaluations_queue_depth gauge$");
        assertThat(metrics).containsPattern("(?m)^assay_evaluations_queue_depth [0-9.eE+]+$");
    }

    @Test
    void prometheus_afterWorkerCompletions_countsThemByMetricAndStatus() {
        String successSeries = "assay_evaluations_completed_total{metric=\"URL Validation\",status=\"SUCCESS\"}";
        String skippedSeries = "assay_evaluations_completed_total{metric=\"BLEU\",status=\"SKIPPED\"}";
        String timerSeries = "assay_evaluations_time_to_final_seconds_count{status=\"SUCCESS\"}";
        String before = scrape();
        InferenceResultResponse turn = aTurn();

        evaluate(turn.id(), EvaluationMetric.named("URL Validation"), EvaluationMetric.named("BLEU"))
                .forEach(evaluation -> awaitFinal(evaluation.id()));

        String after = scrape();
        assertThat(after).contains(successSeries, skippedSeries, timerSeries);
        assertThat(value(after, successSeries)).isGreaterThanOrEqualTo(value(before, successSeries) + 1);
        assertThat(value(after, skippedSeries)).isGreaterThanOrEqualTo(value(before, skippedSeries) + 1);
        assertThat(value(after, timerSeries)).isGreaterThanOrEqualTo(value(before, timerSeries) + 1);
        assertThat(after).contains("assay_evaluations_time_to_final_seconds_sum{status=\"SUCCESS\"}");
    }

    @Test
    void prometheus_afterAPrecomputedScore_countsItAsASuccessOfAnOrganizationMetric() {
        String series = "assay_evaluations_completed_total{metric=\"custom:SELF_HOSTED\",status=\"SUCCESS\"}";
        double before = value(scrape(), series);

        evaluateOne(aTurn().id(), EvaluationMetric.scored(aSelfHostedMetric(client).name(), 0.5));

        assertThat(value(scrape(), series)).isGreaterThanOrEqualTo(before + 1);
    }

    @Test
    void prometheus_afterAHumanScore_countsItAsASuccessWithItsTimeToFinal() {
        String series = "assay_evaluations_completed_total{metric=\"custom:HUMAN_EVALUATION\",status=\"SUCCESS\"}";
        String timer = "assay_evaluations_time_to_final_seconds_count{status=\"SUCCESS\"}";
        String before = scrape();
        EvaluationResponse pending = evaluateOne(aTurn().id(),
                EvaluationMetric.withId(client.metrics().create(CreateMetricRequest.humanEvaluation("tone")).id()));
        AssayClient annotator = bob();
        annotator.evaluations().claim(pending.id());

        annotator.evaluations().submitHumanScore(pending.id(), 0.5, "fine");

        String after = scrape();
        assertThat(value(after, series)).isGreaterThanOrEqualTo(value(before, series) + 1);
        assertThat(value(after, timer)).isGreaterThanOrEqualTo(value(before, timer) + 1);
    }

    @Test
    void prometheus_isPublic_soItNeverNamesAnOrganizationsOwnMetrics() {
        MetricResponse secret = client.metrics().create(CreateMetricRequest.selfHosted("acme-secret-" + UUID.randomUUID()));
        MetricResponse unscored = client.metrics().create(CreateMetricRequest.selfHosted("acme-unscored-" + UUID.randomUUID()));
        MetricResponse human = client.metrics().create(CreateMetricRequest.humanEvaluation("acme-human-" + UUID.randomUUID()));
        InferenceResultResponse turn = aTurn();
        EvaluationResponse pending = evaluate(turn.id(), EvaluationMetric.scored(secret.name(), 0.5),
                EvaluationMetric.withId(unscored.id()), EvaluationMetric.withId(human.id())).get(2);
        AssayClient annotator = bob();
        annotator.evaluations().claim(pending.id());
        annotator.evaluations().submitHumanScore(pending.id(), 1, "fine");

        String scrape = scrape();

        assertThat(scrape).doesNotContain(secret.name(), unscored.name(), human.name(), "acme-");
    }

    private AssayClient bob() {
        return clientFor(client.apiKeys().create("bob").key());
    }

    private String scrape() {
        HttpResponse<String> response = raw("GET", "/actuator/prometheus", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of one series (name with its labels as Prometheus writes them), 0 when absent. */
    private static double value(String scrape, String series) {
        Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}

package dev.assay.analysis;

import static dev.assay.testing.ApiErrors.apiError;
import static dev.assay.testing.ApiErrors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.api.AgreementResponse;
import dev.assay.api.ConfusionMatrixResponse;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.DisagreementResponse;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.MetricAgreementResponse;
import dev.assay.api.MetricResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.EvaluationFixtures;
import dev.assay.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code GET /agreement} and {@code /agreement/items} through the SDK, over machine evaluations reviewed by people. */
class AgreementIT extends ApiIntegrationTest {
    private String versionId;
    private MetricResponse judge;

    @BeforeEach
    void metric() {
        versionId = Fixtures.aVersion(client).id();
        judge = EvaluationFixtures.aSelfHostedMetric(client);
    }

    @Nested
    class Measure {
        @Test
        void measure_matchesScipyAndScikitLearn() {
            reviewAll(judge, ReferenceSamples.JUDGE_MACHINE, ReferenceSamples.JUDGE_HUMAN);

            AgreementResponse agreement = client.agreement().measure(ListOptions.none());

            assertThat(agreement.passThreshold()).isEqualTo(0.5);
            assertThat(agreement.metrics()).hasSize(1);
            MetricAgreementResponse result = agreement.metrics().getFirst();
            assertThat(result.metricId()).isEqualTo(judge.id());
            assertThat(result.metricName()).isEqualTo(judge.name());
            assertThat(result.n()).isEqualTo(12);
            // src/test/python/analysis_reference_values.py: SciPy 1.10.1 pearsonr, spearmanr;
            // scikit-learn 1.2.1 cohen_kappa_score(machine >= 0.5, human >= 0.5); numpy mean |machine - human|.
            assertThat(result.pearson()).isCloseTo(0.8851886336806705, within(1e-12));
            assertThat(result.spearman()).isCloseTo(0.8807071758072423, within(1e-12));
            assertThat(result.cohenKappa()).isCloseTo(0.47058823529411764, within(1e-12));
            assertThat(result.meanAbsoluteError()).isCloseTo(0.11666666666666665, within(1e-12));
            assertThat(result.confusionMatrix()).isEqualTo(new ConfusionMatrixResponse(6, 1, 2, 3));
        }

        @Test
        void measure_countsOnlyReviewedMachineEvaluations() {
            reviewAll(judge, new double[]{0.9, 0.1}, new double[]{0.8, 0.3});
            machineScore(judge, 0.5);
            MetricResponse human = EvaluationFixtures.aHumanMetric(client);
            EvaluationResponse annotated = client.evaluations()
                    .createFromSession(session(), List.of(EvaluationMetric.withId(human.id())), null).getFirst();
            client.evaluations().claim(annotated.id());
            client.evaluations().submitHumanScore(annotated.id(), 0.7, null);

            List<MetricAgreementResponse> metrics = client.agreement().measure(ListOptions.none()).metrics();

            assertThat(metrics).extracting(MetricAgreementResponse::metricId).containsExactly(judge.id());
            assertThat(metrics.getFirst().n()).isEqualTo(2);
        }

        @Test
        void measure_requestedMetricWithoutReviews_hasNoStatistics() {
            MetricAgreementResponse result = client.agreement()
                    .measure(ListOptions.none().filter("metricIds", judge.id())).metrics().getFirst();

            assertThat(result.n()).isZero();
            assertThat(result.cohenKappa()).isNull();
            assertThat(result.pearson()).isNull();
            assertThat(result.spearman()).isNull();
            assertThat(result.meanAbsoluteError()).isNull();
            assertThat(result.confusionMatrix()).isEqualTo(new ConfusionMatrixResponse(0, 0, 0, 0));
        }

        @Test
        void measure_onePair_hasOnlyTheError() {
            reviewAll(judge, new double[]{0.9}, new double[]{0.6});

            MetricAgreementResponse result = client.agreement().measure(ListOptions.none()).metrics().getFirst();

            assertThat(result.n()).isEqualTo(1);
            assertThat(result.meanAbsoluteError()).isCloseTo(0.3, within(1e-12));
            assertThat(result.pearson()).isNull();
            assertThat(result.spearman()).isNull();
            assertThat(result.cohenKappa()).isNull();
        }

        @Test
        void measure_constantMachineScores_haveNoCorrelation() {
            reviewAll(judge, new double[]{1, 1, 1}, new double[]{1, 0, 0.5});

            MetricAgreementResponse result = client.agreement().measure(ListOptions.none()).metrics().getFirst();

            assertThat(result.pearson()).isNull();
            assertThat(result.spearman()).isNull();
            assertThat(result.cohenKappa()).isCloseTo(0.0, within(1e-15));
        }

        @Test
        void measure_versionIdsFilter_keepsThatVersionsEvaluations() {
            reviewAll(judge, new double[]{0.9, 0.1}, new double[]{0.8, 0.3});
            String other = Fixtures.aVersion(client).id();

            assertThat(client.agreement().measure(ListOptions.none().filter("versionIds", other)).metrics()).isEmpty();
            assertThat(client.agreement().measure(ListOptions.none().filter("versionIds", versionId)).metrics().getFirst().n())
                    .isEqualTo(2);
        }

        @Test
        void measure_anotherOrganizationsVersion_isNotFound() {
            String foreign = Fixtures.aVersion(newTenant().client()).id();

            AssayApiException error = apiError(() -> client.agreement().measure(ListOptions.none().filter("versionIds", foreign)),
                    ErrorCode.VERSION_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(error.code()).isEqualTo("VERSION_NOT_FOUND");
            assertThat(apiError(() -> client.agreement().disagreements(ListOptions.none().filter("versionIds", foreign)),
                    ErrorCode.VERSION_NOT_FOUND).status())
                    .isEqualTo(404);
        }

        @Test
        void measure_anotherOrganizationsMetric_isNotFound() {
            MetricResponse foreign = EvaluationFixtures.aSelfHostedMetric(newTenant().client());

            AssayApiException error = apiError(() -> client.agreement().measure(ListOptions.none().filter("metricIds", foreign.id())),
                    ErrorCode.METRIC_NOT_FOUND);

            assertThat(error.status()).isEqualTo(404);
            assertThat(error.code()).isEqualTo("METRIC_NOT_FOUND");
        }

        @Test
        void measure_anotherOrganizationsReviews_areInvisible() {
            Tenant other = newTenant();
            MetricResponse foreignJudge = EvaluationFixtures.aSelfHostedMetric(other.client());
            String foreignSession = other.client().sessions()
                    .create(CreateSessionRequest.forVersion(Fixtures.aVersion(other.client()).id())).id();
            EvaluationFixtures.aTurn(other.client(), foreignSession);
            EvaluationResponse foreign = other.client().evaluations()
                    .createFromSession(foreignSession, List.of(EvaluationMetric.scored(foreignJudge.name(), 0.9)), null).getFirst();
            other.client().evaluations().submitHumanScore(foreign.id(), 0.1, null);

            assertThat(client.agreement().measure(ListOptions.none()).metrics()).isEmpty();
            assertThat(client.agreement().disagreements(ListOptions.none())).isEmpty();
        }

        @Test
        void measure_badDate_isBadRequest() {
            assertErrorBody(raw("GET", "/agreement?toCreatedAt=soon", null, tenant.apiKey()), ErrorCode.INVALID_REQUEST, "Bad Request");
        }
    }

    @Nested
    class Disagreements {
        @Test
        void disagreements_listDifferingScoresLargestFirstWithBothReasons() {
            List<String> ids = reviewAll(judge, ReferenceSamples.JUDGE_MACHINE, ReferenceSamples.JUDGE_HUMAN);

            List<DisagreementResponse> items = client.agreement().disagreements(ListOptions.none());

            // Of the 12 reviews one agrees exactly (0.3 and 0.3).
            assertThat(items).hasSize(11);
            assertThat(items).extracting(DisagreementResponse::absoluteError).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            DisagreementResponse largest = items.getFirst();
            assertThat(largest.evaluationId()).isEqualTo(ids.get(11));
            assertThat(largest.machineScore()).isEqualTo(0.65);
            assertThat(largest.humanScore()).isEqualTo(0.9);
            assertThat(largest.absoluteError()).isCloseTo(0.25, within(1e-12));
            assertThat(largest.passFailDiffers()).isFalse();
            assertThat(largest.humanReason()).isEqualTo("review 11");
            assertThat(largest.metricId()).isEqualTo(judge.id());
            assertThat(items).filteredOn(DisagreementResponse::passFailDiffers).hasSize(3);
        }

        @Test
        void disagreements_pageWithLimitAndOffset() {
            reviewAll(judge, new double[]{0.5, 0.5, 0.5}, new double[]{0.9, 0.8, 0.7});

            List<DisagreementResponse> page = client.agreement().disagreements(ListOptions.none().limit(1).offset(1));

            assertThat(page).extracting(DisagreementResponse::humanScore).containsExactly(0.8);
        }
    }

    /** POST /evaluations/{id}/humanScore on a machine-scored evaluation: the review agreement reads. */
    @Nested
    class Review {
        @Test
        void humanScore_onAMachineScoredEvaluation_keepsTheMachineScore() {
            EvaluationResponse scored = machineScore(judge, 0.9);

            EvaluationResponse reviewed = client.evaluations().submitHumanScore(scored.id(), 0.2, "wrong answer");

            assertThat(reviewed.status()).isEqualTo("SUCCESS");
            assertThat(reviewed.score()).isEqualTo(0.9);
            assertThat(reviewed.reason()).isEqualTo(scored.reason());
            assertThat(reviewed.humanScore()).isEqualTo(0.2);
            assertThat(reviewed.humanReason()).isEqualTo("wrong answer");
            assertThat(reviewed.humanEvaluatorId()).isNotNull();
            assertThat(reviewed.humanEvaluatorFinishedAt()).isNotNull();
        }

        @Test
        void humanScore_twiceOnAMachineScoredEvaluation_isBadRequestAndKeepsTheFirst() {
            EvaluationResponse scored = machineScore(judge, 0.9);
            EvaluationResponse reviewed = client.evaluations().submitHumanScore(scored.id(), 0.2, "first");

            AssayApiException error = apiError(() -> client.evaluations().submitHumanScore(scored.id(), 0.8, "second"),
                    ErrorCode.INVALID_REQUEST);

            assertThat(error.status()).isEqualTo(400);
            assertThat(error.getMessage()).contains("already has a human score");
            assertThat(client.evaluations().get(scored.id())).isEqualTo(reviewed);
        }
    }

    /** Machine-scores one new session per value, reviews each with the human value; returns the evaluation ids. */
    private List<String> reviewAll(MetricResponse metric, double[] machine, double[] human) {
        ArrayList<String> ids = new ArrayList<>();
        for (int i = 0; i < machine.length; i++) {
            EvaluationResponse scored = machineScore(metric, machine[i]);
            client.evaluations().submitHumanScore(scored.id(), human[i], "review " + i);
            ids.add(scored.id());
        }
        return ids;
    }

    private EvaluationResponse machineScore(MetricResponse metric, double score) {
        return client.evaluations().createFromSession(session(), List.of(EvaluationMetric.scored(metric.name(), score)), null)
                .getFirst();
    }

    private String session() {
        String sessionId = client.sessions().create(CreateSessionRequest.forVersion(versionId)).id();
        EvaluationFixtures.aTurn(client, sessionId);
        return sessionId;
    }
}

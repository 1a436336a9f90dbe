package dev.assay.analysis;

import static dev.assay.testing.ApiErrors.apiError;
import static dev.assay.testing.ApiErrors.assertErrorBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.api.ComparisonItemResponse;
import dev.assay.api.ComparisonResponse;
import dev.assay.api.CreateSessionRequest;
import dev.assay.api.CreateVersionRequest;
import dev.assay.api.EvaluationMetric;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.MetricComparisonResponse;
import dev.assay.api.MetricResponse;
import dev.assay.client.AssayApiException;
import dev.assay.client.AssayClient;
import dev.assay.client.ListOptions;
import dev.assay.common.ErrorCode;
import dev.assay.testing.ApiErrors;
import dev.assay.testing.ApiIntegrationTest;
import dev.assay.testing.EvaluationFixtures;
import dev.assay.testing.Fixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code GET /comparisons} and {@code GET /comparisons/items} through the SDK, over real evaluations. */
class ComparisonIT extends ApiIntegrationTest {
    private String productId;
    private String testId;
    private String base;
    private String candidate;
    private MetricResponse metric;

    @BeforeEach
    void versions() {
        productId = Fixtures.aProduct(client).id();
        testId = Fixtures.aTest(client, productId).id();
        base = client.versions().create(CreateVersionRequest.named(productId, "base")).id();
        candidate = client.versions().create(CreateVersionRequest.named(productId, "candidate")).id();
        metric = EvaluationFixtures.aSelfHostedMetric(client);
    }

    @Nested
    class Compare {
        @Test
        void compare_sameTestCases_pairsThemAndMatchesScipy() {
            List<String> testCases = testCases(testId, ReferenceSamples.MIXED_BASE.length);
            scoreAll(base, testCases, metric, ReferenceSamples.MIXED_BASE);
            scoreAll(candidate, testCases, metric, ReferenceSamples.MIXED_CANDIDATE);

            ComparisonResponse comparison = client.comparisons().compare(base, candidate);

            assertThat(comparison.baseVersionId()).isEqualTo(base);
            assertThat(comparison.candidateVersionId()).isEqualTo(candidate);
            assertThat(comparison.pValueAdjustment()).isEqualTo("HOLM");
            assertThat(comparison.metrics()).hasSize(1);
            MetricComparisonResponse result = comparison.metrics().getFirst();
            assertThat(result.metricId()).isEqualTo(metric.id());
            assertThat(result.metricName()).isEqualTo(metric.name());
            assertThat(result.pairing()).isEqualTo("PAIRED");
            assertThat(result.pairs()).isEqualTo(10);
            assertThat(result.base().n()).isEqualTo(10);
            assertThat(result.base().mean()).isCloseTo(0.5, within(1e-12));
            assertThat(result.base().passRate()).isCloseTo(0.6, within(1e-12));
            assertThat(result.base().meanInterval()).isNotNull();
            assertThat(result.base().meanInterval().low()).isCloseTo(0.31529564111008146, within(1e-9));
            assertThat(result.candidate().mean()).isCloseTo(0.665, within(1e-12));
            assertThat(result.delta()).isCloseTo(0.165, within(1e-12));
            assertThat(result.test()).isEqualTo("WILCOXON_SIGNED_RANK");
            assertThat(result.intervalMethod()).isEqualTo("PAIRED_BOOTSTRAP");
            // SciPy 1.10.1: wilcoxon(candidate, base, zero_method="wilcox", correction=True, method="approx")
            assertThat(result.pValue()).isCloseTo(0.008969327408959313, within(1e-12));
            assertThat(result.adjustedPValue()).isCloseTo(0.008969327408959313, within(1e-12));
            assertThat(result.verdict()).isEqualTo("IMPROVED");
            assertThat(result.deltaInterval()).isNotNull();
            assertThat(result.deltaInterval().low()).isPositive();
        }

        @Test
        void compare_averagesRepeatedEvaluationsOfATestCase() {
            List<String> testCases = testCases(testId, 2);
            scoreAll(base, List.of(testCases.get(0), testCases.get(0), testCases.get(1), testCases.get(1)), metric,
                    new double[]{0.2, 0.4, 0.5, 0.5});
            scoreAll(candidate, testCases, metric, new double[]{0.6, 0.9});

            MetricComparisonResponse result = client.comparisons().compare(base, candidate).metrics().getFirst();

            assertThat(result.pairing()).isEqualTo("PAIRED");
            assertThat(result.pairs()).isEqualTo(2);
            // test case 1: 0.6 - mean(0.2, 0.4); test case 2: 0.9 - 0.5
            assertThat(result.delta()).isCloseTo(0.35, within(1e-12));
            assertThat(result.base().n()).isEqualTo(4);
            assertThat(result.candidate().n()).isEqualTo(2);
        }

        @Test
        void compare_whenTestCaseSetsDiffer_isUnpaired() {
            List<String> testCases = testCases(testId, 4);
            scoreAll(base, testCases.subList(0, 3), metric, new double[]{0.2, 0.4, 0.5});
            scoreAll(candidate, testCases.subList(1, 4), metric, new double[]{0.6, 0.9, 0.7});

            MetricComparisonResponse result = client.comparisons().compare(base, candidate).metrics().getFirst();

            assertThat(result.pairing()).isEqualTo("UNPAIRED");
            assertThat(result.test()).isEqualTo("MANN_WHITNEY_U");
            assertThat(result.delta()).isCloseTo(0.7333333333333334 - 0.36666666666666664, within(1e-12));
        }

        @Test
        void compare_isReproducible() {
            List<String> testCases = testCases(testId, 6);
            scoreAll(base, testCases, metric, new double[]{0.1, 0.5, 0.9, 0.4, 0.3, 0.8});
            scoreAll(candidate, testCases, metric, new double[]{0.2, 0.4, 0.7, 0.6, 0.3, 0.9});

            assertThat(client.comparisons().compare(base, candidate)).isEqualTo(client.comparisons().compare(base, candidate));
        }

        @Test
        void compare_withoutTestCases_usesTheRankSumTest() {
            scoreAll(base, null, metric, ReferenceSamples.UNPAIRED_MIXED_BASE);
            scoreAll(candidate, null, metric, ReferenceSamples.UNPAIRED_MIXED_CANDIDATE);

            MetricComparisonResponse result = client.comparisons().compare(base, candidate).metrics().getFirst();

            assertThat(result.pairing()).isEqualTo("UNPAIRED");
            assertThat(result.test()).isEqualTo("MANN_WHITNEY_U");
            assertThat(result.intervalMethod()).isEqualTo("BOOTSTRAP");
            // SciPy 1.10.1: mannwhitneyu(base, candidate, use_continuity=True, method="asymptotic")
            assertThat(result.pValue()).isCloseTo(0.03978343570505461, within(1e-12));
            assertThat(result.verdict()).isEqualTo("IMPROVED");
        }

        @Test
        void compare_aVersionWithItself_isNoChange() {
            List<String> testCases = testCases(testId, 4);
            scoreAll(base, testCases, metric, new double[]{0.1, 0.5, 0.9, 0.4});

            MetricComparisonResponse result = client.comparisons().compare(base, base).metrics().getFirst();

            assertThat(result.pairing()).isEqualTo("PAIRED");
            assertThat(result.delta()).isZero();
            assertThat(result.pValue()).isEqualTo(1.0);
            assertThat(result.verdict()).isEqualTo("NO_CHANGE");
        }

        @Test
        void compare_whenTheCandidateHasNoScores_isInsufficientData() {
            scoreAll(base, testCases(testId, 3), metric, new double[]{0.1, 0.5, 0.9});

            MetricComparisonResponse result = client.comparisons().compare(base, candidate).metrics().getFirst();

            assertThat(result.verdict()).isEqualTo("INSUFFICIENT_DATA");
            assertThat(result.base().n()).isEqualTo(3);
            assertThat(result.candidate().n()).isZero();
            assertThat(result.candidate().mean()).isNull();
            assertThat(result.pValue()).isNull();
            assertThat(result.delta()).isNull();
        }

        @Test
        void compare_whenNothingWasScored_listsNoMetric() {
            assertThat(client.comparisons().compare(base, candidate).metrics()).isEmpty();
        }

        @Test
        void compare_requestedMetricWithoutScores_isListedAsInsufficient() {
            MetricComparisonResponse result = client.comparisons()
                    .compare(base, candidate, ListOptions.none().filter("metricIds", metric.id())).metrics().getFirst();

            assertThat(result.metricId()).isEqualTo(metric.id());
            assertThat(result.base().n()).isZero();
            assertThat(result.verdict()).isEqualTo("INSUFFICIENT_DATA");
        }

        @Test
        void compare_severalMetrics_adjustsWithHolm() {
            MetricResponse other = EvaluationFixtures.aSelfHostedMetric(client);
            scoreAll(base, null, metric, ReferenceSamples.UNPAIRED_MIXED_BASE);
            scoreAll(candidate, null, metric, ReferenceSamples.UNPAIRED_MIXED_CANDIDATE);
            scoreAll(base, null, other, new double[]{0.5, 0.6});
            scoreAll(candidate, null, other, new double[]{0.5, 0.6});

            List<MetricComparisonResponse> metrics = client.comparisons().compare(base, candidate).metrics();

            MetricComparisonResponse mixed = metrics.stream().filter(m -> m.metricId().equals(metric.id())).findFirst().orElseThrow();
            assertThat(mixed.adjustedPValue()).isCloseTo(2 * 0.03978343570505461, within(1e-12));
            assertThat(mixed.verdict()).isEqualTo("NO_CHANGE");
            assertThat(client.comparisons()
                    .compare(base, candidate, ListOptions.none().filter("metricIds", metric.id())).metrics().getFirst().verdict())
                    .isEqualTo("IMPROVED");
        }

        @Test
        void compare_testIdsFilter_keepsOnlyThatTestsEvaluations() {
            String otherTest = Fixtures.aTest(client, productId).id();
            List<String> kept = testCases(testId, 3);
            scoreAll(base, kept, metric, new double[]{0.1, 0.2, 0.3});
            scoreAll(candidate, kept, metric, new double[]{0.1, 0.2, 0.3});
            scoreAll(candidate, testCases(otherTest, 2), metric, new double[]{0.9, 0.9});

            MetricComparisonResponse result = client.comparisons()
                    .compare(base, candidate, ListOptions.none().filter("testIds", testId)).metrics().getFirst();

            assertThat(result.candidate().n()).isEqualTo(3);
            assertThat(result.pairing()).isEqualTo("PAIRED");
        }

        @Test
        void compare_createdAtWindow_excludesEvaluationsOutsideIt() {
            scoreAll(base, null, metric, new double[]{0.1, 0.2});
            Instant future = Instant.now().plus(1, ChronoUnit.DAYS);

            ComparisonResponse comparison = client.comparisons().compare(base, candidate, ListOptions.none().fromCreatedAt(future));

            assertThat(comparison.metrics()).isEmpty();
        }
    }

    @Nested
    class Items {
        @Test
        void items_listPairedTestCasesWorstRegressionFirstWithReasons() {
            MetricResponse human = EvaluationFixtures.aHumanMetric(client);
            List<String> testCases = testCases(testId, 3);
            List<String> baseIds = new ArrayList<>();
            List<String> candidateIds = new ArrayList<>();
            double[] baseScores = {0.5, 0.9, 0.2};
            double[] candidateScores = {0.6, 0.1, 0.2};
            for (int i = 0; i < 3; i++) {
                baseIds.add(annotate(base, testCases.get(i), human, baseScores[i], "base reason " + i));
                candidateIds.add(annotate(candidate, testCases.get(i), human, candidateScores[i], "candidate reason " + i));
            }
            annotate(candidate, null, human, 0.0, "not paired: no test case");

            List<ComparisonItemResponse> items = client.comparisons().items(base, candidate, ListOptions.none());

            assertThat(items).extracting(ComparisonItemResponse::testCaseId)
                    .containsExactly(testCases.get(1), testCases.get(2), testCases.get(0));
            ComparisonItemResponse worst = items.getFirst();
            assertThat(worst.metricId()).isEqualTo(human.id());
            assertThat(worst.baseScore()).isEqualTo(0.9);
            assertThat(worst.candidateScore()).isEqualTo(0.1);
            assertThat(worst.delta()).isCloseTo(-0.8, within(1e-12));
            assertThat(worst.baseReason()).isEqualTo("base reason 1");
            assertThat(worst.candidateReason()).isEqualTo("candidate reason 1");
            assertThat(worst.baseEvaluationId()).isEqualTo(baseIds.get(1));
            assertThat(worst.candidateEvaluationId()).isEqualTo(candidateIds.get(1));
            assertThat(worst.baseCount()).isEqualTo(1);
        }

        @Test
        void items_pageWithLimitAndOffset() {
            List<String> testCases = testCases(testId, 4);
            scoreAll(base, testCases, metric, new double[]{0.5, 0.5, 0.5, 0.5});
            scoreAll(candidate, testCases, metric, new double[]{0.1, 0.2, 0.3, 0.4});

            List<ComparisonItemResponse> page = client.comparisons().items(base, candidate, ListOptions.none().limit(2).offset(1));

            assertThat(page).extracting(ComparisonItemResponse::testCaseId).containsExactly(testCases.get(1), testCases.get(2));
        }
    }

    @Nested
    class Errors {
        @Test
        void compare_anotherOrganizationsVersion_isNotFound() {
            Tenant other = newTenant();
            String foreign = Fixtures.aVersion(other.client()).id();

            AssayApiException error = apiError(() -> client.comparisons().compare(base, foreign), ErrorCode.VERSION_NOT_FOUND);
            assertThat(error.status()).isEqualTo(404);
            assertThat(error.code()).isEqualTo("VERSION_NOT_FOUND");
            assertThat(apiError(() -> client.comparisons().items(foreign, candidate, ListOptions.none()), ErrorCode.VERSION_NOT_FOUND)
                    .status())
                    .isEqualTo(404);
        }

        @Test
        void compare_anotherOrganizationsScores_areInvisible() {
            Tenant other = newTenant();
            MetricResponse foreignMetric = EvaluationFixtures.aSelfHostedMetric(other.client());

            AssayApiException error = apiError(() -> client.comparisons()
                    .compare(base, candidate, ListOptions.none().filter("metricIds", foreignMetric.id())), ErrorCode.METRIC_NOT_FOUND);
            assertThat(error.status()).isEqualTo(404);
            assertThat(error.code()).isEqualTo("METRIC_NOT_FOUND");
        }

        @Test
        void compare_withoutBaseVersion_isBadRequest() {
            assertErrorBody(raw("GET", "/comparisons?candidateVersionId=" + candidate, null, tenant.apiKey()), ErrorCode.INVALID_REQUEST,
                    "Bad Request");
        }

        @Test
        void compare_unparseableVersionId_isNotFound() {
            assertErrorBody(raw("GET", "/comparisons?baseVersionId=nope&candidateVersionId=" + candidate, null, tenant.apiKey()),
                    ErrorCode.VERSION_NOT_FOUND, "Not Found");
        }

        @Test
        void compare_badDate_isBadRequest() {
            assertErrorBody(raw("GET", "/comparisons?baseVersionId=" + base + "&candidateVersionId=" + candidate
                    + "&fromCreatedAt=yesterday", null, tenant.apiKey()), ErrorCode.INVALID_REQUEST, "Bad Request");
        }

        @Test
        void items_badLimit_isBadRequest() {
            assertErrorBody(raw("GET", "/comparisons/items?baseVersionId=" + base + "&candidateVersionId=" + candidate
                    + "&limit=-1", null, tenant.apiKey()), ErrorCode.INVALID_REQUEST, "Bad Request");
        }

        @Test
        void compare_withoutKey_isUnauthorized() {
            assertErrorBody(raw("GET", "/comparisons?baseVersionId=" + base + "&candidateVersionId=" + candidate, null, null),
                    ErrorCode.UNAUTHORIZED, "Unauthorized");
        }
    }

    @Nested
    class Documentation {
        @Test
        void openApi_documentsTheRoutesAndTheirQueryParameters() {
            tools.jackson.databind.JsonNode paths = ApiErrors.json(raw("GET", "/v3/api-docs", null, null)).path("paths");

            assertThat(paths.propertyNames()).contains("/comparisons", "/comparisons/items", "/agreement", "/agreement/items",
                    "/evaluations/export", "/inferenceResults/export");
            List<String> parameters = new ArrayList<>();
            paths.path("/comparisons").path("get").path("parameters").forEach(p -> parameters.add(p.path("name").asString()));
            assertThat(parameters).contains("baseVersionId", "candidateVersionId", "metricIds", "testIds", "fromCreatedAt");
        }
    }

    private List<String> testCases(String test, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Fixtures.aTestCase(client, test).id());
        }
        return ids;
    }

    /** One session per score on the version, on the i-th test case (or none), scored by the self-hosted metric. */
    private void scoreAll(String versionId, @Nullable List<String> testCases, MetricResponse scoredBy, double[] scores) {
        for (int i = 0; i < scores.length; i++) {
            String sessionId = session(client, versionId, testCases == null ? null : testCases.get(i));
            client.evaluations().createFromSession(sessionId, List.of(EvaluationMetric.scored(scoredBy.name(), scores[i])), null);
        }
    }

    /** A human evaluation of a new session, claimed and scored with a reason; returns its id. */
    private String annotate(String versionId, @Nullable String testCaseId, MetricResponse human, double score, String reason) {
        String sessionId = session(client, versionId, testCaseId);
        EvaluationResponse evaluation = client.evaluations()
                .createFromSession(sessionId, List.of(EvaluationMetric.withId(human.id())), null).getFirst();
        client.evaluations().claim(evaluation.id());
        client.evaluations().submitHumanScore(evaluation.id(), score, reason);
        return evaluation.id();
    }

    private static String session(AssayClient client, String versionId, @Nullable String testCaseId) {
        String sessionId = client.sessions()
                .create(new CreateSessionRequest(versionId, null, null, testCaseId, null, null, null, null)).id();
        EvaluationFixtures.aTurn(client, sessionId);
        return sessionId;
    }
}

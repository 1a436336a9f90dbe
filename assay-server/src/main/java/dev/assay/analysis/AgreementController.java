package dev.assay.analysis;

import dev.assay.api.AgreementResponse;
import dev.assay.api.ConfusionMatrixResponse;
import dev.assay.api.DisagreementResponse;
import dev.assay.api.MetricAgreementResponse;
import dev.assay.auth.Caller;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/agreement")
class AgreementController {
    private final AgreementService agreement;

    AgreementController(AgreementService agreement) {
        this.agreement = agreement;
    }

    @Operation(summary = "Agreement of machine scores with human reviews per metric: kappa, correlations, error (docs/api.md)")
    @Parameter(name = "metricIds", in = ParameterIn.QUERY, description = "Only these metrics (404 for one the caller cannot see)")
    @Parameter(name = "testIds", in = ParameterIn.QUERY, description = "Only evaluations of these tests' test cases")
    @Parameter(name = "excludeTestIds", in = ParameterIn.QUERY, description = "No evaluations of these tests' test cases")
    @Parameter(name = "fromCreatedAt", in = ParameterIn.QUERY, description = "Evaluations created at or after (ISO 8601 or epoch)")
    @Parameter(name = "toCreatedAt", in = ParameterIn.QUERY, description = "Evaluations created at or before (ISO 8601 or epoch)")
    @Parameter(name = "versionIds", in = ParameterIn.QUERY, description = "Only evaluations of these versions' sessions")
    @GetMapping
    AgreementResponse measure(Caller caller, HttpServletRequest request) {
        List<MetricAgreementResponse> metrics = agreement.measure(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(AgreementController::toResponse)
                .toList();
        return new AgreementResponse(ComparisonService.DEFAULT_PASS_THRESHOLD, metrics);
    }

    @Operation(summary = "Reviewed evaluations whose machine and human scores differ, largest first")
    @Parameter(name = "metricIds", in = ParameterIn.QUERY, description = "Only these metrics (404 for one the caller cannot see)")
    @Parameter(name = "testIds", in = ParameterIn.QUERY, description = "Only evaluations of these tests' test cases")
    @Parameter(name = "excludeTestIds", in = ParameterIn.QUERY, description = "No evaluations of these tests' test cases")
    @Parameter(name = "fromCreatedAt", in = ParameterIn.QUERY, description = "Evaluations created at or after (ISO 8601 or epoch)")
    @Parameter(name = "toCreatedAt", in = ParameterIn.QUERY, description = "Evaluations created at or before (ISO 8601 or epoch)")
    @Parameter(name = "versionIds", in = ParameterIn.QUERY, description = "Only evaluations of these versions' sessions")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "At most this many rows, 0..10000 (1000)")
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Rows to skip (0)")
    @GetMapping("/items")
    List<DisagreementResponse> disagreements(Caller caller, HttpServletRequest request) {
        return agreement.disagreements(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(AgreementController::toResponse)
                .toList();
    }

    private static MetricAgreementResponse toResponse(MetricAgreement metric) {
        MetricAgreement.ConfusionMatrix matrix = metric.confusionMatrix();
        return new MetricAgreementResponse(Ids.format(IdKind.METRIC, metric.metricId()), metric.metricName(), metric.n(),
                metric.cohenKappa(), metric.pearson(), metric.spearman(), metric.meanAbsoluteError(),
                new ConfusionMatrixResponse(matrix.bothPass(), matrix.machinePassHumanFail(), matrix.machineFailHumanPass(),
                        matrix.bothFail()));
    }

    private static DisagreementResponse toResponse(Disagreement item) {
        return new DisagreementResponse(
                Ids.format(IdKind.EVALUATION, item.evaluationId()),
                Ids.format(IdKind.METRIC, item.metricId()),
                Ids.format(IdKind.SESSION, item.sessionId()),
                item.inferenceResultId() == null ? null : Ids.format(IdKind.INFERENCE_RESULT, item.inferenceResultId()),
                item.testCaseId(),
                item.machineScore(),
                item.humanScore(),
                item.absoluteError(),
                item.passFailDiffers(ComparisonService.DEFAULT_PASS_THRESHOLD),
                item.machineReason(),
                item.humanReason(),
                item.humanEvaluatorId());
    }
}

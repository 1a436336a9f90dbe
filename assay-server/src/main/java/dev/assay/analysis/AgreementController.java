package dev.assay.analysis;

import dev.assay.api.AgreementResponse;
import dev.assay.api.ConfusionMatrixResponse;
import dev.assay.api.DisagreementResponse;
import dev.assay.api.MetricAgreementResponse;
import dev.assay.auth.Caller;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
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

    @GetMapping
    AgreementResponse measure(Caller caller, HttpServletRequest request) {
        List<MetricAgreementResponse> metrics = agreement.measure(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(AgreementController::toResponse)
                .toList();
        return new AgreementResponse(ComparisonService.DEFAULT_PASS_THRESHOLD, metrics);
    }

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

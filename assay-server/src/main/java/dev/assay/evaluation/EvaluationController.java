package dev.assay.evaluation;

import dev.assay.api.CreateEvaluationsFromInferenceResultRequest;
import dev.assay.api.CreateEvaluationsFromSessionRequest;
import dev.assay.api.EvaluationResponse;
import dev.assay.api.HumanScoreRequest;
import dev.assay.api.RetryEvaluationsRequest;
import dev.assay.api.RetryEvaluationsResponse;
import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.JsonArrayStream;
import dev.assay.common.ListQuery;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/evaluations")
class EvaluationController {
    private final EvaluationService evaluations;
    private final EvaluationQueryService queries;
    private final HumanEvaluationService humanEvaluations;
    private final RetryProperties retryProperties;
    private final JsonMapper json;

    EvaluationController(EvaluationService evaluations, EvaluationQueryService queries,
            HumanEvaluationService humanEvaluations, RetryProperties retryProperties, JsonMapper json) {
        this.evaluations = evaluations;
        this.queries = queries;
        this.humanEvaluations = humanEvaluations;
        this.retryProperties = retryProperties;
        this.json = json;
    }

    @PostMapping("/fromInferenceResult")
    ResponseEntity<List<EvaluationResponse>> fromInferenceResult(
            Caller caller, @Valid @RequestBody CreateEvaluationsFromInferenceResultRequest request) {
        List<Evaluation> created = evaluations.createFromInferenceResult(caller, Objects.requireNonNull(request.inferenceResultId()),
                EvaluationMapper.toMetricReferences(request.metrics()), request.specificationIds());
        return ResponseEntity.status(HttpStatus.CREATED).body(created.stream().map(EvaluationMapper::toResponse).toList());
    }

    @PostMapping("/fromSession")
    ResponseEntity<List<EvaluationResponse>> fromSession(Caller caller, @Valid @RequestBody CreateEvaluationsFromSessionRequest request) {
        List<Evaluation> created = evaluations.createFromSession(caller, Objects.requireNonNull(request.sessionId()),
                request.inferenceResultId(), EvaluationMapper.toMetricReferences(request.metrics()), request.specificationIds());
        return ResponseEntity.status(HttpStatus.CREATED).body(created.stream().map(EvaluationMapper::toResponse).toList());
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = EvaluationResponse.class))))
    void list(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        ListQuery query = ListQuery.of(request.getParameterMap());
        JsonArrayStream.write(response, json,
                sink -> queries.list(caller, query, evaluation -> sink.accept(EvaluationMapper.toResponse(evaluation))));
    }

    @GetMapping("/{id}")
    EvaluationResponse get(Caller caller, @PathVariable String id) {
        return EvaluationMapper.toResponse(queries.get(caller, id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        evaluations.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/retry")
    ResponseEntity<RetryEvaluationsResponse> retry(Caller caller, @Valid @RequestBody RetryEvaluationsRequest request) {
        List<String> ids = new ArrayList<>();
        if (request.ids() != null) {
            ids.addAll(request.ids());
        }
        if (request.evaluationIds() != null) {
            ids.addAll(request.evaluationIds());
        }
        if (ids.isEmpty()) {
            throw AssayException.invalidField("ids", "must list at least one evaluation id");
        }
        EvaluationService.RetryResult result = evaluations.retry(caller, ids, retryProperties.maxRetries());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new RetryEvaluationsResponse(result.retried(), result.skipped(), result.errors()));
    }

    @GetMapping("/humanQueue")
    List<EvaluationResponse> humanQueue(Caller caller, HttpServletRequest request) {
        return humanEvaluations.listPending(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(EvaluationMapper::toResponse)
                .toList();
    }

    @PostMapping("/{id}/claim")
    EvaluationResponse claim(Caller caller, @PathVariable String id) {
        return EvaluationMapper.toResponse(humanEvaluations.claim(caller, id));
    }

    @PostMapping("/{id}/humanScore")
    EvaluationResponse submitHumanScore(Caller caller, @PathVariable String id, @Valid @RequestBody HumanScoreRequest request) {
        return EvaluationMapper.toResponse(humanEvaluations.submit(caller, id, Objects.requireNonNull(request.score()), request.reason()));
    }
}

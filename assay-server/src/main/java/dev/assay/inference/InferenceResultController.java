package dev.assay.inference;

import dev.assay.api.CreateInferenceResultBatchRequest;
import dev.assay.api.CreateInferenceResultRequest;
import dev.assay.api.DeleteBatchRequest;
import dev.assay.api.InferenceResultResponse;
import dev.assay.auth.Caller;
import dev.assay.common.JsonArrayStream;
import dev.assay.common.ListQuery;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/inferenceResults")
class InferenceResultController {
    private final InferenceResultService results;
    private final JsonMapper json;

    InferenceResultController(InferenceResultService results, JsonMapper json) {
        this.results = results;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<InferenceResultResponse> create(Caller caller, @RequestBody CreateInferenceResultRequest request) {
        InferenceResult result = results.create(caller, InferenceResultMapper.toNew(request));
        InferenceResultResponse body = InferenceResultMapper.toResponse(result);
        return ResponseEntity.created(URI.create("/inferenceResults/" + body.id())).body(body);
    }

    @PostMapping("/batch")
    ResponseEntity<List<InferenceResultResponse>> createBatch(
            Caller caller, @RequestBody CreateInferenceResultBatchRequest request) {
        List<InferenceResult> created = results.createBatch(caller, InferenceResultMapper.toBatch(request));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(created.stream().map(InferenceResultMapper::toResponse).toList());
    }

    /** Streams the page: rows are written as they are read (common/JsonArrayStream). */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = InferenceResultResponse.class))))
    void list(Caller caller, HttpServletRequest request, HttpServletResponse response) {
        ListQuery query = ListQuery.of(request.getParameterMap());
        JsonArrayStream.write(response, json,
                sink -> results.list(caller, query, result -> sink.accept(InferenceResultMapper.toResponse(result))));
    }

    @GetMapping("/{id}")
    InferenceResultResponse get(Caller caller, @PathVariable String id) {
        return InferenceResultMapper.toResponse(results.get(caller, id));
    }

    @PatchMapping("/{id}")
    InferenceResultResponse update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        return InferenceResultMapper.toResponse(results.update(caller, id, InferenceResultMapper.toChanges(body)));
    }

    @DeleteMapping("/batch")
    ResponseEntity<Void> deleteBatch(Caller caller, @Valid @RequestBody DeleteBatchRequest request) {
        results.deleteBatch(caller, Objects.requireNonNull(request.ids()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        results.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}

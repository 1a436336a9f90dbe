package dev.assay.inference;

import dev.assay.api.InferenceResultResponse;
import dev.assay.auth.Caller;
import dev.assay.common.ExportFormat;
import dev.assay.common.Exports;
import dev.assay.common.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/inferenceResults")
class InferenceResultExportController {
    private final InferenceResultExporter exporter;
    private final Exports exports;

    InferenceResultExportController(InferenceResultExporter exporter, Exports exports) {
        this.exporter = exporter;
        this.exports = exports;
    }

    @Operation(summary = "Every turn matching the list filters and sort, unpaged, streamed as JSON Lines or CSV")
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "jsonl (default) or csv")
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(Caller caller, HttpServletRequest request) {
        ListQuery query = ListQuery.of(request.getParameterMap());
        ExportFormat format = ExportFormat.of(query);
        InferenceResultExporter.Export export = exporter.prepare(caller, query);
        return exports.response("inferenceResults", format, InferenceResultResponse.class,
                sink -> exporter.stream(export, result -> sink.accept(InferenceResultMapper.toResponse(result))));
    }
}

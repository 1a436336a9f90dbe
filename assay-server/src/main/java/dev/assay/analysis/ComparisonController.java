package dev.assay.analysis;

import dev.assay.api.ComparisonItemResponse;
import dev.assay.api.ComparisonResponse;
import dev.assay.auth.Caller;
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
@RequestMapping("/comparisons")
class ComparisonController {
    private final ComparisonService comparisons;

    ComparisonController(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @Operation(summary = "Compare a candidate version with a base version per metric, with significance (docs/api.md)")
    @Parameter(name = "baseVersionId", in = ParameterIn.QUERY, required = true, description = "The version compared against")
    @Parameter(name = "candidateVersionId", in = ParameterIn.QUERY, required = true, description = "The version under test")
    @Parameter(name = "metricIds", in = ParameterIn.QUERY, description = "Only these metrics (404 for one the caller cannot see)")
    @Parameter(name = "testIds", in = ParameterIn.QUERY, description = "Only evaluations of these tests' test cases")
    @Parameter(name = "excludeTestIds", in = ParameterIn.QUERY, description = "No evaluations of these tests' test cases")
    @Parameter(name = "fromCreatedAt", in = ParameterIn.QUERY, description = "Evaluations created at or after (ISO 8601 or epoch)")
    @Parameter(name = "toCreatedAt", in = ParameterIn.QUERY, description = "Evaluations created at or before (ISO 8601 or epoch)")
    @GetMapping
    ComparisonResponse compare(Caller caller, HttpServletRequest request) {
        return ComparisonMapper.toResponse(comparisons.compare(caller, ListQuery.of(request.getParameterMap())));
    }

    @Operation(summary = "The test cases both versions were scored on, worst regression first")
    @Parameter(name = "baseVersionId", in = ParameterIn.QUERY, required = true, description = "The version compared against")
    @Parameter(name = "candidateVersionId", in = ParameterIn.QUERY, required = true, description = "The version under test")
    @Parameter(name = "metricIds", in = ParameterIn.QUERY, description = "Only these metrics (404 for one the caller cannot see)")
    @Parameter(name = "testIds", in = ParameterIn.QUERY, description = "Only evaluations of these tests' test cases")
    @Parameter(name = "excludeTestIds", in = ParameterIn.QUERY, description = "No evaluations of these tests' test cases")
    @Parameter(name = "fromCreatedAt", in = ParameterIn.QUERY, description = "Evaluations created at or after (ISO 8601 or epoch)")
    @Parameter(name = "toCreatedAt", in = ParameterIn.QUERY, description = "Evaluations created at or before (ISO 8601 or epoch)")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "At most this many rows, 0..10000 (1000)")
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "Rows to skip (0)")
    @GetMapping("/items")
    List<ComparisonItemResponse> items(Caller caller, HttpServletRequest request) {
        return comparisons.items(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(ComparisonMapper::toResponse)
                .toList();
    }
}

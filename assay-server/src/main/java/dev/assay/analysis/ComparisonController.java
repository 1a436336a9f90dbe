package dev.assay.analysis;

import dev.assay.api.ComparisonItemResponse;
import dev.assay.api.ComparisonResponse;
import dev.assay.auth.Caller;
import dev.assay.common.ListQuery;
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

    @GetMapping
    ComparisonResponse compare(Caller caller, HttpServletRequest request) {
        return ComparisonMapper.toResponse(comparisons.compare(caller, ListQuery.of(request.getParameterMap())));
    }

    @GetMapping("/items")
    List<ComparisonItemResponse> items(Caller caller, HttpServletRequest request) {
        return comparisons.items(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(ComparisonMapper::toResponse)
                .toList();
    }
}

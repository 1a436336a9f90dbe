package dev.assay.testcase;

import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.CreateTestRequest;
import dev.assay.api.TestCaseResponse;
import dev.assay.api.TestResponse;
import dev.assay.auth.Caller;
import dev.assay.common.ListQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TestCaseController {
    private final TestCaseService testCases;

    TestCaseController(TestCaseService testCases) {
        this.testCases = testCases;
    }

    @PostMapping("/tests")
    ResponseEntity<TestResponse> createTest(Caller caller, @Valid @RequestBody CreateTestRequest request) {
        Test test = testCases.createTest(caller, Objects.requireNonNull(request.productId()), TestCaseMapper.toDetails(request));
        TestResponse body = TestCaseMapper.toResponse(test);
        return ResponseEntity.created(URI.create("/tests/" + body.id())).body(body);
    }

    @GetMapping("/tests")
    List<TestResponse> listTests(Caller caller, HttpServletRequest request) {
        return testCases.listTests(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(TestCaseMapper::toResponse)
                .toList();
    }

    @GetMapping("/tests/{id}")
    TestResponse getTest(Caller caller, @PathVariable String id) {
        return TestCaseMapper.toResponse(testCases.getTest(caller, id));
    }

    @DeleteMapping("/tests/{id}")
    ResponseEntity<Void> deleteTest(Caller caller, @PathVariable String id) {
        testCases.deleteTest(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/testCases")
    ResponseEntity<TestCaseResponse> createTestCase(Caller caller, @Valid @RequestBody CreateTestCaseRequest request) {
        TestCase testCase = testCases.createTestCase(caller, Objects.requireNonNull(request.testId()),
                TestCaseMapper.toDetails(request));
        TestCaseResponse body = TestCaseMapper.toResponse(testCase);
        return ResponseEntity.created(URI.create("/testCases/" + body.id())).body(body);
    }

    @GetMapping("/testCases")
    List<TestCaseResponse> listTestCases(Caller caller, HttpServletRequest request) {
        return testCases.listTestCases(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(TestCaseMapper::toResponse)
                .toList();
    }

    @GetMapping("/testCases/{id}")
    TestCaseResponse getTestCase(Caller caller, @PathVariable String id) {
        return TestCaseMapper.toResponse(testCases.getTestCase(caller, id));
    }

    @DeleteMapping("/testCases/{id}")
    ResponseEntity<Void> deleteTestCase(Caller caller, @PathVariable String id) {
        testCases.deleteTestCase(caller, id);
        return ResponseEntity.noContent().build();
    }
}

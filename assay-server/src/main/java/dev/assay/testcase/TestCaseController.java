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
    ResponseEntity<TestResponse> createTestSuite(Caller caller, @Valid @RequestBody CreateTestRequest request) {
        TestSuite test = testCases.createTestSuite(caller, Objects.requireNonNull(request.productId()), TestCaseMapper.toDetails(request));
        TestResponse body = TestCaseMapper.toResponse(test);
        return ResponseEntity.created(URI.create("/tests/" + body.id())).body(body);
    }

    @GetMapping("/tests")
    List<TestResponse> listTestSuites(Caller caller, HttpServletRequest request) {
        return testCases.listTestSuites(caller, ListQuery.of(request.getParameterMap())).stream()
                .map(TestCaseMapper::toResponse)
                .toList();
    }

    @GetMapping("/tests/{id}")
    TestResponse getTestSuite(Caller caller, @PathVariable String id) {
        return TestCaseMapper.toResponse(testCases.getTestSuite(caller, id));
    }

    @DeleteMapping("/tests/{id}")
    ResponseEntity<Void> deleteTestSuite(Caller caller, @PathVariable String id) {
        testCases.deleteTestSuite(caller, id);
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

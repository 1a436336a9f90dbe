package dev.assay.testcase;

import dev.assay.api.CreateTestCaseRequest;
import dev.assay.api.CreateTestRequest;
import dev.assay.api.TestCaseResponse;
import dev.assay.api.TestResponse;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.Timestamps;
import java.util.List;
import java.util.Objects;

final class TestCaseMapper {

    private TestCaseMapper() {}

    static TestSuiteDetails toDetails(CreateTestRequest request) {
        return new TestSuiteDetails(Objects.requireNonNull(request.name()).strip(),
                TestSuiteType.fromWire(Objects.requireNonNull(request.type())), request.languageCode(),
                request.groundTruthUri(), request.fewShot(), request.customUserPersona(),
                Objects.requireNonNullElse(request.variants(), List.of()),
                Objects.requireNonNullElse(request.strategies(), List.of()), request.customVariantDescription(),
                request.maxTestCases(), request.uri());
    }

    static TestCaseDetails toDetails(CreateTestCaseRequest request) {
        return new TestCaseDetails(request.input(), request.expectedOutput(), request.context(), request.expectedTools(),
                request.variant(), request.strategy(), request.source(), request.userPersona(), request.scenario(),
                request.goal(), request.maxIterations(), request.initialPrompt(), request.stoppingCriterias(),
                request.reviewedById(), request.languageCode(), request.userScore(), request.userScoreReason(),
                request.confidence(), request.confidenceReason());
    }

    static TestResponse toResponse(TestSuite test) {
        return new TestResponse(Ids.format(IdKind.TEST, test.id()), Ids.format(IdKind.PRODUCT, test.productId()),
                test.name(), test.type().name(), test.languageCode(), test.groundTruthUri(), test.fewShot(),
                test.customUserPersona(), test.variants(), test.strategies(), test.customVariantDescription(),
                test.maxTestCases(), test.uri(), test.status(), Timestamps.format(test.createdAt()),
                Timestamps.formatNullable(test.deletedAt()));
    }

    static TestCaseResponse toResponse(TestCase testCase) {
        return new TestCaseResponse(Ids.format(IdKind.TEST_CASE, testCase.id()), Ids.format(IdKind.TEST, testCase.testId()),
                testCase.input(), testCase.expectedOutput(), testCase.context(), testCase.expectedTools(),
                testCase.variant(), testCase.strategy(), testCase.source(), testCase.userPersona(), testCase.scenario(),
                testCase.goal(), testCase.maxIterations(), testCase.initialPrompt(), testCase.stoppingCriterias(),
                testCase.reviewedById(), testCase.languageCode(), testCase.userScore(), testCase.userScoreReason(),
                testCase.confidence(), testCase.confidenceReason(), Timestamps.format(testCase.createdAt()),
                Timestamps.formatNullable(testCase.deletedAt()));
    }
}

package dev.assay.testcase;

import dev.assay.auth.Caller;
import dev.assay.common.AssayException;
import dev.assay.common.CreatedBetween;
import dev.assay.common.ErrorCode;
import dev.assay.common.IdFilter;
import dev.assay.common.IdKind;
import dev.assay.common.Ids;
import dev.assay.common.ListQuery;
import dev.assay.common.NotFoundException;
import dev.assay.common.StrictIds;
import dev.assay.common.Timestamps;
import dev.assay.product.Product;
import dev.assay.product.ProductService;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Test suites (Galtea's tests) and their test cases, uploaded through the API: creating, reading and soft-deleting them.
 * Sessions and evaluations read a test case through {@link #findTestCase}.
 */
@Service
public class TestCaseService {
    private final TestSuiteRepository tests;
    private final TestCaseRepository testCases;
    private final ProductService products;
    private final Clock clock;

    TestCaseService(TestSuiteRepository tests, TestCaseRepository testCases, ProductService products, Clock clock) {
        this.tests = tests;
        this.testCases = testCases;
        this.products = products;
        this.clock = clock;
    }

    /** Creates a test suite under a live product of the caller's organization (404 otherwise). */
    @Transactional
    public TestSuite createTestSuite(Caller caller, String productId, TestSuiteDetails details) {
        Product product = products.getProduct(caller, productId);
        TestSuite test = new TestSuite(Ids.newId(clock), caller.organizationId(), product.id(), details.name(), details.type(),
                details.languageCode(), details.groundTruthUri(), details.fewShot(), details.customUserPersona(),
                details.variants(), details.strategies(), details.customVariantDescription(), details.maxTestCases(),
                details.uri(), TestSuite.UPLOADED_STATUS, Timestamps.now(clock), null);
        tests.insert(test);
        return test;
    }

    @Transactional(readOnly = true)
    public TestSuite getTestSuite(Caller caller, String testId) {
        return Ids.parse(IdKind.TEST, testId)
                .flatMap(id -> tests.find(caller.organizationId(), id))
                .orElseThrow(() -> testNotFound(testId));
    }

    @Transactional(readOnly = true)
    public List<TestSuite> listTestSuites(Caller caller, ListQuery query) {
        TestSuiteFilter filter = new TestSuiteFilter(IdFilter.of(query, "productIds", IdKind.PRODUCT), query.texts("names"),
                CreatedBetween.of(query), StrictIds.of(query, IdKind.TEST));
        filter.ids().check(() -> tests.matchingIds(caller.organizationId(), filter), ErrorCode.TEST_NOT_FOUND, "Test");
        return tests.list(caller.organizationId(), filter, query.sort(TestSuiteSort::fromWire), query.limit(), query.offset());
    }

    /** Soft-deletes the test suite and, in the same transaction, its test cases. */
    @Transactional
    public void deleteTestSuite(Caller caller, String testId) {
        UUID id = Ids.parse(IdKind.TEST, testId).orElseThrow(() -> testNotFound(testId));
        if (!tests.softDelete(caller.organizationId(), id, Timestamps.now(clock))) {
            throw testNotFound(testId);
        }
    }

    /** Creates a test case under a live test suite of the caller's organization (404 otherwise). */
    @Transactional
    public TestCase createTestCase(Caller caller, String testId, TestCaseDetails details) {
        TestSuite test = getTestSuite(caller, testId);
        TestCase testCase = new TestCase(Ids.newId(clock), caller.organizationId(), test.id(), details.input(),
                details.expectedOutput(), details.context(), details.expectedTools(), details.variant(),
                details.strategy(), details.source(), details.userPersona(), details.scenario(), details.goal(),
                details.maxIterations(), details.initialPrompt(), details.stoppingCriterias(), details.reviewedById(),
                details.languageCode(), details.userScore(), details.userScoreReason(), details.confidence(),
                details.confidenceReason(), Timestamps.now(clock), null);
        testCases.insert(testCase);
        return testCase;
    }

    @Transactional(readOnly = true)
    public TestCase getTestCase(Caller caller, String testCaseId) {
        return findTestCase(caller, testCaseId).orElseThrow(() -> testCaseNotFound(testCaseId));
    }

    /** The test case behind a wire id, if it is live and belongs to the caller's organization. */
    @Transactional(readOnly = true)
    public Optional<TestCase> findTestCase(Caller caller, String testCaseId) {
        return Ids.parse(IdKind.TEST_CASE, testCaseId).flatMap(id -> testCases.find(caller.organizationId(), id));
    }

    /**
     * The {@code testIds} and {@code excludeTestIds} list filters (docs/reference/galtea-contract.md §3.3)
     * of a query on rows that reference a test case, resolved to the test cases of those test suites.
     */
    @Transactional(readOnly = true)
    public TestCaseSelection selection(Caller caller, ListQuery query) {
        List<String> testIds = query.ids("testIds");
        boolean includeNone = query.hasEmptyValue("testIds");
        List<String> included = testCaseIdsOfTests(caller, testIds);
        List<String> excluded = testCaseIdsOfTests(caller, query.ids("excludeTestIds"));
        return new TestCaseSelection(!testIds.isEmpty() || includeNone, included, includeNone, excluded,
                query.hasEmptyValue("excludeTestIds"));
    }

    private List<String> testCaseIdsOfTests(Caller caller, List<String> testIds) {
        if (testIds.isEmpty()) {
            return List.of();
        }
        return testCases.idsInSuites(caller.organizationId(), IdFilter.of(testIds, IdKind.TEST)).stream()
                .map(id -> Ids.format(IdKind.TEST_CASE, id))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<TestCase> listTestCases(Caller caller, ListQuery query) {
        IdFilter testIds = IdFilter.of(query, "testIds", IdKind.TEST);
        List<String> languages = query.texts("languages").stream().map(language -> language.toLowerCase(Locale.ROOT)).toList();
        List<String> variants = query.texts("variants");
        List<String> strategies = query.texts("strategies");
        List<String> expectedTools = query.texts("expectedTools");
        Boolean reviewed = query.flag("reviewed").orElse(null);
        List<Integer> userScores = userScores(query);
        TestCaseFilter filter = new TestCaseFilter(testIds, languages, variants, strategies, expectedTools, reviewed, userScores,
                CreatedBetween.of(query), StrictIds.of(query, IdKind.TEST_CASE));
        filter.ids().check(() -> testCases.matchingIds(caller.organizationId(), filter), ErrorCode.TEST_CASE_NOT_FOUND,
                "TestCase");
        return testCases.list(caller.organizationId(), filter, query.sort(TestCaseSort::fromWire), query.limit(), query.offset());
    }

    @Transactional
    public void deleteTestCase(Caller caller, String testCaseId) {
        UUID id = Ids.parse(IdKind.TEST_CASE, testCaseId).orElseThrow(() -> testCaseNotFound(testCaseId));
        if (!testCases.softDelete(caller.organizationId(), id, Timestamps.now(clock))) {
            throw testCaseNotFound(testCaseId);
        }
    }

    private static NotFoundException testCaseNotFound(String testCaseId) {
        return new NotFoundException(ErrorCode.TEST_CASE_NOT_FOUND, "Test case not found: " + testCaseId);
    }

    private static List<Integer> userScores(ListQuery query) {
        return query.ids("userScore").stream().map(value -> switch (value) {
            case "1" -> 1;
            case "0" -> 0;
            case "-1" -> -1;
            default -> throw AssayException.invalidField("userScore", "must be 1, 0 or -1");
        }).toList();
    }

    private static NotFoundException testNotFound(String testId) {
        return new NotFoundException(ErrorCode.TEST_NOT_FOUND, "Test not found: " + testId);
    }
}

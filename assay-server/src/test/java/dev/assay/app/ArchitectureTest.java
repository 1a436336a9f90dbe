package dev.assay.app;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The feature boundaries of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.assay");

    @Test
    void features_haveNoCycles() {
        slices().matching("dev.assay.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void common_dependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.assay.common..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.assay.auth..", "dev.assay.product..", "dev.assay.session..",
                        "dev.assay.inference..", "dev.assay.metric..", "dev.assay.specification..",
                        "dev.assay.evaluation..", "dev.assay.judge..", "dev.assay.app..", "dev.assay.testcase..",
                        "dev.assay.analysis..", "dev.assay.trace..", "dev.assay.web..")
                .check(CLASSES);
    }

    @Test
    void nothingUsesTheDashboard() {
        noClasses().that().resideOutsideOfPackage("dev.assay.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.assay.web..")
                .check(CLASSES);
    }

    @Test
    void trace_usesOnlyTurnsSessionsProductsTestCasesAuthAndCommon() {
        // Evaluations read spans (evaluation -> trace), never the other way round.
        noClasses().that().resideInAPackage("dev.assay.trace..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.assay.evaluation..", "dev.assay.judge..", "dev.assay.metric..",
                        "dev.assay.specification..", "dev.assay.app..")
                .check(CLASSES);
    }

    @Test
    void onlyTheEvaluationFeatureTheApplicationWiringAndTheDashboardUseSpans() {
        noClasses().that().resideOutsideOfPackages("dev.assay.trace..", "dev.assay.evaluation..", "dev.assay.app..",
                "dev.assay.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.assay.trace..")
                .check(CLASSES);
    }

    @Test
    void session_usesOnlyProductTestCaseAuthAndCommon() {
        noClasses().that().resideInAPackage("dev.assay.session..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.assay.inference..", "dev.assay.app..")
                .check(CLASSES);
    }

    @Test
    void product_usesNoOtherFeature() {
        noClasses().that().resideInAPackage("dev.assay.product..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.assay.session..", "dev.assay.inference..", "dev.assay.app..",
                        "dev.assay.testcase..")
                .check(CLASSES);
    }

    @Test
    void testCase_usesOnlyProductAuthAndCommon() {
        noClasses().that().resideInAPackage("dev.assay.testcase..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.assay.session..", "dev.assay.inference..", "dev.assay.evaluation..",
                        "dev.assay.metric..", "dev.assay.specification..", "dev.assay.app..")
                .check(CLASSES);
    }

    @Test
    void onlyTheApplicationWiringTheJudgeAndTheDashboardUseTheEvaluationFeature() {
        // The judge plugs into the evaluation engine through its public Scorer interface; the
        // dashboard reads evaluations through the feature's public services.
        noClasses().that().resideOutsideOfPackages("dev.assay.evaluation..", "dev.assay.judge..", "dev.assay.app..",
                "dev.assay.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.assay.evaluation..")
                .check(CLASSES);
    }

    @Test
    void nothingButTheApplicationWiringUsesTheJudge() {
        noClasses().that().resideOutsideOfPackages("dev.assay.judge..", "dev.assay.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.assay.judge..")
                .check(CLASSES);
    }

    @Test
    void judge_usesOnlyEvaluationMetricAndCommon() {
        noClasses().that().resideInAPackage("dev.assay.judge..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.assay.auth..", "dev.assay.product..", "dev.assay.session..",
                        "dev.assay.inference..", "dev.assay.specification..", "dev.assay.app..")
                .check(CLASSES);
    }

    @Test
    void metric_usesNoOtherFeature() {
        noClasses().that().resideInAPackage("dev.assay.metric..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.assay.session..", "dev.assay.inference..", "dev.assay.specification..",
                        "dev.assay.evaluation..", "dev.assay.product..", "dev.assay.app..")
                .check(CLASSES);
    }

    @Test
    void analysis_readsThroughProductMetricTestCaseAuthAndCommonOnly() {
        // Comparisons and agreement read the evaluation tables with their own SQL; only the dashboard uses them.
        noClasses().that().resideInAPackage("dev.assay.analysis..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.assay.session..", "dev.assay.inference..", "dev.assay.evaluation..",
                        "dev.assay.specification..", "dev.assay.judge..", "dev.assay.app..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackages("dev.assay.analysis..", "dev.assay.app..", "dev.assay.web..")
                .should().dependOnClassesThat().resideInAPackage("dev.assay.analysis..")
                .check(CLASSES);
    }
}

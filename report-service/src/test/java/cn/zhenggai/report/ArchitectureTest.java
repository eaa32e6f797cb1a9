package cn.zhenggai.report;

import cn.zhenggai.platform.web.ApiExceptionHandler;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The report's rules stay free of Spring, HTTP and infrastructure; adapters sit beside them, not inside. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.zhenggai.report");

    @Test
    void theDomainModelDependsOnNoFrameworkButAxonsAnnotations() {
        noClasses().that().resideInAnyPackage("cn.zhenggai.report.drafting", "cn.zhenggai.report.meeting")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta..", "cn.zhenggai.platform..", "com.mongodb..",
                        "org.apache.kafka..", "java.sql..")
                .check(classes);
    }

    @Test
    void theReportsRulesKnowNothingOfParsingCryptographyOrDocuments() {
        noClasses().that().resideInAPackage("cn.zhenggai.report.drafting")
                .should().dependOnClassesThat().resideInAnyPackage("cn.zhenggai.outline..", "javax.crypto..",
                        "org.apache.poi..", "cn.zhenggai.report.confidential..", "cn.zhenggai.report.importing..",
                        "cn.zhenggai.report.exporting..", "cn.zhenggai.report.viewing..")
                .check(classes);
    }

    @Test
    void noRuleOrStoreKnowsTheWebAdaptersOrHttp() {
        noClasses().that().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("cn.zhenggai.report..web..")
                .check(classes);
        noClasses().that().resideInAnyPackage("cn.zhenggai.report.drafting", "cn.zhenggai.report.meeting",
                        "cn.zhenggai.report.confidential", "cn.zhenggai.report.viewing", "cn.zhenggai.report.carryover")
                .should().dependOnClassesThat().resideInAnyPackage("cn.zhenggai.platform.web..",
                        "org.springframework.web..", "org.springframework.http..")
                .check(classes);
    }

    @Test
    void onlyThePlatformMapsRefusalsToHttp() {
        noClasses().should().dependOnClassesThat().areAssignableTo(ApiExceptionHandler.class).check(classes);
    }

    @Test
    void featuresDoNotReachIntoEachOther() {
        noClasses().that().resideInAPackage("cn.zhenggai.report.upcasting")
                .should().dependOnClassesThat().resideInAPackage("cn.zhenggai.report.drafting")
                .check(classes);
    }
}

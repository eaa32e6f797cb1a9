package cn.zhenggai.report;

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
                .and().haveNameNotMatching(".*(Controller|Meetings)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta..", "cn.zhenggai.platform..", "com.mongodb..",
                        "org.apache.kafka..", "java.sql..")
                .check(classes);
    }

    @Test
    void theReportsRulesKnowNothingOfParsingCryptographyOrDocuments() {
        noClasses().that().resideInAPackage("cn.zhenggai.report.drafting")
                .and().haveNameNotMatching(".*Controller(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("cn.zhenggai.outline..", "javax.crypto..",
                        "org.apache.poi..", "cn.zhenggai.report.confidential..", "cn.zhenggai.report.importing..",
                        "cn.zhenggai.report.exporting..", "cn.zhenggai.report.viewing..")
                .check(classes);
    }

    @Test
    void featuresDoNotReachIntoEachOther() {
        noClasses().that().resideInAPackage("cn.zhenggai.report.upcasting")
                .should().dependOnClassesThat().resideInAPackage("cn.zhenggai.report.drafting")
                .check(classes);
    }
}

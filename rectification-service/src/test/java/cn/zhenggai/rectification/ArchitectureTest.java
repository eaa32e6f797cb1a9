package cn.zhenggai.rectification;

import cn.zhenggai.platform.web.ApiExceptionHandler;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The items' rules stay free of Spring, HTTP and infrastructure; adapters sit beside them, not inside. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.zhenggai.rectification");

    @Test
    void theItemsRulesDependOnNoFrameworkButAxonsAnnotations() {
        noClasses().that().resideInAPackage("cn.zhenggai.rectification.measure")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta..", "cn.zhenggai.platform..", "com.mongodb..",
                        "org.apache.kafka..", "java.sql..", "cn.zhenggai.rectification.ledger..",
                        "cn.zhenggai.rectification.intake..", "cn.zhenggai.rectification.evidence..",
                        "cn.zhenggai.rectification.notifications..", "cn.zhenggai.rectification.sources..",
                        "cn.zhenggai.rectification.supervision..", "org.apache.tika..", "org.apache.poi..")
                .check(classes);
    }

    @Test
    void noRuleOrStoreKnowsTheWebAdaptersOrHttp() {
        noClasses().that().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("cn.zhenggai.rectification..web..")
                .check(classes);
        noClasses().that().resideInAnyPackage("cn.zhenggai.rectification.measure", "cn.zhenggai.rectification.scope",
                        "cn.zhenggai.rectification.carryover")
                .should().dependOnClassesThat().resideInAnyPackage("cn.zhenggai.platform.web..",
                        "org.springframework.web..", "org.springframework.http..")
                .check(classes);
    }

    @Test
    void onlyThePlatformMapsRefusalsToHttp() {
        noClasses().should().dependOnClassesThat().areAssignableTo(ApiExceptionHandler.class).check(classes);
    }

    @Test
    void theLedgerKnowsTheItemsOnlyByTheirPublishedEvents() {
        noClasses().that().resideInAPackage("cn.zhenggai.rectification.ledger")
                .should().dependOnClassesThat().resideInAPackage("cn.zhenggai.rectification.measure")
                .check(classes);
    }
}

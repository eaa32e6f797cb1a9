package cn.zhenggai.audit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What an outsider's check relies on stays small: the canonical form, the chain entry and the offline bundle verifier
 * depend on no framework and no database, so that they verify exactly what the README describes.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.zhenggai.audit");

    @Test
    void theChainRulesAndTheOfflineVerifierDependOnNoFrameworkOrStore() {
        noClasses().that().resideInAPackage("cn.zhenggai.audit.chain")
                .or().haveNameMatching(".*\\.(BundleVerifier|VerifyBundle)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "com.mongodb..", "org.bson..", "org.apache.kafka..", "cn.zhenggai.platform..",
                        "cn.zhenggai.audit.log..")
                .check(classes);
    }

    @Test
    void theLogKnowsNothingOfItsReaders() {
        noClasses().that().resideInAPackage("cn.zhenggai.audit.log")
                .should().dependOnClassesThat().resideInAnyPackage("cn.zhenggai.audit.export..",
                        "cn.zhenggai.audit.timeline..", "cn.zhenggai.audit.integrity..")
                .check(classes);
    }

    @Test
    void theTimeTravelFoldsArePureFunctionsOverTypeAndPayload() {
        noClasses().that().haveNameMatching("cn\\.zhenggai\\.audit\\.timetravel\\."
                        + "(Fact|AuditEvents|ItemStates|ReportFold|LedgerRows|LedgerDiff)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                        "com.mongodb..", "org.bson..", "org.apache.kafka..", "cn.zhenggai.platform..",
                        "cn.zhenggai.audit.log..", "cn.zhenggai.rectification..", "cn.zhenggai.report..")
                .check(classes);
    }
}

package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureSourceLinked;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.rectification.measure.Commands.CheckEvidenceUpload;
import cn.zhenggai.rectification.measure.Commands.LinkSource;
import cn.zhenggai.rectification.measure.Commands.PlanFinding;
import cn.zhenggai.rectification.measure.Commands.ReportProgress;
import cn.zhenggai.rectification.measure.SupervisionTimers.SupervisionCheck;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.zhenggai.rectification.measure.MeasureFixtures.ASSIGNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.COMPLETED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEPARTMENTS;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ID;
import static cn.zhenggai.rectification.measure.MeasureFixtures.LIAISON;
import static cn.zhenggai.rectification.measure.MeasureFixtures.OTHER_DEPT;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PLANNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** Items from 巡察/审计 findings and further sources linked to an item; progress with evidence files. */
class FindingsAndEvidenceTest {

    private static final String FINDING = "部分采购项目验收记录不全。";
    private static final String FID = MeasureIds.fromFinding(FINDING);
    private static final LocalDate DUE = LocalDate.parse("2023-12-31");
    private static final PlanFinding AUDIT = new PlanFinding(FID, MeasurePlanned.SOURCE_AUDIT, "区审计局〔2023〕5号",
            null, FINDING, "规范政府采购程序", "建立采购台账，逐笔核对合同与验收记录。", "CZJ", List.of("XZSPJ", "CZJ"),
            "李*", DUE, null, TODAY, "demo-party");
    private static final MeasurePlanned AUDIT_PLANNED = new MeasurePlanned(FID, "CZJ", MeasurePlanned.SOURCE_AUDIT,
            null, null, "CZJ", null, null, 1, "规范政府采购程序", "建立采购台账，逐笔核对合同与验收记录。", List.of(),
            "2023-12-31", null, "李*", "CZJ", List.of("XZSPJ"), List.of(),
            List.of(new MeasurePlanned.Problem("fnd-" + FID.substring(4), "区审计局〔2023〕5号", 1, FINDING)));
    private static final MeasureAssigned AUDIT_ASSIGNED = new MeasureAssigned(FID, "CZJ", "CZJ", List.of("XZSPJ"),
            "李*", "2023-12-31", false, null, "demo-party");
    private static final ProgressReported.Evidence PDF = new ProgressReported.Evidence("evd-1", "学习记录.pdf",
            "application/pdf", 48213L, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    private AggregateTestFixture<Measure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Measure.class);
        fixture.registerInjectableResource(DEPARTMENTS);
        fixture.registerInjectableResource(SupervisionSchedule.DEFAULT);
    }

    // ---------------------------------------------------------------- findings

    @Test
    void aFindingBecomesAnAssignedItemUnderSupervision() {
        fixture.givenNoPriorActivity()
                .when(AUDIT)
                .expectEvents(AUDIT_PLANNED, AUDIT_ASSIGNED)
                .expectResultMessagePayload("PLANNED")
                .expectScheduledDeadlineWithName(Measure.overdueAt(DUE), Measure.OVERDUE)
                .expectScheduledDeadline(DUE.minusDays(7).atStartOfDay(Measure.ZONE).toInstant(),
                        new SupervisionCheck("2023-12-31", "YELLOW"));
    }

    @Test
    void theSameFindingFromAnotherSourceIsLinkedAndTheSameSourceAgainChangesNothing() {
        assertThat(MeasureIds.fromFinding(" 部分采购项目验收记录不全 ")).isEqualTo(FID);
        fixture.given(AUDIT_PLANNED, AUDIT_ASSIGNED)
                .when(new PlanFinding(FID, MeasurePlanned.SOURCE_INSPECTION, "区委第二巡察组〔2023〕3号", null,
                        FINDING, "规范政府采购程序", null, "CZJ", List.of(), "李*", DUE, null, TODAY, "demo-party"))
                .expectEvents(new MeasureSourceLinked(FID, "CZJ", MeasurePlanned.SOURCE_INSPECTION,
                        "区委第二巡察组〔2023〕3号", FINDING))
                .expectResultMessagePayload("LINKED");
        fixture.given(AUDIT_PLANNED, AUDIT_ASSIGNED)
                .when(AUDIT)
                .expectNoEvents()
                .expectResultMessagePayload("UNCHANGED");
    }

    @Test
    void aFindingIsLinkedToAnItemOfAReport() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new LinkSource(ID, MeasurePlanned.SOURCE_INSPECTION, "区委第二巡察组〔2023〕3号", "理论学习制度执行不严格。"))
                .expectEvents(new MeasureSourceLinked(ID, "XZSPJ", MeasurePlanned.SOURCE_INSPECTION,
                        "区委第二巡察组〔2023〕3号", "理论学习制度执行不严格。"));
        fixture.given(PLANNED, ASSIGNED, new MeasureSourceLinked(ID, "XZSPJ", MeasurePlanned.SOURCE_INSPECTION,
                        "区委第二巡察组〔2023〕3号", "理论学习制度执行不严格。"))
                .when(new LinkSource(ID, MeasurePlanned.SOURCE_INSPECTION, "区委第二巡察组〔2023〕3号", "理论学习制度执行不严格。"))
                .expectNoEvents();
        setUp();
        fixture.givenNoPriorActivity()
                .when(new LinkSource(ID, MeasurePlanned.SOURCE_AUDIT, "x", "问题。"))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aFindingIsRefusedWithAnUnknownDepartmentAPastDeadlineAnUnknownSourceOrNoText() {
        fixture.givenNoPriorActivity()
                .when(new PlanFinding(FID, MeasurePlanned.SOURCE_AUDIT, "r", null, FINDING, "措施", null, "NOPE",
                        List.of(), "李*", DUE, null, TODAY, "demo-party"))
                .expectException(Refusal.class).expectExceptionMessage("部门不存在：NOPE").expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PlanFinding(FID, MeasurePlanned.SOURCE_AUDIT, "r", null, FINDING, "措施", null, "CZJ",
                        List.of(), "李*", TODAY.minusDays(1), null, TODAY, "demo-party"))
                .expectException(Refusal.class).expectExceptionMessage("完成时限不能早于今天：2023-04-30")
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PlanFinding(FID, "REPORT", "r", null, FINDING, "措施", null, "CZJ", List.of(), "李*", DUE,
                        null, TODAY, "demo-party"))
                .expectException(Refusal.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PlanFinding(FID, MeasurePlanned.SOURCE_AUDIT, "r", null, " ", "措施", null, "CZJ", List.of(),
                        "李*", DUE, null, TODAY, "demo-party"))
                .expectException(Refusal.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PlanFinding(FID, MeasurePlanned.SOURCE_AUDIT, "r", null, FINDING, "措施", null, "CZJ",
                        List.of(), "李*", null, null, TODAY, "demo-party"))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void aLongTermFindingHasAReviewPeriod() {
        fixture.givenNoPriorActivity()
                .when(new PlanFinding(FID, MeasurePlanned.SOURCE_INSPECTION, null, "f-1", FINDING, "规范政府采购程序",
                        null, "CZJ", List.of(), "李*", null, 6, TODAY, "demo-org"))
                .expectEvents(new MeasurePlanned(FID, "CZJ", MeasurePlanned.SOURCE_INSPECTION, null, null, "CZJ", null,
                                null, 1, "规范政府采购程序", "规范政府采购程序", List.of(), null, "长期坚持", "李*", "CZJ",
                                List.of(), List.of(), List.of(new MeasurePlanned.Problem("f-1", null, 1, FINDING))),
                        new MeasureAssigned(FID, "CZJ", "CZJ", List.of(), "李*", null, true, 6, "demo-org"));
    }

    // ---------------------------------------------------------------- evidence

    @Test
    void progressRecordsItsEvidenceFiles() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new ReportProgress(ID, "已开展三次集中学习。", List.of(PDF), LIAISON))
                .expectEvents(new ProgressReported(ID, "XZSPJ", "已开展三次集中学习。", "demo-dept", "XZSPJ",
                        List.of(PDF)));
    }

    @Test
    void tooManyOrRepeatedEvidenceFilesAreRefused() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new ReportProgress(ID, "进展。", List.of(PDF, PDF), LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("同一佐证材料不能重复引用")
                .expectNoEvents();
        List<ProgressReported.Evidence> many = new java.util.ArrayList<>();
        for (int i = 0; i <= Measure.MAX_EVIDENCE; i++) {
            many.add(new ProgressReported.Evidence("evd-" + i, "f.pdf", "application/pdf", 1, "00"));
        }
        fixture.given(PLANNED, ASSIGNED)
                .when(new ReportProgress(ID, "进展。", many, LIAISON))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void evidenceMayBeUploadedByTheLeadAndCooperatingDepartmentsOfAnItemInProgressOnly() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new CheckEvidenceUpload(ID, LIAISON))
                .expectNoEvents().expectResultMessagePayload("XZSPJ");
        fixture.given(PLANNED, ASSIGNED)
                .when(new CheckEvidenceUpload(ID, new Actor("zzb-liaison", "ZZB", true, false)))
                .expectNoEvents().expectResultMessagePayload("XZSPJ");
        fixture.given(PLANNED, ASSIGNED)
                .when(new CheckEvidenceUpload(ID, OTHER_DEPT))
                .expectException(Refusal.class).expectExceptionMessage("整改事项不存在：" + ID)
                .expectNoEvents();
        fixture.given(PLANNED)
                .when(new CheckEvidenceUpload(ID, LIAISON))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, COMPLETED)
                .when(new CheckEvidenceUpload(ID, LIAISON))
                .expectException(Refusal.class).expectNoEvents();
    }
}

package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.rectification.measure.Commands.AssignMeasure;
import cn.zhenggai.rectification.measure.Commands.CompleteMeasure;
import cn.zhenggai.rectification.measure.Commands.PlanMeasure;
import cn.zhenggai.rectification.measure.Commands.RejectMeasure;
import cn.zhenggai.rectification.measure.Commands.ReopenMeasure;
import cn.zhenggai.rectification.measure.Commands.ReportProgress;
import cn.zhenggai.rectification.measure.Commands.VerifyMeasure;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static cn.zhenggai.rectification.measure.MeasureFixtures.ASSIGN;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ASSIGNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.COMPLETED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEADLINE;
import static cn.zhenggai.rectification.measure.MeasureFixtures.DEPARTMENTS;
import static cn.zhenggai.rectification.measure.MeasureFixtures.HEAD;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ID;
import static cn.zhenggai.rectification.measure.MeasureFixtures.LIAISON;
import static cn.zhenggai.rectification.measure.MeasureFixtures.ORG;
import static cn.zhenggai.rectification.measure.MeasureFixtures.OTHER_DEPT;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY_2;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PARTY_LIAISON;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PLAN;
import static cn.zhenggai.rectification.measure.MeasureFixtures.PLANNED;
import static cn.zhenggai.rectification.measure.MeasureFixtures.TODAY;

/**
 * planned → assigned → progress → completed → verified (销号), rejection and reopening, and every refusal on the
 * way: each refused command raises Refusal with its code and applies nothing.
 */
class MeasureLifecycleTest {

    private AggregateTestFixture<Measure> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Measure.class);
        fixture.registerInjectableResource(DEPARTMENTS);
        fixture.registerInjectableResource(SupervisionSchedule.DEFAULT);
    }

    /** A fresh fixture: the stub deadline manager keeps its clock and schedules across scenarios of one test. */
    private AggregateTestFixture<Measure> fresh() {
        setUp();
        return fixture;
    }

    // ---------------------------------------------------------------- planning

    @Test
    void aMeasureOfAnAcceptedReportIsPlannedOnce() {
        fixture.givenNoPriorActivity()
                .when(PLAN)
                .expectEvents(PLANNED)
                .expectResultMessagePayload(true);
        fixture.given(PLANNED)
                .when(PLAN)
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aKnownProposedLeadDepartmentHoldsTheItemAnUnknownOneIsKeptOnlyAsProposed() {
        PlanMeasure known = new PlanMeasure(ID, "rpt-1", "msr-1", "XZSPJ", "demo-dept", 2022, 1, "标题", null, null,
                null, null, null, "CZJ", null, null, null);
        fixture.givenNoPriorActivity().when(known).expectEvents(new MeasurePlanned(ID, "CZJ",
                MeasurePlanned.SOURCE_REPORT, "rpt-1", "msr-1", "XZSPJ", "demo-dept", 2022, 1, "标题", "", List.of(),
                null, null, null, "CZJ", List.of(), List.of(), List.of()));
        PlanMeasure unknown = new PlanMeasure(ID, "rpt-1", "msr-1", "XZSPJ", "demo-dept", 2022, 1, "标题", null,
                null, null, null, null, "局办公室", null, null, null);
        fixture.givenNoPriorActivity().when(unknown).expectEvents(new MeasurePlanned(ID, "XZSPJ",
                MeasurePlanned.SOURCE_REPORT, "rpt-1", "msr-1", "XZSPJ", "demo-dept", 2022, 1, "标题", "", List.of(),
                null, null, null, "局办公室", List.of(), List.of(), List.of()));
    }

    @Test
    void aMeasureWithoutTitleIsNotPlanned() {
        PlanMeasure untitled = new PlanMeasure(ID, "rpt-1", "msr-1", "XZSPJ", "demo-dept", 2022, 1, " ", null, null,
                null, null, null, null, null, null, null);
        fixture.givenNoPriorActivity().when(untitled)
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void theDerivedIdIsTheSameForTheSameReportAndMeasure() {
        org.assertj.core.api.Assertions.assertThat(MeasureIds.fromReport("rpt-1", "msr-1"))
                .isEqualTo(MeasureIds.fromReport("rpt-1", "msr-1"))
                .isNotEqualTo(MeasureIds.fromReport("rpt-1", "msr-2"))
                .isNotEqualTo(MeasureIds.fromReport("rpt-2", "msr-1"))
                .matches("mea-[0-9a-f-]{36}");
    }

    // ---------------------------------------------------------------- assignment

    @Test
    void theDepartmentAssignsWithADeadlineAndTheOverdueTimerIsSet() {
        fixture.given(PLANNED)
                .when(ASSIGN)
                .expectEvents(ASSIGNED)
                .expectScheduledDeadlineWithName(Measure.overdueAt(DEADLINE), Measure.OVERDUE);
        org.assertj.core.api.Assertions.assertThat(Measure.overdueAt(DEADLINE))
                .isEqualTo(java.time.Instant.parse("2023-06-30T16:00:00Z"));
    }

    @Test
    void aLongTermItemHasAReviewPeriodAndOnlyAReviewTimer() {
        fixture.givenCurrentTime(java.time.Instant.parse("2023-05-01T02:00:00Z"))
                .andGiven(PLANNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of(), "张*", null, true, 6, TODAY, LIAISON))
                .expectEvents(new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of(), "张*", null, true, 6,
                        "demo-dept"))
                .expectScheduledDeadline(java.time.Instant.parse("2023-10-31T16:00:00Z"), new SupervisionTimers.ReviewDue("2023-11-01", 6));
        fixture.given(PLANNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of(), "张*", null, true, null, TODAY, LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("长期坚持的事项须设定1至12个月的评估周期")
                .expectNoEvents();
        fixture.given(PLANNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of(), "张*", DEADLINE, true, 6, TODAY, LIAISON))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of(), "张*", null, false, null, TODAY, LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("请指定完成时限，或标为长期坚持")
                .expectNoEvents();
    }

    @Test
    void aDeadlineInThePastIsRefused() {
        fixture.given(PLANNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of(), "张*", TODAY.minusDays(1), false, null, TODAY,
                        LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("完成时限不能早于今天：2023-04-30")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
        fixture.given(PLANNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of(), "张*", TODAY, false, null, TODAY, LIAISON))
                .expectEvents(new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of(), "张*", "2023-05-01", false, null,
                        "demo-dept"));
    }

    @Test
    void anUnknownDepartmentIsRefused() {
        fixture.given(PLANNED)
                .when(new AssignMeasure(ID, "NOPE", List.of(), "张*", DEADLINE, false, null, TODAY, LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("部门不存在：NOPE")
                .expectNoEvents();
        fixture.given(PLANNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB", "NOPE"), "张*", DEADLINE, false, null, TODAY,
                        LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("部门不存在：NOPE")
                .expectNoEvents();
    }

    @Test
    void anotherDepartmentsItemIsRefused() {
        // it answers as an unknown id would (ADR 0072; MeasureScopeTest goes through every command)
        fixture.given(PLANNED)
                .when(new AssignMeasure(ID, "CZJ", List.of(), "李*", DEADLINE, false, null, TODAY, OTHER_DEPT))
                .expectException(Refusal.class).expectExceptionMessage("整改事项不存在：" + ID)
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new ReportProgress(ID, "进展。", OTHER_DEPT))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new CompleteMeasure(ID, "完成。", OTHER_DEPT))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new CompleteMeasure(ID, "完成。", ORG))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void thePartyCommitteeHandsTheItemToAnotherDepartmentWhichThenKeepsIt() {
        // ADR 0073: after the first assignment only the party committee moves an item (LeadChangeTest)
        MeasureAssigned handedOver = new MeasureAssigned(ID, "CZJ", "CZJ", List.of("XZSPJ"), "李*", "2023-06-30",
                false, null, "demo-party");
        fixture.given(PLANNED, ASSIGNED)
                .when(new AssignMeasure(ID, "CZJ", List.of("XZSPJ", "CZJ"), "李*", DEADLINE, false, null, TODAY,
                        PARTY))
                .expectEvents(handedOver)
                .expectNoScheduledDeadlines();
        fixture.given(PLANNED, ASSIGNED, handedOver)
                .when(new CompleteMeasure(ID, "完成。", LIAISON))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, handedOver)
                .when(new ReportProgress(ID, "配合完成了学习材料的印发。", LIAISON))
                .expectEvents(new ProgressReported(ID, "CZJ", "配合完成了学习材料的印发。", "demo-dept", "XZSPJ"));
    }

    @Test
    void onceAssignedTheDeadlineChangesOnlyThroughTheParty() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", DEADLINE.plusMonths(3), false, null,
                        TODAY, LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("已分派事项的完成时限须经党委批准延期后才能变更")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "张*", DEADLINE.plusMonths(3), false, null,
                        TODAY, PARTY))
                .expectEvents(new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of("ZZB"), "张*", "2023-09-30", false,
                        null, "demo-party"))
                .expectScheduledDeadlineWithName(Measure.overdueAt(LocalDate.parse("2023-09-30")), Measure.OVERDUE);
        fresh().given(PLANNED, ASSIGNED)
                .when(new AssignMeasure(ID, "XZSPJ", List.of("ZZB"), "王*", DEADLINE, false, null,
                        DEADLINE.plusDays(5), LIAISON))
                .expectEvents(new MeasureAssigned(ID, "XZSPJ", "XZSPJ", List.of("ZZB"), "王*", "2023-06-30", false,
                        null, "demo-dept"))
                .expectNoScheduledDeadlines();
        fixture.given(PLANNED, ASSIGNED)
                .when(ASSIGN)
                .expectNoEvents();
    }

    @Test
    void aClosedItemIsNotReassigned() {
        fixture.given(PLANNED, ASSIGNED, COMPLETED)
                .when(ASSIGN)
                .expectException(Refusal.class).expectNoEvents();
    }

    // ---------------------------------------------------------------- progress and completion

    @Test
    void theLeadAndCooperatingDepartmentsReportProgress() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new ReportProgress(ID, " 已开展三次集中学习。 ", LIAISON))
                .expectEvents(new ProgressReported(ID, "XZSPJ", "已开展三次集中学习。", "demo-dept", "XZSPJ"));
        Actor zzb = new Actor("zzb-liaison", "ZZB", true, false);
        fixture.given(PLANNED, ASSIGNED)
                .when(new ReportProgress(ID, "已提供学习材料。", zzb))
                .expectEvents(new ProgressReported(ID, "XZSPJ", "已提供学习材料。", "zzb-liaison", "ZZB"));
    }

    @Test
    void progressNeedsAnAssignedItemAndText() {
        fixture.given(PLANNED)
                .when(new ReportProgress(ID, "进展。", LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("事项尚未分派，不能报告进展")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new ReportProgress(ID, " ", LIAISON))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void theDepartmentCompletesAnItemInProgress() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new CompleteMeasure(ID, "全年开展理论学习12次。", LIAISON))
                .expectEvents(COMPLETED);
    }

    @Test
    void aVerifiedItemCannotBeCompletedAgain() {
        fixture.given(PLANNED, ASSIGNED, COMPLETED, new MeasureVerified(ID, "XZSPJ", "demo-party", null))
                .when(new CompleteMeasure(ID, "再次完成。", LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("该事项已销号，不能再次完成")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, COMPLETED)
                .when(new CompleteMeasure(ID, "再次完成。", LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("该事项已完成，等待党委验收")
                .expectNoEvents();
        fixture.given(PLANNED)
                .when(new CompleteMeasure(ID, "完成。", LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("事项尚未分派，不能完成")
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- verification (销号)

    @Test
    void thePartyCommitteeVerifiesACompletedItem() {
        fixture.given(PLANNED, ASSIGNED, COMPLETED)
                .when(new VerifyMeasure(ID, " 整改到位，同意销号。 ", PARTY))
                .expectEvents(new MeasureVerified(ID, "XZSPJ", "demo-party", "整改到位，同意销号。"));
    }

    @Test
    void onlyThePartyCommitteeVerifies() {
        fixture.given(PLANNED, ASSIGNED, COMPLETED)
                .when(new VerifyMeasure(ID, null, HEAD))
                .expectException(Refusal.class).expectExceptionMessage("只有党委可以验收整改事项")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, COMPLETED)
                .when(new VerifyMeasure(ID, null, ORG))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void whoeverCompletedAnItemCannotVerifyIt() {
        MeasureCompleted byDual = new MeasureCompleted(ID, "XZSPJ", "完成。", "dual", "2023-06-30", false);
        fixture.given(PLANNED, ASSIGNED)
                .when(new CompleteMeasure(ID, "完成。", PARTY_LIAISON))
                .expectEvents(byDual);
        fixture.given(PLANNED, ASSIGNED, byDual)
                .when(new VerifyMeasure(ID, null, PARTY_LIAISON))
                .expectException(Refusal.class).expectExceptionMessage("不能验收本人完成的整改事项")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, byDual)
                .when(new RejectMeasure(ID, List.of("不行。"), PARTY_LIAISON))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, byDual)
                .when(new VerifyMeasure(ID, null, PARTY))
                .expectEvents(new MeasureVerified(ID, "XZSPJ", "demo-party", null));
    }

    @Test
    void onlyACompletedItemIsVerified() {
        fixture.given(PLANNED, ASSIGNED)
                .when(new VerifyMeasure(ID, null, PARTY))
                .expectException(Refusal.class).expectExceptionMessage("事项当前状态为“整改中”，不能验收销号")
                .expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, COMPLETED, new MeasureVerified(ID, "XZSPJ", "demo-party", null))
                .when(new VerifyMeasure(ID, null, PARTY_2))
                .expectException(Refusal.class).expectNoEvents();
    }

    // ---------------------------------------------------------------- rejection and reopening

    @Test
    void aRejectedCompletionIsReopenedWithItsReasons() {
        fixture.given(PLANNED, ASSIGNED, COMPLETED)
                .when(new RejectMeasure(ID, List.of(" 缺少学习记录佐证材料。 ", " ", "未覆盖全体党员。"), PARTY))
                .expectEvents(new MeasureRejected(ID, "XZSPJ", "demo-party", List.of("缺少学习记录佐证材料。", "未覆盖全体党员。")),
                        new MeasureReopened(ID, "XZSPJ", "demo-party", "缺少学习记录佐证材料。；未覆盖全体党员。"));
        fixture.given(PLANNED, ASSIGNED, COMPLETED,
                        new MeasureRejected(ID, "XZSPJ", "demo-party", List.of("缺少材料。")),
                        new MeasureReopened(ID, "XZSPJ", "demo-party", "缺少材料。"))
                .when(new CompleteMeasure(ID, "补充了学习记录。", LIAISON))
                .expectEvents(new MeasureCompleted(ID, "XZSPJ", "补充了学习记录。", "demo-dept", "2023-06-30", false));
    }

    @Test
    void aRejectionNeedsReasonsACompletedItemAndTheParty() {
        fixture.given(PLANNED, ASSIGNED, COMPLETED)
                .when(new RejectMeasure(ID, List.of(" "), PARTY))
                .expectException(Refusal.class).expectExceptionMessage("退回须写明理由").expectNoEvents();
        fixture.given(PLANNED, ASSIGNED)
                .when(new RejectMeasure(ID, List.of("不行。"), PARTY))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, COMPLETED)
                .when(new RejectMeasure(ID, List.of("不行。"), HEAD))
                .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void thePartyReopensAVerifiedItem() {
        MeasureVerified verified = new MeasureVerified(ID, "XZSPJ", "demo-party", null);
        fixture.given(PLANNED, ASSIGNED, COMPLETED, verified)
                .when(new ReopenMeasure(ID, "巡察发现问题反弹。", PARTY_2))
                .expectEvents(new MeasureReopened(ID, "XZSPJ", "party-2", "巡察发现问题反弹。"));
        fixture.given(PLANNED, ASSIGNED, COMPLETED, verified)
                .when(new ReopenMeasure(ID, "问题反弹。", LIAISON))
                .expectException(Refusal.class).expectNoEvents();
        fixture.given(PLANNED, ASSIGNED, COMPLETED)
                .when(new ReopenMeasure(ID, "问题反弹。", PARTY))
                .expectException(Refusal.class).expectExceptionMessage("只有已销号的事项可以重新打开")
                .expectNoEvents();
    }
}

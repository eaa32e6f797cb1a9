package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.CleanAreasDeclared;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.report.PersonalMattersRead;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ProblemRevised;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;
import cn.zhenggai.report.drafting.Commands.ActionDraft;
import cn.zhenggai.report.drafting.Commands.AnalyzeRootCause;
import cn.zhenggai.report.drafting.Commands.CarryOverGroup;
import cn.zhenggai.report.drafting.Commands.DeclareCleanAreas;
import cn.zhenggai.report.drafting.Commands.DeclarePersonalMatters;
import cn.zhenggai.report.drafting.Commands.MeasureDraft;
import cn.zhenggai.report.drafting.Commands.ProposeMeasure;
import cn.zhenggai.report.drafting.Commands.Reader;
import cn.zhenggai.report.drafting.Commands.RecordPersonalMattersRead;
import cn.zhenggai.report.drafting.Commands.ReviseProblem;
import cn.zhenggai.report.drafting.Commands.SealedMatters;
import cn.zhenggai.report.drafting.Commands.StateCarryOver;
import cn.zhenggai.report.drafting.Commands.WithdrawProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/** Every content command of a report, and each of its refusals, given/when/then without Spring. */
class ReportContentTest {

    static final Editor LIAISON = Editor.member("demo-dept", "XZSPJ");
    static final Editor OTHER_DEPT = Editor.member("someone", "CZJ");
    static final ReportDrafted DRAFTED = new ReportDrafted("r1", "2022年度民主生活会发言提纲", 2022, "demo-dept", "XZSPJ");
    static final ProblemIdentified P1 = new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 1, "问题一。", "事例一。");
    static final ProblemIdentified P2 = new ProblemIdentified("r1", "p2", "XZSPJ", "主题", 2, "问题二。", null);
    static final RootCauseAnalyzed RC1 = new RootCauseAnalyzed("r1", "rc1", "XZSPJ", 1, "学习意识还不够强", "分析。",
            List.of("p1"));
    static final MeasureProposed M1 = new MeasureProposed("r1", "m1", "XZSPJ", 1, "强化理论武装", "内容。",
            List.of(new MeasureProposed.Action("每月学习一次。", "2023-06-30", "2023年6月底前")), "2023-06-30",
            "2023年6月底前", "张*", "XZSPJ", List.of("ZZB"), List.of("rc1"));
    static final SealedMatters SEALED = new SealedMatters("demo-dept", 1, "AES-256-GCM", "bm9uY2U=", "Y2lwaGVy");

    private AggregateTestFixture<Report> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Report.class);
    }

    @Test
    void aReportForAMeetingReferencesItAndItsNotice() {
        fixture.givenNoPriorActivity()
                .when(new DraftReport("r1", "2022年度民主生活会发言提纲", 2022, "mtg-1", " *发〔2022〕12号 ", LIAISON))
                .expectEvents(DRAFTED, new MeetingReferenced("r1", "XZSPJ", "mtg-1", "*发〔2022〕12号"));
    }

    @Test
    void aProblemIsRevisedAndAnUnchangedRevisionRecordsNothing() {
        fixture.given(DRAFTED, P1)
                .when(new ReviseProblem("r1", "p1", "主题", 1, "问题一（修改）。", "事例一。", LIAISON))
                .expectEvents(new ProblemRevised("r1", "p1", "XZSPJ", "主题", 1, "问题一（修改）。", "事例一。"));
        fixture.given(DRAFTED, P1)
                .when(new ReviseProblem("r1", "p1", " 主题 ", 1, "问题一。", "事例一。", LIAISON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRevisionMayNotTakeAnotherProblemsOrdinalButMayFreeItsOwn() {
        fixture.given(DRAFTED, P1, P2)
                .when(new ReviseProblem("r1", "p2", "主题", 1, "问题二。", null, LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("“主题”方面已有第1个问题")
                .expectNoEvents();
        fixture.given(DRAFTED, P1, new ProblemRevised("r1", "p1", "XZSPJ", "主题", 3, "问题一。", null))
                .when(new IdentifyProblem("r1", "p3", "主题", 1, "新问题。", null, LIAISON))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void revisingOrWithdrawingAnUnknownOrWithdrawnProblemIsRefused() {
        fixture.given(DRAFTED)
                .when(new ReviseProblem("r1", "nope", "主题", 1, "问题。", null, LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(DRAFTED, P1, new ProblemWithdrawn("r1", "p1", "XZSPJ", null))
                .when(new WithdrawProblem("r1", "p1", "重复", LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void aWithdrawnProblemFreesItsOrdinalButNotItsId() {
        fixture.given(DRAFTED, P1)
                .when(new WithdrawProblem("r1", "p1", " 与问题二重复 ", LIAISON))
                .expectEvents(new ProblemWithdrawn("r1", "p1", "XZSPJ", "与问题二重复"));
        fixture.given(DRAFTED, P1, new ProblemWithdrawn("r1", "p1", "XZSPJ", null))
                .when(new IdentifyProblem("r1", "p9", "主题", 1, "新问题。", null, LIAISON))
                .expectSuccessfulHandlerExecution();
        fixture.given(DRAFTED, P1, new ProblemWithdrawn("r1", "p1", "XZSPJ", null))
                .when(new IdentifyProblem("r1", "p1", "主题", 5, "新问题。", null, LIAISON))
                .expectException(Refusal.class);
    }

    @Test
    void aRootCauseIsLinkedToExistingProblemsOnly() {
        fixture.given(DRAFTED, P1)
                .when(new AnalyzeRootCause("r1", "rc1", " 学习意识还不够强 ", "分析。", List.of("p1"), LIAISON))
                .expectEvents(RC1);
        fixture.given(DRAFTED, P1)
                .when(new AnalyzeRootCause("r1", "rc1", "学习意识还不够强", "分析。", List.of("p7"), LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("根源关联的问题不存在：p7")
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1)
                .when(new AnalyzeRootCause("r1", "rc1", "again", null, List.of(), LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(DRAFTED)
                .when(new AnalyzeRootCause("r1", "rc1", " ", null, List.of(), LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void anImportedRootCauseIsLinkedLaterByRevisingIt() {
        RootCauseAnalyzed unlinked = new RootCauseAnalyzed("r1", "rc1", "XZSPJ", 1, "学习意识还不够强", "分析。", List.of());
        fixture.given(DRAFTED, P1, unlinked)
                .when(new Commands.ReviseRootCause("r1", "rc1", "学习意识还不够强", "分析。", List.of("p1"), LIAISON))
                .expectEvents(RC1);
        fixture.given(DRAFTED, P1, RC1)
                .when(new Commands.ReviseRootCause("r1", "rc1", "学习意识还不够强", "分析。", List.of("p1"), LIAISON))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(DRAFTED, P1)
                .when(new Commands.ReviseRootCause("r1", "rc9", "根源", null, List.of(), LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1)
                .when(new Commands.ReviseRootCause("r1", "rc1", "根源", null, List.of("p7"), LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void aMeasureIsRevisedInPlace() {
        MeasureDraft revised = new MeasureDraft("强化理论武装", "新的内容。", List.of(), null, "长期坚持", null, "XZSPJ",
                List.of(), List.of("rc1"));
        fixture.given(DRAFTED, P1, RC1, M1)
                .when(new Commands.ReviseMeasure("r1", "m1", revised, LIAISON))
                .expectEvents(new MeasureProposed("r1", "m1", "XZSPJ", 1, "强化理论武装", "新的内容。", List.of(), null,
                        "长期坚持", null, "XZSPJ", List.of(), List.of("rc1")));
        fixture.given(DRAFTED, P1, RC1)
                .when(new Commands.ReviseMeasure("r1", "m1", revised, LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void cleanAreasAreDeclaredWithoutBlanksOrRepeats() {
        fixture.given(DRAFTED)
                .when(new DeclareCleanAreas("r1", List.of("厉行节约", " 保密工作 ", "厉行节约"), LIAISON))
                .expectEvents(new CleanAreasDeclared("r1", "XZSPJ", List.of("厉行节约", "保密工作")));
        fixture.given(DRAFTED)
                .when(new DeclareCleanAreas("r1", List.of("厉行节约", ""), LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void theCarryOverIsStatedGroupByGroup() {
        fixture.given(DRAFTED)
                .when(new StateCarryOver("r1", List.of(new CarryOverGroup("针对其他方面查摆出的1个突出问题", "其他",
                        List.of("认真调查研究。"))), LIAISON))
                .expectEvents(new CarryOverStated("r1", "XZSPJ", List.of(new CarryOverStated.Group(
                        "针对其他方面查摆出的1个突出问题", "其他", List.of("认真调查研究。")))));
        fixture.given(DRAFTED)
                .when(new StateCarryOver("r1", List.of(new CarryOverGroup("标题", null, List.of())), LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void aMeasureAnswersExistingRootCausesWithValidDeadlines() {
        MeasureDraft draft = new MeasureDraft("强化理论武装", "内容。",
                List.of(new ActionDraft("每月学习一次。", "2023-06-30", "2023年6月底前")), "2023-06-30", "2023年6月底前",
                "张*", "XZSPJ", List.of("ZZB", " ", "ZZB"), List.of("rc1"));
        fixture.given(DRAFTED, P1, RC1)
                .when(new ProposeMeasure("r1", "m1", draft, LIAISON))
                .expectEvents(M1);
        fixture.given(DRAFTED, P1)
                .when(new ProposeMeasure("r1", "m1", draft, LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("措施关联的根源不存在：rc1")
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1)
                .when(new ProposeMeasure("r1", "m1", new MeasureDraft("标题", null, List.of(), "2023年6月底", null,
                        null, null, List.of(), List.of()), LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("完成时限格式应为YYYY-MM-DD：2023年6月底")
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1, M1)
                .when(new ProposeMeasure("r1", "m1", draft, LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void personalMattersAreAcceptedOnlySealedWithTheAuthorsKey() {
        fixture.given(DRAFTED)
                .when(new DeclarePersonalMatters("r1", SEALED, LIAISON))
                .expectEvents(new PersonalMattersDeclared("r1", "XZSPJ", "demo-dept", 1, "AES-256-GCM", "bm9uY2U=",
                        "Y2lwaGVy"));
        fixture.given(DRAFTED)
                .when(new DeclarePersonalMatters("r1", new SealedMatters("demo-dept", 1, "none", "", "本人没有配备秘书。"),
                        LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(DRAFTED)
                .when(new DeclarePersonalMatters("r1", new SealedMatters("someone", 1, "AES-256-GCM", "bm9uY2U=",
                        "Y2lwaGVy"), LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void onlyTheAuthorDeclaresPersonalMattersNotAColleagueNorACrossDepartmentRole() {
        fixture.given(DRAFTED)
                .when(new DeclarePersonalMatters("r1", SEALED, Editor.member("demo-head", "XZSPJ")))
                .expectException(Refusal.class)
                .expectExceptionMessage("个人有关事项只能由报告作者本人申报")
                .expectNoEvents();
        for (Editor crossDepartment : List.of(Editor.member("demo-party", "DW"), Editor.reviewer("demo-org", "ZZB"))) {
            fixture.given(DRAFTED)
                    .when(new DeclarePersonalMatters("r1", SEALED, crossDepartment))
                    .expectException(Refusal.class)
                    .expectExceptionMessage("不能修改其他部门的报告")
                    .expectNoEvents();
        }
    }

    @Test
    void everyReadOfPersonalMattersIsRecordedAndOnlyTheEntitledMayRead() {
        PersonalMattersDeclared declared = new PersonalMattersDeclared("r1", "XZSPJ", "demo-dept", 1, "AES-256-GCM",
                "bm9uY2U=", "Y2lwaGVy");
        fixture.given(DRAFTED, declared)
                .when(new RecordPersonalMattersRead("r1", new Reader("demo-dept", false, false), "VIEW"))
                .expectEvents(new PersonalMattersRead("r1", "XZSPJ", "demo-dept", "demo-dept", "AUTHOR", "VIEW"))
                .expectResultMessagePayload("AUTHOR");
        fixture.given(DRAFTED, declared)
                .when(new RecordPersonalMattersRead("r1", new Reader("demo-org", true, false), "EXPORT"))
                .expectEvents(new PersonalMattersRead("r1", "XZSPJ", "demo-dept", "demo-org", "ORG_DEPT", "EXPORT"));
        fixture.given(DRAFTED, declared)
                .when(new RecordPersonalMattersRead("r1", new Reader("demo-audit", false, true), "VIEW"))
                .expectEvents(new PersonalMattersRead("r1", "XZSPJ", "demo-dept", "demo-audit", "DISCIPLINE",
                        "VIEW"));
        fixture.given(DRAFTED, declared)
                .when(new RecordPersonalMattersRead("r1", new Reader("demo-party", false, false), "VIEW"))
                .expectException(Refusal.class)
                .expectExceptionMessage("个人有关事项仅限本人、组织部和纪检监察查阅")
                .expectNoEvents();
        fixture.given(DRAFTED)
                .when(new RecordPersonalMattersRead("r1", new Reader("demo-dept", false, false), "VIEW"))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void anotherDepartmentChangesNothing() {
        for (Object command : List.of(
                new ReviseProblem("r1", "p1", "主题", 1, "改。", null, OTHER_DEPT),
                new WithdrawProblem("r1", "p1", null, OTHER_DEPT),
                new AnalyzeRootCause("r1", "rc9", "根源", null, List.of(), OTHER_DEPT),
                new DeclareCleanAreas("r1", List.of("某方面"), OTHER_DEPT),
                new StateCarryOver("r1", List.of(), OTHER_DEPT),
                new DeclarePersonalMatters("r1", SEALED, OTHER_DEPT))) {
            fixture.given(DRAFTED, P1)
                    .when(command)
                    .expectException(Refusal.class)
                    .expectExceptionMessage("不能修改其他部门的报告")
                    .expectNoEvents();
        }
    }

    @Test
    void aSubmittedReportCannotBeEdited() {
        fixture.given(DRAFTED, P1, RC1, M1, new ReportSubmitted("r1", "XZSPJ", "demo-dept", 1))
                .when(new ReviseProblem("r1", "p1", "主题", 1, "改。", null, LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("报告已提交审核，退回后才能修改")
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1, M1, new ReportSubmitted("r1", "XZSPJ", "demo-dept", 1))
                .when(new IdentifyProblem("r1", "p5", "主题", 5, "新问题。", null, LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
    }
}

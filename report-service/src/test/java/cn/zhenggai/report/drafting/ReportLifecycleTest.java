package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.report.drafting.Commands.AcceptReport;
import cn.zhenggai.report.drafting.Commands.ReturnReport;
import cn.zhenggai.report.drafting.Commands.ReviseProblem;
import cn.zhenggai.report.drafting.Commands.SubmitReport;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.zhenggai.report.drafting.ReportContentTest.DRAFTED;
import static cn.zhenggai.report.drafting.ReportContentTest.LIAISON;
import static cn.zhenggai.report.drafting.ReportContentTest.M1;
import static cn.zhenggai.report.drafting.ReportContentTest.P1;
import static cn.zhenggai.report.drafting.ReportContentTest.P2;
import static cn.zhenggai.report.drafting.ReportContentTest.RC1;

/** draft → submitted → returned (reasons) → resubmitted → accepted, and every refusal on the way. */
class ReportLifecycleTest {

    private static final Editor ORG = Editor.reviewer("demo-org", "ZZB");
    private static final Editor PARTY = Editor.member("demo-party", "DW");
    private static final ReportSubmitted SUBMITTED = new ReportSubmitted("r1", "XZSPJ", "demo-dept", 1);
    private static final ReportReturned RETURNED = new ReportReturned("r1", "XZSPJ", "demo-org", 1,
            List.of("问题查摆不够具体。"));

    private AggregateTestFixture<Report> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Report.class);
    }

    @Test
    void theDepartmentSubmitsACompleteDraft() {
        fixture.given(DRAFTED, P1, RC1, M1)
                .when(new SubmitReport("r1", LIAISON))
                .expectEvents(SUBMITTED);
    }

    @Test
    void aReportWithoutProblemsOrMeasuresCannotBeSubmitted() {
        fixture.given(DRAFTED, P1)
                .when(new SubmitReport("r1", LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("报告至少需要一个问题和一项整改措施才能提交")
                .expectNoEvents();
    }

    @Test
    void onlyTheReportsOwnDepartmentSubmitsIt() {
        fixture.given(DRAFTED, P1, RC1, M1)
                .when(new SubmitReport("r1", ORG))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void aSubmittedReportCannotBeSubmittedAgain() {
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED)
                .when(new SubmitReport("r1", LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("报告当前状态为“已提交”，不能提交")
                .expectNoEvents();
    }

    @Test
    void theOrganizationDepartmentReturnsWithReasons() {
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED)
                .when(new ReturnReport("r1", List.of(" 问题查摆不够具体。 ", " "), ORG))
                .expectEvents(RETURNED);
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED)
                .when(new ReturnReport("r1", List.of(" "), ORG))
                .expectException(Refusal.class)
                .expectExceptionMessage("退回报告须说明理由")
                .expectNoEvents();
    }

    @Test
    void onlyTheOrganizationDepartmentReviews() {
        for (Editor notReviewer : List.of(LIAISON, PARTY)) {
            fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED)
                    .when(new ReturnReport("r1", List.of("理由"), notReviewer))
                    .expectException(Refusal.class)
                    .expectExceptionMessage("只有组织部可以审核报告")
                    .expectNoEvents();
            fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED)
                    .when(new AcceptReport("r1", notReviewer))
                    .expectException(Refusal.class)
                    .expectNoEvents();
        }
    }

    @Test
    void aDraftIsNeitherReturnedNorAccepted() {
        fixture.given(DRAFTED, P1, RC1, M1)
                .when(new ReturnReport("r1", List.of("理由"), ORG))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1, M1)
                .when(new AcceptReport("r1", ORG))
                .expectException(Refusal.class)
                .expectExceptionMessage("报告当前状态为“草稿”，不能审核通过")
                .expectNoEvents();
    }

    @Test
    void aReturnedReportIsEditedAndResubmittedInTheNextRound() {
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED, RETURNED)
                .when(new ReviseProblem("r1", "p1", "主题", 1, "问题一（补充事例）。", "事例。", LIAISON))
                .expectSuccessfulHandlerExecution();
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED, RETURNED)
                .when(new SubmitReport("r1", LIAISON))
                .expectEvents(new ReportSubmitted("r1", "XZSPJ", "demo-dept", 2));
    }

    @Test
    void acceptanceCarriesWhatRectificationNeedsToPlanTheMeasures() {
        MeasureProposed unlinked = new MeasureProposed("r1", "m2", "XZSPJ", 2, "强化担当", "", List.of(), null, null,
                null, null, List.of(), List.of());
        fixture.given(DRAFTED, new MeetingReferenced("r1", "XZSPJ", "mtg-1", null), P1, P2, RC1, M1, unlinked,
                        SUBMITTED, RETURNED, new ReportSubmitted("r1", "XZSPJ", "demo-dept", 2))
                .when(new AcceptReport("r1", ORG))
                .expectEvents(new ReportAccepted("r1", "XZSPJ", "demo-dept", 2022, "mtg-1", "demo-org", 2,
                        List.of(new ReportAccepted.Problem("p1", "主题", 1, "问题一。"),
                                new ReportAccepted.Problem("p2", "主题", 2, "问题二。")),
                        List.of(new ReportAccepted.Measure("m1", 1, "强化理论武装", "内容。", M1.actions(), "2023-06-30",
                                        "2023年6月底前", "张*", "XZSPJ", List.of("ZZB"), List.of("rc1"), List.of("p1")),
                                new ReportAccepted.Measure("m2", 2, "强化担当", "", List.of(), null, null, null, null,
                                        List.of(), List.of(), List.of()))));
    }

    @Test
    void aWithdrawnProblemIsNotPlanned() {
        fixture.given(DRAFTED, P1, P2, RC1, M1, new ProblemWithdrawn("r1", "p1", "XZSPJ", null), SUBMITTED)
                .when(new AcceptReport("r1", ORG))
                .expectEvents(new ReportAccepted("r1", "XZSPJ", "demo-dept", 2022, null, "demo-org", 1,
                        List.of(new ReportAccepted.Problem("p2", "主题", 2, "问题二。")),
                        List.of(new ReportAccepted.Measure("m1", 1, "强化理论武装", "内容。", M1.actions(), "2023-06-30",
                                "2023年6月底前", "张*", "XZSPJ", List.of("ZZB"), List.of("rc1"), List.of()))));
    }

    @Test
    void anAcceptedReportIsClosed() {
        ReportAccepted accepted = new ReportAccepted("r1", "XZSPJ", "demo-dept", 2022, null, "demo-org", 1, List.of(),
                List.of());
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED, accepted)
                .when(new AcceptReport("r1", ORG))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED, accepted)
                .when(new SubmitReport("r1", LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED, accepted)
                .when(new IdentifyProblem("r1", "p5", "主题", 5, "新问题。", null, LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("报告已审核通过，不能再修改")
                .expectNoEvents();
    }
}

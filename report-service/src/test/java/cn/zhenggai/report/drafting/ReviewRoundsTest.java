package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmissionWithdrawn;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.report.drafting.Commands.ReturnReport;
import cn.zhenggai.report.drafting.Commands.SubmitReport;
import cn.zhenggai.report.drafting.Commands.WithdrawSubmission;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.zhenggai.report.drafting.ReportContentTest.DRAFTED;
import static cn.zhenggai.report.drafting.ReportContentTest.LIAISON;
import static cn.zhenggai.report.drafting.ReportContentTest.M1;
import static cn.zhenggai.report.drafting.ReportContentTest.OTHER_DEPT;
import static cn.zhenggai.report.drafting.ReportContentTest.P1;
import static cn.zhenggai.report.drafting.ReportContentTest.P2;
import static cn.zhenggai.report.drafting.ReportContentTest.RC1;

/** Withdrawing a submission, and the reviewer's comments on single problems when returning a report. */
class ReviewRoundsTest {

    private static final Editor ORG = Editor.reviewer("demo-org", "ZZB");
    /** a colleague of the author's department, neither author nor delegate */
    private static final Editor COLLEAGUE = Editor.member("demo-cadre", "XZSPJ");
    private static final ReportSubmitted SUBMITTED = new ReportSubmitted("r1", "XZSPJ", "demo-dept", 1);
    private static final ReportReturned RETURNED = new ReportReturned("r1", "XZSPJ", "demo-org", 1,
            List.of("问题查摆不够具体。"));

    private AggregateTestFixture<Report> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Report.class);
    }

    @Test
    void theAuthorWithdrawsASubmissionAndSubmitsTheSameRoundAgain() {
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED)
                .when(new WithdrawSubmission("r1", LIAISON))
                .expectEvents(new ReportSubmissionWithdrawn("r1", "XZSPJ", "demo-dept", 1));
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED, new ReportSubmissionWithdrawn("r1", "XZSPJ", "demo-dept", 1))
                .when(new SubmitReport("r1", LIAISON))
                .expectEvents(new ReportSubmitted("r1", "XZSPJ", "demo-dept", 1));
        // a withdrawn report is a draft again: it can be edited
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED, new ReportSubmissionWithdrawn("r1", "XZSPJ", "demo-dept", 1))
                .when(new IdentifyProblem("r1", "p9", "主题", 9, "补充的问题。", null, LIAISON))
                .expectSuccessfulHandlerExecution();
        // a resubmission after a return, withdrawn, is submitted again as the same round
        ReportSubmitted second = new ReportSubmitted("r1", "XZSPJ", "demo-dept", 2);
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED, RETURNED, second,
                        new ReportSubmissionWithdrawn("r1", "XZSPJ", "demo-dept", 2))
                .when(new SubmitReport("r1", LIAISON))
                .expectEvents(second);
    }

    @Test
    void onlyTheAuthorWithdraws() {
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED)
                .when(new WithdrawSubmission("r1", COLLEAGUE))
                .expectException(Refusal.class)
                .expectExceptionMessage("只有报告作者本人可以撤回提交")
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED)
                .when(new WithdrawSubmission("r1", OTHER_DEPT))
                .expectException(Refusal.class)
                .expectExceptionMessage("不能撤回其他部门的报告")
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED)
                .when(new WithdrawSubmission("r1", ORG))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void onlyASubmissionNotYetDecidedIsWithdrawn() {
        fixture.given(DRAFTED, P1, RC1, M1)
                .when(new WithdrawSubmission("r1", LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("报告当前状态为“草稿”，不能撤回提交")
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED, RETURNED)
                .when(new WithdrawSubmission("r1", LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("报告当前状态为“已退回”，不能撤回提交")
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED, new ReportAccepted("r1", "XZSPJ", "demo-dept", 2022, null,
                        "demo-org", 1, List.of(), List.of()))
                .when(new WithdrawSubmission("r1", LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("报告已审核通过，不能撤回提交")
                .expectNoEvents();
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED, new ReportSubmissionWithdrawn("r1", "XZSPJ", "demo-dept", 1))
                .when(new WithdrawSubmission("r1", LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void aReturnCarriesTheCommentsOnSingleProblems() {
        Map<String, String> comments = new LinkedHashMap<>();
        comments.put("p2", "  请补充具体事例。 ");
        comments.put("p1", " ");
        fixture.given(DRAFTED, P1, P2, RC1, M1, SUBMITTED)
                .when(new ReturnReport("r1", List.of("问题查摆不够具体。"), comments, ORG))
                .expectEvents(new ReportReturned("r1", "XZSPJ", "demo-org", 1, List.of("问题查摆不够具体。"),
                        Map.of("p2", "请补充具体事例。")));
        fixture.given(DRAFTED, P1, P2, RC1, M1, SUBMITTED)
                .when(new ReturnReport("r1", List.of("问题查摆不够具体。"), null, ORG))
                .expectEvents(RETURNED);
    }

    @Test
    void aCommentOnAProblemNotInTheReportIsRefused() {
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED)
                .when(new ReturnReport("r1", List.of("理由"), Map.of("p-none", "意见"), ORG))
                .expectException(Refusal.class)
                .expectExceptionMessage("意见针对的问题不在本报告中：p-none")
                .expectNoEvents();
        fixture.given(DRAFTED, P1, P2, RC1, M1,
                        new cn.zhenggai.contracts.report.ProblemWithdrawn("r1", "p2", "XZSPJ", null), SUBMITTED)
                .when(new ReturnReport("r1", List.of("理由"), Map.of("p2", "意见"), ORG))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void anOversizedCommentIsRefused() {
        fixture.given(DRAFTED, P1, RC1, M1, SUBMITTED)
                .when(new ReturnReport("r1", List.of("理由"), Map.of("p1", "长".repeat(Report.MAX_PROBLEM_COMMENT + 1)),
                        ORG))
                .expectException(Refusal.class)
                .expectExceptionMessage("对单个问题的意见过长（最多1000字）")
                .expectNoEvents();
    }
}

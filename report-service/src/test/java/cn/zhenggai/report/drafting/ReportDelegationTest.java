package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportDelegationGranted;
import cn.zhenggai.contracts.report.ReportDelegationRevoked;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.report.drafting.Commands.DeclarePersonalMatters;
import cn.zhenggai.report.drafting.Commands.GrantDelegation;
import cn.zhenggai.report.drafting.Commands.RevokeDelegation;
import cn.zhenggai.report.drafting.Commands.SealedMatters;
import cn.zhenggai.report.drafting.Commands.SubmitReport;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.zhenggai.report.drafting.ReportContentTest.M1;
import static cn.zhenggai.report.drafting.ReportContentTest.P1;
import static cn.zhenggai.report.drafting.ReportContentTest.RC1;

/**
 * Only the author edits and submits a report; a colleague of the same department (the liaison) only under a
 * delegation the author granted, recorded as an event (issue 11 item 6, ADR 0083).
 */
class ReportDelegationTest {

    private static final Editor AUTHOR = Editor.member("demo-cadre", "XZSPJ");
    private static final Editor LIAISON = Editor.member("demo-dept", "XZSPJ");
    private static final Editor HEAD = Editor.member("demo-head", "XZSPJ");
    private static final Editor ORG = Editor.reviewer("demo-org", "ZZB");
    private static final ReportDrafted DRAFTED =
            new ReportDrafted("r1", "2022年度民主生活会发言提纲", 2022, "demo-cadre", "XZSPJ");
    private static final ReportDelegationGranted GRANTED =
            new ReportDelegationGranted("r1", "XZSPJ", "demo-cadre", "demo-dept");
    private static final ReportDelegationRevoked REVOKED =
            new ReportDelegationRevoked("r1", "XZSPJ", "demo-cadre", "demo-dept");

    private AggregateTestFixture<Report> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Report.class);
    }

    private static IdentifyProblem problem(Editor editor) {
        return new IdentifyProblem("r1", "p9", "主题", 9, "问题九。", null, editor);
    }

    @Test
    void aColleagueOfTheSameDepartmentCannotEditWithoutADelegation() {
        for (Editor colleague : List.of(LIAISON, HEAD)) {
            fixture.given(DRAFTED)
                    .when(problem(colleague))
                    .expectException(Refusal.class)
                    .expectExceptionMessage("只有报告作者本人或经作者授权的同事可以修改、提交报告")
                    .expectNoEvents();
        }
    }

    @Test
    void aColleagueCannotSubmitWithoutADelegation() {
        fixture.given(DRAFTED, P1, RC1, M1)
                .when(new SubmitReport("r1", LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("只有报告作者本人或经作者授权的同事可以修改、提交报告")
                .expectNoEvents();
    }

    @Test
    void theAuthorGrantsADelegationOnceRecorded() {
        fixture.given(DRAFTED)
                .when(new GrantDelegation("r1", " demo-dept ", AUTHOR))
                .expectEvents(GRANTED);
        fixture.given(DRAFTED, GRANTED)
                .when(new GrantDelegation("r1", "demo-dept", AUTHOR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theDelegateEditsAndSubmits() {
        fixture.given(DRAFTED, GRANTED)
                .when(problem(LIAISON))
                .expectEvents(new ProblemIdentified("r1", "p9", "XZSPJ", "主题", 9, "问题九。", null));
        fixture.given(DRAFTED, GRANTED, P1, RC1, M1)
                .when(new SubmitReport("r1", LIAISON))
                .expectEvents(new ReportSubmitted("r1", "XZSPJ", "demo-dept", 1));
    }

    @Test
    void aDelegationIsNotTheAuthorsToGiveAway() {
        // the delegate may not pass it on, nor may anyone but the author grant one
        for (Editor notAuthor : List.of(LIAISON, HEAD)) {
            fixture.given(DRAFTED, GRANTED)
                    .when(new GrantDelegation("r1", "demo-other", notAuthor))
                    .expectException(Refusal.class)
                    .expectExceptionMessage("只有报告作者本人可以授权或撤销授权")
                    .expectNoEvents();
        }
        fixture.given(DRAFTED)
                .when(new GrantDelegation("r1", "demo-dept", ORG))
                .expectException(Refusal.class)
                .expectExceptionMessage("不能修改其他部门的报告")
                .expectNoEvents();
    }

    @Test
    void aDelegationToNobodyOrToTheAuthorIsRefused() {
        for (String delegate : new String[] {null, " ", "demo-cadre"}) {
            fixture.given(DRAFTED)
                    .when(new GrantDelegation("r1", delegate, AUTHOR))
                    .expectException(Refusal.class)
                    .expectNoEvents();
        }
    }

    @Test
    void aRevokedDelegateCanNoLongerEdit() {
        fixture.given(DRAFTED, GRANTED)
                .when(new RevokeDelegation("r1", "demo-dept", AUTHOR))
                .expectEvents(REVOKED);
        fixture.given(DRAFTED, GRANTED, REVOKED)
                .when(problem(LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(DRAFTED)
                .when(new RevokeDelegation("r1", "demo-dept", AUTHOR))
                .expectException(Refusal.class)
                .expectExceptionMessage("没有授权该同事：demo-dept")
                .expectNoEvents();
    }

    @Test
    void aDelegateNeverDeclaresTheAuthorsPersonalMatters() {
        fixture.given(DRAFTED, GRANTED)
                .when(new DeclarePersonalMatters("r1",
                        new SealedMatters("demo-dept", 1, "AES-256-GCM", "bm9uY2U=", "Y2lwaGVy"), LIAISON))
                .expectException(Refusal.class)
                .expectExceptionMessage("个人有关事项只能由报告作者本人申报")
                .expectNoEvents();
    }

    @Test
    void aDelegateWhoLeftTheDepartmentNoLongerEdits() {
        fixture.given(DRAFTED, GRANTED)
                .when(problem(Editor.member("demo-dept", "CZJ")))
                .expectException(Refusal.class)
                .expectExceptionMessage("不能修改其他部门的报告")
                .expectNoEvents();
    }

    @Test
    void anAcceptedReportTakesNoDelegation() {
        fixture.given(DRAFTED, new ReportSubmitted("r1", "XZSPJ", "demo-cadre", 1),
                        new ReportAccepted("r1", "XZSPJ", "demo-cadre", 2022, null, "demo-org", 1, List.of(), List.of()))
                .when(new GrantDelegation("r1", "demo-dept", AUTHOR))
                .expectException(Refusal.class)
                .expectNoEvents();
    }
}

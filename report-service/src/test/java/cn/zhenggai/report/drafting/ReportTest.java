package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportDrafted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final Editor LIAISON = Editor.member("demo-dept", "XZSPJ");
    private static final Editor OTHER_DEPT = Editor.member("someone", "CZJ");
    private static final Editor COMMITTEE = Editor.member("demo-party", "DW");
    private static final ReportDrafted DRAFTED =
            new ReportDrafted("r1", "2022年度民主生活会发言提纲", 2022, "demo-dept", "XZSPJ");

    private AggregateTestFixture<Report> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Report.class);
    }

    @Test
    void draftingAReportRecordsItForTheDraftersDepartment() {
        fixture.givenNoPriorActivity()
                .when(new DraftReport("r1", "  2022年度民主生活会发言提纲 ", 2022, LIAISON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(DRAFTED);
    }

    @Test
    void aReportNeedsATitleAndADepartment() {
        fixture.givenNoPriorActivity()
                .when(new DraftReport("r1", " ", 2022, LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new DraftReport("r1", "提纲", 2022, Editor.member("x", null)))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new DraftReport("r1", "提纲", 1900, LIAISON))
                .expectExceptionMessage("年度不合理：1900");
    }

    @Test
    void identifyingAProblemRecordsStatementAndExample() {
        fixture.given(DRAFTED)
                .when(new IdentifyProblem("r1", "p1", "带头坚定拥护“两个确立”", 1,
                        "理论学习不够深入。", " 学习党的二十大精神停留在读原文。 ", LIAISON))
                .expectEvents(new ProblemIdentified("r1", "p1", "XZSPJ", "带头坚定拥护“两个确立”", 1,
                        "理论学习不够深入。", "学习党的二十大精神停留在读原文。"));
    }

    @Test
    void theCommitteeCannotWriteIntoADepartmentsReport() {
        // only the author (or a colleague the author delegated to) writes a report: ADR 0083
        fixture.given(DRAFTED)
                .when(new IdentifyProblem("r1", "p1", "主题", 1, "问题。", "", COMMITTEE))
                .expectException(Refusal.class)
                .expectExceptionMessage("不能修改其他部门的报告")
                .expectNoEvents();
    }

    @Test
    void anotherDepartmentCannotWriteIntoTheReport() {
        fixture.given(DRAFTED)
                .when(new IdentifyProblem("r1", "p1", "主题", 1, "问题。", null, OTHER_DEPT))
                .expectException(Refusal.class)
                .expectExceptionMessage("不能修改其他部门的报告")
                .expectNoEvents();
    }

    @Test
    void missingStatementOrBadOrdinalIsRefused() {
        fixture.given(DRAFTED)
                .when(new IdentifyProblem("r1", "p1", "主题", 1, "", null, LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(DRAFTED)
                .when(new IdentifyProblem("r1", "p1", "主题", 0, "问题。", null, LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
    }

    @Test
    void theSameOrdinalUnderOneThemeIsRefused() {
        fixture.given(DRAFTED, new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 1, "问题。", null))
                .when(new IdentifyProblem("r1", "p2", "主题", 1, "另一个问题。", null, LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
        fixture.given(DRAFTED, new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 1, "问题。", null))
                .when(new IdentifyProblem("r1", "p2", "主题", 2, "另一个问题。", null, LIAISON))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aProblemIdCannotBeUsedTwice() {
        fixture.given(DRAFTED, new ProblemIdentified("r1", "p1", "XZSPJ", "主题", 1, "问题。", null))
                .when(new IdentifyProblem("r1", "p1", "主题二", 1, "问题。", null, LIAISON))
                .expectException(Refusal.class)
                .expectNoEvents();
    }
}

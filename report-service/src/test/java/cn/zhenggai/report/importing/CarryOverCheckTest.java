package cn.zhenggai.report.importing;

import cn.zhenggai.outline.CarryOverSummary;
import cn.zhenggai.outline.Outline;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The carry-over's summary sentence compared with the cadre's earlier accepted report (ADR 0089). */
class CarryOverCheckTest {

    /** demo-dept's 2021 report, accepted with 21 problems; nobody else has one. */
    private final EarlierReports earlier = (author, year) -> "demo-dept".equals(author) && year > 2021
            ? Optional.of(new EarlierReports.Accepted("rpt-2021", 2021, 21)) : Optional.empty();
    private final CarryOverCheck check = new CarryOverCheck(earlier);

    private static Outline outline(Integer year, CarryOverSummary summary) {
        return new Outline("2022年度民主生活会个人发言提纲", year, null, List.of(), List.of(), List.of(), List.of(), null,
                List.of(), List.of(), summary, List.of(), null);
    }

    @Test
    void aSummaryCountingOtherProblemsThanTheAcceptedReportIsWarnedAbout() {
        List<ImportWarning> warnings = check.check(outline(2022, new CarryOverSummary(19, 17, 2)), "demo-dept");

        assertThat(warnings).hasSize(1);
        ImportWarning warning = warnings.get(0);
        assertThat(warning.code()).isEqualTo(ImportWarningCode.CARRY_OVER_LEDGER_MISMATCH);
        assertThat(warning.params()).containsAllEntriesOf(Map.of("summaryProblems", "19", "ledgerProblems", "21",
                "previousYear", "2021", "summaryCompleted", "17", "summaryLongTerm", "2", "reportId", "rpt-2021"));
        assertThat(warning.text()).isEqualTo("上年度整改落实情况写明查摆问题19个，但本人2021年度已审核通过的发言提纲查摆问题21个，请核对");
    }

    @Test
    void aSummaryThatAgreesWithTheAcceptedReportIsNotWarnedAbout() {
        assertThat(check.check(outline(2022, new CarryOverSummary(21, 19, 2)), "demo-dept")).isEmpty();
    }

    @Test
    void nothingIsComparedWithoutASummaryAYearOrAnEarlierAcceptedReport() {
        assertThat(check.check(outline(2022, null), "demo-dept")).as("no summary").isEmpty();
        assertThat(check.check(outline(2022, new CarryOverSummary(null, 10, 2)), "demo-dept"))
                .as("a summary without the number of problems").isEmpty();
        assertThat(check.check(outline(null, new CarryOverSummary(19, 17, 2)), "demo-dept")).as("no year").isEmpty();
        assertThat(check.check(outline(2022, new CarryOverSummary(19, 17, 2)), "cz-liaison"))
                .as("no earlier accepted report").isEmpty();
        assertThat(check.check(outline(2021, new CarryOverSummary(19, 17, 2)), "demo-dept"))
                .as("the accepted report is not earlier").isEmpty();
    }

    @Test
    void onlyWhatTheSummaryStatesIsInTheParams() {
        List<ImportWarning> warnings = check.check(outline(2022, new CarryOverSummary(12, null, null)), "demo-dept");

        assertThat(warnings.get(0).params()).containsOnlyKeys("summaryProblems", "ledgerProblems", "previousYear",
                "reportId");
    }
}

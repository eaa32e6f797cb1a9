package cn.zhenggai.report.importing;

import cn.zhenggai.outline.CarryOverSummary;
import cn.zhenggai.outline.Outline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the carry-over's summary sentence (上年度查摆的问题共12个…) with the cadre's earlier accepted report
 * (ADR 0089): when both are known and the number of problems differs, a {@link
 * ImportWarningCode#CARRY_OVER_LEDGER_MISMATCH} warning. Completion is not compared: report-service does not know
 * which items were completed (rectification-service's ledger does), and says nothing it cannot check.
 */
final class CarryOverCheck {

    private final EarlierReports earlier;

    CarryOverCheck(EarlierReports earlier) {
        this.earlier = earlier;
    }

    /** The warnings for {@code author}'s outline; empty when there is nothing to compare or nothing differs. */
    List<ImportWarning> check(Outline outline, String author) {
        CarryOverSummary summary = outline.carryOverSummary();
        if (summary == null || summary.problems() == null || outline.year() == null || author == null) {
            return List.of();
        }
        Optional<EarlierReports.Accepted> previous = earlier.latestAcceptedBefore(author, outline.year());
        if (previous.isEmpty() || previous.get().problems() == summary.problems()) {
            return List.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("summaryProblems", String.valueOf(summary.problems()));
        params.put("ledgerProblems", String.valueOf(previous.get().problems()));
        params.put("previousYear", String.valueOf(previous.get().year()));
        if (summary.completed() != null) {
            params.put("summaryCompleted", String.valueOf(summary.completed()));
        }
        if (summary.longTerm() != null) {
            params.put("summaryLongTerm", String.valueOf(summary.longTerm()));
        }
        params.put("reportId", previous.get().reportId());
        return List.of(new ImportWarning(ImportWarningCode.CARRY_OVER_LEDGER_MISMATCH, params));
    }
}

package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.reportview.ReportState;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.security.Caller;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Queries for the UI. The list comes from the read model; one report comes from its events (exact, never
 * behind). Department scope: a caller sees their own department's reports unless their role reaches every
 * department. Personal matters never appear here (see the confidential endpoint).
 */
@RestController
class ReportQueryController {

    private final ReportListProjection list;
    private final ReportHistory history;

    ReportQueryController(ReportListProjection list, ReportHistory history) {
        this.list = list;
        this.history = history;
    }

    @GetMapping("/api/reports")
    @ErrorCodes(badRequest = {"VALIDATION_FAILED", "MALFORMED_REQUEST"}, forbidden = "FORBIDDEN_DEPARTMENT")
    ReportList reports(@RequestParam(name = "department", required = false) String department,
                       @RequestParam(name = "year", required = false) Integer year,
                       @RequestParam(name = "limit", defaultValue = "200") int limit,
                       Caller caller) {
        if (department != null && (department.isBlank() || department.length() > 40)) {
            throw Refusal.invalid("VALIDATION_FAILED", "部门代码有误");
        }
        if (limit < 1 || limit > 1000) {
            throw Refusal.invalid("VALIDATION_FAILED", "limit应在1到1000之间");
        }
        String scope = department;
        if (scope == null && !caller.crossDepartment()) {
            scope = caller.department();
        }
        if (scope != null && !caller.canSee(scope)) {
            throw Refusal.forbidden("FORBIDDEN_DEPARTMENT", "不能查看其他部门的报告");
        }
        // beyond the caller's own department (the organization department's review), drafts are their authors'
        String draftsOf = scope != null && scope.equals(caller.department()) ? null : caller.username();
        List<ReportSummary> reports = list.list(scope, year, draftsOf, limit).stream()
                .map(ReportQueryController::summary).toList();
        return ReportList.of(scope, reports);
    }

    @GetMapping("/api/reports/{reportId}")
    @ErrorCodes(forbidden = "FORBIDDEN_DEPARTMENT", notFound = "REPORT_NOT_FOUND")
    ReportDetail report(@PathVariable String reportId, Caller caller) {
        ReportView view = history.load(reportId);
        if (!caller.canSee(view.department)) {
            throw Refusal.forbidden("FORBIDDEN_DEPARTMENT", "不能查看其他部门的报告");
        }
        return view.toMap();
    }

    /** The summary of a listed report, from the state it holds (ADR 0095). */
    private static ReportSummary summary(Document doc) {
        ReportState state = ReportStateDocuments.state(doc);
        return state != null ? ReportStateDocuments.summary(state) : ReportSummary.writtenBeforeTheState(doc);
    }
}

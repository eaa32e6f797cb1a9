package cn.zhenggai.report.viewing;

import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiException;
import cn.zhenggai.contracts.reportview.ReportState;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    Map<String, Object> reports(@RequestParam(name = "department", required = false) String department,
                                @RequestParam(name = "year", required = false) Integer year,
                                @RequestParam(name = "limit", defaultValue = "200") int limit,
                                Caller caller) {
        if (department != null && (department.isBlank() || department.length() > 40)) {
            throw ApiException.badRequest("VALIDATION_FAILED", "部门代码有误");
        }
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("VALIDATION_FAILED", "limit应在1到1000之间");
        }
        String scope = department;
        if (scope == null && !caller.crossDepartment()) {
            scope = caller.department();
        }
        if (scope != null && !caller.canSee(scope)) {
            throw ApiException.forbidden("不能查看其他部门的报告");
        }
        List<Map<String, Object>> reports = list.list(scope, year, limit).stream().map(ReportQueryController::summary)
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("department", scope);
        body.put("count", reports.size());
        body.put("reports", reports);
        return body;
    }

    @GetMapping("/api/reports/{reportId}")
    Map<String, Object> report(@PathVariable String reportId, Caller caller) {
        ReportView view = history.load(reportId);
        if (!caller.canSee(view.department)) {
            throw ApiException.forbidden("不能查看其他部门的报告");
        }
        return view.toMap();
    }

    private static int sizeOf(Object list) {
        return list instanceof List<?> l ? l.size() : 0;
    }

    /** The summary of a listed report, from the state it holds (ADR 0095). */
    private static Map<String, Object> summary(Document doc) {
        ReportState state = ReportStateDocuments.state(doc);
        return state != null ? ReportStateDocuments.summary(state) : writtenBeforeTheState(doc);
    }

    /** A document the list wrote before it held the state, served as it was until the list's replay replaces it. */
    private static Map<String, Object> writtenBeforeTheState(Document doc) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reportId", doc.getString("_id"));
        for (String key : List.of("title", "year", "author", "department", "meetingId", "notice", "status", "round",
                "problems", "personalMattersDeclared", "returnReasons")) {
            map.put(key, doc.get(key));
        }
        map.put("rootCauses", sizeOf(doc.get("rootCauseIds")));
        map.put("measures", sizeOf(doc.get("measureIds")));
        Object updated = doc.get("updatedAt");
        map.put("updatedAt", updated instanceof java.util.Date d ? d.toInstant().toString() : null);
        return map;
    }
}

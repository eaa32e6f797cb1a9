package cn.zhenggai.rectification.ledger;

import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiException;
import cn.zhenggai.rectification.DepartmentDirectory;
import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger and the overview over HTTP, department scope enforced here: a department's staff see their own
 * department only (403 for any other); the party committee, organization department and discipline see all.
 */
@RestController
class LedgerController {

    private final Ledger ledger;
    private final DepartmentDirectory departments;

    LedgerController(Ledger ledger, DepartmentDirectory departments) {
        this.ledger = ledger;
        this.departments = departments;
    }

    /** {@code GET /api/ledger?department=}: the department's ledger (整改台账); the caller's own by default. */
    @GetMapping("/api/ledger")
    Map<String, Object> ledger(@RequestParam(required = false) String department, Caller caller) {
        String scope = department == null || department.isBlank() ? caller.department() : department.strip();
        if (scope == null) {
            throw ApiException.badRequest("MISSING_DEPARTMENT", "请指定部门");
        }
        checkScope(scope, caller);
        List<Map<String, Object>> rows = ledger.rows(scope);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("department", scope);
        body.put("name", departments.nameOf(scope));
        body.put("count", rows.size());
        body.put("rows", rows);
        return body;
    }

    /** {@code GET /api/overview}: figures per department (only the caller's own for department staff). */
    @GetMapping("/api/overview")
    Map<String, Object> overview(@RequestParam(required = false) String department, Caller caller) {
        String scope = department == null || department.isBlank() ? null : department.strip();
        if (scope == null && !caller.crossDepartment()) {
            scope = caller.department();
            if (scope == null) {
                throw ApiException.forbidden("无权查看其他部门的数据");
            }
        }
        if (scope != null) {
            checkScope(scope, caller);
        }
        List<Ledger.DepartmentFigures> figures = ledger.overview(scope, departments.names());
        long total = 0;
        long completed = 0;
        long verified = 0;
        long overdue = 0;
        for (Ledger.DepartmentFigures f : figures) {
            total += f.total();
            completed += f.completed();
            verified += f.verified();
            overdue += f.overdue();
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("total", total);
        totals.put("completed", completed);
        totals.put("verified", verified);
        totals.put("overdue", overdue);
        totals.put("completionRate", total == 0 ? 0.0 : Math.round(10000.0 * completed / total) / 10000.0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("departments", new ArrayList<>(figures));
        body.put("totals", totals);
        return body;
    }

    /** {@code GET /api/measures/{id}}: one item, for its lead and cooperating departments and cross roles. */
    @GetMapping("/api/measures/{measureId}")
    Map<String, Object> item(@PathVariable String measureId, Caller caller) {
        Map<String, Object> item = measureId.matches("[A-Za-z0-9-]{1,80}") ? ledger.item(measureId) : null;
        if (item == null) {
            throw ApiException.notFound("MEASURE_NOT_FOUND", "整改事项不存在：" + measureId);
        }
        Object cooperating = item.get("cooperatingDepartments");
        boolean cooperates = cooperating instanceof List<?> list && list.contains(caller.department());
        if (!caller.canSee((String) item.get("leadDepartment")) && !cooperates) {
            throw ApiException.forbidden("无权查看其他部门的整改事项");
        }
        return item;
    }

    /** {@code GET /api/rectification/departments}: the departments items can be assigned to. */
    @GetMapping("/api/rectification/departments")
    Map<String, Object> departments() {
        List<Map<String, String>> list = new ArrayList<>();
        departments.names().forEach((code, name) -> list.add(Map.of("code", code, "name", name)));
        return Map.of("departments", list);
    }

    private void checkScope(String scope, Caller caller) {
        if (!caller.canSee(scope)) {
            throw ApiException.forbidden("无权查看其他部门的整改台账");
        }
        if (!departments.known(scope)) {
            throw ApiException.notFound("UNKNOWN_DEPARTMENT", "部门不存在：" + scope);
        }
    }

    @Configuration
    static class Wiring {
        @Bean
        Ledger ledgerQueries(MongoDatabase readModels, Clock clock,
                             @Value("${zhenggai.ledger.yellow-days-before:7}") int yellowDaysBefore,
                             @Value("${zhenggai.ledger.red-days-after:0}") int redDaysAfter) {
            return new Ledger(readModels, new Ledger.Warnings(yellowDaysBefore, redDaysAfter), clock);
        }
    }
}

package cn.zhenggai.rectification.ledger;

import cn.zhenggai.contracts.ledger.ItemAction;
import cn.zhenggai.contracts.ledger.LedgerRow;
import cn.zhenggai.contracts.security.Roles;
import cn.zhenggai.contracts.security.TokenClaims;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.platform.security.Caller;
import cn.zhenggai.platform.web.ApiException;
import cn.zhenggai.rectification.DepartmentDirectory;
import cn.zhenggai.rectification.scope.ItemScope;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ledger, its lists and the overview over HTTP, department scope enforced here: a department's staff see their
 * own department only (403 for any other); the party committee, organization department and discipline see all.
 * An unknown department is a 404.
 */
@RestController
public class LedgerController {

    /** Most days ahead {@code /api/ledger/due} looks. */
    static final int MAX_DAYS = 366;

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
        checkScope(scope, caller, departments);
        List<LedgerRow> rows = ledger.rows(scope);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("department", scope);
        body.put("name", departments.nameOf(scope));
        body.put("count", rows.size());
        body.put("rows", rows);
        return body;
    }

    /** {@code GET /api/ledger/mine}: items whose owner (责任人) is the caller (display name or user name). */
    @GetMapping("/api/ledger/mine")
    Map<String, Object> mine(@RequestParam(required = false) String department, Caller caller) {
        Ledger.Scope scope = listScope(department, caller, departments);
        Set<String> names = new LinkedHashSet<>();
        names.add(caller.username());
        String display = displayName();
        if (display != null && !display.isBlank()) {
            names.add(display.strip());
        }
        Map<String, Object> body = list(scope, ledger.mine(names, scope));
        body.put("owners", new ArrayList<>(names));
        return body;
    }

    /** {@code GET /api/ledger/due?days=30}: open items due from today to N days ahead (1–366, default 30). */
    @GetMapping("/api/ledger/due")
    Map<String, Object> due(@RequestParam(required = false) String days,
                            @RequestParam(required = false) String department, Caller caller) {
        int n = days(days);
        Ledger.Scope scope = listScope(department, caller, departments);
        Map<String, Object> body = list(scope, ledger.due(n, scope));
        body.put("days", n);
        body.put("from", ledger.today().toString());
        body.put("to", ledger.today().plusDays(n).toString());
        return body;
    }

    /** {@code GET /api/ledger/overdue}: open items recorded overdue. */
    @GetMapping("/api/ledger/overdue")
    Map<String, Object> overdue(@RequestParam(required = false) String department, Caller caller) {
        Ledger.Scope scope = listScope(department, caller, departments);
        return list(scope, ledger.overdue(scope));
    }

    /**
     * {@code GET /api/overview}: figures per department (only the caller's own for department staff), per theme,
     * theme × department (heat map), per month, and recurring problems.
     */
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
            checkScope(scope, caller, departments);
        }
        Ledger.Overview overview = ledger.overviewOf(scope, departments.names());
        long total = 0;
        long completed = 0;
        long verified = 0;
        long overdue = 0;
        long recurring = 0;
        for (Ledger.DepartmentFigures f : overview.departments()) {
            total += f.total();
            completed += f.completed();
            verified += f.verified();
            overdue += f.overdue();
            recurring += f.recurring();
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("total", total);
        totals.put("completed", completed);
        totals.put("verified", verified);
        totals.put("overdue", overdue);
        totals.put("completionRate", Ledger.rate(completed, total));
        totals.put("recurring", recurring);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("departments", new ArrayList<>(overview.departments()));
        body.put("totals", totals);
        body.put("themes", overview.themes());
        body.put("heatmap", overview.heatmap());
        body.put("trend", overview.trend());
        return body;
    }

    /**
     * {@code GET /api/measures/{id}}: one item, for its lead and cooperating departments and cross roles; to anyone
     * else it is a 404 in the same words as an unknown id (ADR 0072). {@code actions} lists what the caller may do
     * to it now ({@link ItemAction}).
     */
    @GetMapping("/api/measures/{measureId}")
    LedgerRow.Detail item(@PathVariable String measureId, Caller caller) {
        Ledger.Stored stored = measureId.matches("[A-Za-z0-9-]{1,80}") ? ledger.stored(measureId) : null;
        if (stored == null || !ItemScope.sees(caller.department(), caller.crossDepartment(),
                stored.item().leadDepartment(), stored.item().cooperatingDepartments())) {
            throw ApiException.notFound(ItemScope.NOT_FOUND_CODE, ItemScope.NOT_FOUND_MESSAGE + measureId);
        }
        return LedgerRow.Detail.of(stored.item(), stored.recurrences(), ledger.today())
                .withActions(ItemAction.allowed(stored.item(), actionCaller(caller)));
    }

    /**
     * The caller as {@link ItemAction}'s rules see it: the roles the item's commands check, read as
     * {@code CommandSender.actor} reads them.
     */
    static ItemAction.Caller actionCaller(Caller caller) {
        return new ItemAction.Caller(caller.username(), caller.department(),
                caller.hasAnyRole(Roles.DEPT_LIAISON, Roles.DEPT_HEAD), caller.hasRole(Roles.PARTY_COMMITTEE),
                caller.crossDepartment());
    }

    /** {@code GET /api/rectification/departments}: the departments items can be assigned to. */
    @GetMapping("/api/rectification/departments")
    Map<String, Object> departments() {
        List<Map<String, String>> list = new ArrayList<>();
        departments.names().forEach((code, name) -> list.add(Map.of("code", code, "name", name)));
        return Map.of("departments", list);
    }

    /**
     * {@code GET /api/rectification/departments/{code}/users}: the department's enabled users, the owners (责任人)
     * one picks for its items; for its own staff and cross-department roles.
     */
    @GetMapping("/api/rectification/departments/{code}/users")
    Map<String, Object> users(@PathVariable String code, Caller caller) {
        checkScope(code, caller, departments);
        List<Map<String, String>> list = new ArrayList<>();
        departments.usersOf(code).forEach(u -> list.add(Map.of("username", u.username(),
                "displayName", u.displayName() == null ? u.username() : u.displayName())));
        return Map.of("department", code, "users", list);
    }

    /** 403 for another department (unless cross-department), 404 for an unknown one. */
    public static void checkScope(String scope, Caller caller, DepartmentDirectory departments) {
        if (!caller.canSee(scope)) {
            throw ApiException.forbidden("无权查看其他部门的整改台账");
        }
        if (!departments.known(scope)) {
            throw ApiException.notFound("UNKNOWN_DEPARTMENT", "部门不存在：" + scope);
        }
    }

    /**
     * The rows a list may show: {@code department} when given (checked), else the caller's own department for
     * department staff and every department for cross-department roles.
     */
    public static Ledger.Scope listScope(String department, Caller caller, DepartmentDirectory departments) {
        if (department != null && !department.isBlank()) {
            checkScope(department.strip(), caller, departments);
            return new Ledger.Scope(department.strip());
        }
        if (caller.crossDepartment()) {
            return Ledger.Scope.ALL;
        }
        if (caller.department() == null) {
            throw ApiException.forbidden("无权查看其他部门的整改台账");
        }
        return new Ledger.Scope(caller.department());
    }

    static int days(String days) {
        if (days == null || days.isBlank()) {
            return 30;
        }
        try {
            int n = Integer.parseInt(days.strip());
            if (n >= 1 && n <= MAX_DAYS) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw ApiException.badRequest("INVALID_DAYS", "天数应为1至" + MAX_DAYS + "之间的整数：" + days);
    }

    private Map<String, Object> list(Ledger.Scope scope, List<LedgerRow> rows) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("department", scope.department() == null ? "*" : scope.department());
        body.put("count", rows.size());
        body.put("rows", rows);
        return body;
    }

    private static String displayName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Jwt jwt ? jwt.getClaimAsString(TokenClaims.DISPLAY_NAME)
                : null;
    }

    @Configuration
    static class Wiring {
        @Bean
        Ledger ledgerQueries(MongoDatabase readModels, Clock clock) {
            return new Ledger(readModels, clock);
        }
    }
}

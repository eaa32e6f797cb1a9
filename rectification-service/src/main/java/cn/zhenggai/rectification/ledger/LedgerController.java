package cn.zhenggai.rectification.ledger;

import cn.zhenggai.contracts.ledger.ItemAction;
import cn.zhenggai.contracts.ledger.LedgerOverview;
import cn.zhenggai.contracts.ledger.LedgerRow;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.security.Role;
import cn.zhenggai.contracts.security.TokenClaims;
import cn.zhenggai.edge.docs.ErrorCodes;
import cn.zhenggai.platform.axon.CommandSender;
import cn.zhenggai.platform.security.Caller;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ledger, its lists and the overview over HTTP, department scope enforced here: a department's staff see their
 * own department only (403 for any other); the party committee, organization department and discipline see all.
 * An unknown department is a 404.
 */
@RestController
public class LedgerController {

    /** {@code GET /api/ledger}: the department (code and name) and its rows. */
    public record DepartmentLedger(String department, String name, int count, List<LedgerRow> rows) {
    }

    /**
     * A list of rows: the department it is of ({@code *} for every department), how many are listed, the rows, and
     * how many there are ({@code total}: more than {@code count} when {@code limit} cut the list short).
     */
    public record Rows(String department, int count, List<LedgerRow> rows, int total) {
    }

    /** {@code GET /api/ledger/mine}: the rows and the owner names they were found under. */
    public record OwnedRows(String department, int count, List<LedgerRow> rows, List<String> owners) {
    }

    /** {@code GET /api/ledger/due}: the rows due within {@code days}, from today to {@code to}. */
    public record DueRows(String department, int count, List<LedgerRow> rows, int days, String from, String to,
                          int total) {
    }

    /** The overview's figures over all the departments it shows. */
    public record Totals(long total, long completed, long verified, long overdue, double completionRate,
                         long recurring) {
    }

    /** {@code GET /api/overview}. */
    public record OverviewBody(List<Ledger.DepartmentFigures> departments, Totals totals,
                               List<LedgerOverview.ThemeFigures> themes, LedgerOverview.Heatmap heatmap,
                               List<Ledger.MonthFigures> trend) {
    }

    /** One department items can be assigned to. */
    public record Department(String code, String name) {
    }

    /** {@code GET /api/rectification/departments}. */
    public record Departments(List<Department> departments) {
    }

    /** One enabled user of a department, an owner (责任人) one can pick. */
    public record DepartmentUser(String username, String displayName) {
    }

    /** {@code GET /api/rectification/departments/{code}/users}. */
    public record DepartmentUsers(String department, List<DepartmentUser> users) {
    }

    /** {@code GET /api/rectification/users?username=}: the display names of the users asked for that the directory knows. */
    public record UserNames(List<DepartmentUser> users) {
    }

    /** Most user names {@code /api/rectification/users} resolves in one call. */
    static final int MAX_NAMES = 100;

    /** The code of a department the caller may not see (403). */
    public static final String FORBIDDEN_DEPARTMENT = "FORBIDDEN_DEPARTMENT";

    /** Most rows a list answers with {@code limit} (a screen shows the first of a long list). */
    static final int MAX_LIMIT = 1000;

    /** Most days ahead {@code /api/ledger/due} looks. */
    static final int MAX_DAYS = 366;

    private final Ledger ledger;
    private final DepartmentDirectory departments;

    LedgerController(Ledger ledger, DepartmentDirectory departments) {
        this.ledger = ledger;
        this.departments = departments;
    }

    /** {@code GET /api/ledger?department=}: the department's ledger (整改台账); the caller's own by default. */
    @ErrorCodes(badRequest = "MISSING_DEPARTMENT", forbidden = "FORBIDDEN_DEPARTMENT", notFound = "UNKNOWN_DEPARTMENT")
    @GetMapping("/api/ledger")
    DepartmentLedger ledger(@RequestParam(required = false) String department, Caller caller) {
        String scope = department == null || department.isBlank() ? caller.department() : department.strip();
        if (scope == null) {
            throw Refusal.invalid("MISSING_DEPARTMENT", "请指定部门");
        }
        checkScope(scope, caller, departments);
        List<LedgerRow> rows = ledger.rows(scope);
        return new DepartmentLedger(scope, departments.nameOf(scope), rows.size(), rows);
    }

    /** {@code GET /api/ledger/mine}: items whose owner (责任人) is the caller (display name or user name). */
    @ErrorCodes(forbidden = "FORBIDDEN_DEPARTMENT", notFound = "UNKNOWN_DEPARTMENT")
    @GetMapping("/api/ledger/mine")
    OwnedRows mine(@RequestParam(required = false) String department, Caller caller) {
        Ledger.Scope scope = listScope(department, caller, departments);
        Set<String> names = new LinkedHashSet<>();
        names.add(caller.username());
        String display = displayName();
        if (display != null && !display.isBlank()) {
            names.add(display.strip());
        }
        Rows rows = list(scope, ledger.mine(names, scope));
        return new OwnedRows(rows.department(), rows.count(), rows.rows(), new ArrayList<>(names));
    }

    /** {@code GET /api/ledger/due?days=30}: open items due from today to N days ahead (1–366, default 30). */
    @ErrorCodes(badRequest = {"INVALID_DAYS", "INVALID_LIMIT"}, forbidden = "FORBIDDEN_DEPARTMENT",
            notFound = "UNKNOWN_DEPARTMENT")
    @GetMapping("/api/ledger/due")
    DueRows due(@RequestParam(required = false) String days,
                @RequestParam(required = false) String department,
                @RequestParam(required = false) String limit, Caller caller) {
        int n = days(days);
        int most = limit(limit);
        Ledger.Scope scope = listScope(department, caller, departments);
        Rows rows = list(scope, ledger.due(n, scope), most);
        return new DueRows(rows.department(), rows.count(), rows.rows(), n, ledger.today().toString(),
                ledger.today().plusDays(n).toString(), rows.total());
    }

    /** {@code GET /api/ledger/overdue[?limit=]}: open items recorded overdue, the longest overdue first. */
    @ErrorCodes(badRequest = "INVALID_LIMIT", forbidden = "FORBIDDEN_DEPARTMENT", notFound = "UNKNOWN_DEPARTMENT")
    @GetMapping("/api/ledger/overdue")
    Rows overdue(@RequestParam(required = false) String department,
                 @RequestParam(required = false) String limit, Caller caller) {
        int most = limit(limit);
        Ledger.Scope scope = listScope(department, caller, departments);
        return list(scope, ledger.overdue(scope), most);
    }

    /**
     * {@code GET /api/ledger/awaiting-verification}: completed items waiting for verification (待验收), the party
     * committee's work queue across departments (department staff: their own department's), the longest waiting first.
     */
    @ErrorCodes(badRequest = "INVALID_LIMIT", forbidden = "FORBIDDEN_DEPARTMENT", notFound = "UNKNOWN_DEPARTMENT")
    @GetMapping("/api/ledger/awaiting-verification")
    Rows awaitingVerification(@RequestParam(required = false) String department,
                              @RequestParam(required = false) String limit, Caller caller) {
        int most = limit(limit);
        Ledger.Scope scope = listScope(department, caller, departments);
        return list(scope, ledger.awaitingVerification(scope), most);
    }

    /**
     * {@code GET /api/overview}: figures per department (only the caller's own for department staff), per theme,
     * theme × department (heat map), per month, and recurring problems.
     */
    @ErrorCodes(forbidden = "FORBIDDEN_DEPARTMENT", notFound = "UNKNOWN_DEPARTMENT")
    @GetMapping("/api/overview")
    OverviewBody overview(@RequestParam(required = false) String department, Caller caller) {
        String scope = department == null || department.isBlank() ? null : department.strip();
        if (scope == null && !caller.crossDepartment()) {
            scope = caller.department();
            if (scope == null) {
                throw Refusal.forbidden(FORBIDDEN_DEPARTMENT, "无权查看其他部门的数据");
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
        Totals totals = new Totals(total, completed, verified, overdue, Ledger.rate(completed, total), recurring);
        return new OverviewBody(new ArrayList<>(overview.departments()), totals, overview.themes(),
                overview.heatmap(), overview.trend());
    }

    /**
     * {@code GET /api/measures/{id}}: one item, for its lead and cooperating departments and cross roles; to anyone
     * else it is a 404 in the same words as an unknown id (ADR 0072). {@code actions} lists what the caller may do
     * to it now ({@link ItemAction}).
     */
    @ErrorCodes(notFound = "MEASURE_NOT_FOUND")
    @GetMapping("/api/measures/{measureId}")
    LedgerRow.Detail item(@PathVariable String measureId, Caller caller) {
        Ledger.Stored stored = measureId.matches("[A-Za-z0-9-]{1,80}") ? ledger.stored(measureId) : null;
        if (stored == null || !ItemScope.sees(caller.department(), caller.crossDepartment(),
                stored.item().leadDepartment(), stored.item().cooperatingDepartments())) {
            throw ItemScope.notFound(measureId);
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
                caller.hasAnyRole(Role.DEPT_LIAISON, Role.DEPT_HEAD), caller.hasRole(Role.PARTY_COMMITTEE),
                caller.crossDepartment());
    }

    /** {@code GET /api/rectification/departments}: the departments items can be assigned to. */
    @ErrorCodes()
    @GetMapping("/api/rectification/departments")
    Departments departments() {
        List<Department> list = new ArrayList<>();
        departments.names().forEach((code, name) -> list.add(new Department(code, name)));
        return new Departments(list);
    }

    /**
     * {@code GET /api/rectification/departments/{code}/users}: the department's enabled users, the owners (责任人)
     * one picks for its items; for its own staff and cross-department roles.
     */
    @ErrorCodes(forbidden = "FORBIDDEN_DEPARTMENT", notFound = "UNKNOWN_DEPARTMENT")
    @GetMapping("/api/rectification/departments/{code}/users")
    DepartmentUsers users(@PathVariable String code, Caller caller) {
        checkScope(code, caller, departments);
        List<DepartmentUser> list = new ArrayList<>();
        departments.usersOf(code).forEach(u -> list.add(new DepartmentUser(u.username(),
                u.displayName() == null ? u.username() : u.displayName())));
        return new DepartmentUsers(code, list);
    }

    /**
     * {@code GET /api/rectification/users?username=a&username=b}: the display names of those users (an item and its
     * history show people by name, not user name), for any signed-in caller; names the directory does not know are
     * left out, so a label typed for someone without an account stays as it was written.
     */
    @ErrorCodes(badRequest = "TOO_MANY_USERS")
    @GetMapping("/api/rectification/users")
    UserNames userNames(@RequestParam(value = "username", required = false) List<String> usernames) {
        Set<String> asked = new LinkedHashSet<>();
        if (usernames != null) {
            usernames.stream().filter(u -> u != null && !u.isBlank()).map(String::strip).forEach(asked::add);
        }
        if (asked.size() > MAX_NAMES) {
            throw Refusal.invalid("TOO_MANY_USERS", "一次最多查询" + MAX_NAMES + "个用户");
        }
        List<DepartmentUser> list = new ArrayList<>();
        for (String username : asked) {
            departments.user(username).ifPresent(u -> list.add(new DepartmentUser(u.username(),
                    u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName())));
        }
        return new UserNames(list);
    }

    /** 403 for another department (unless cross-department), 404 for an unknown one. */
    public static void checkScope(String scope, Caller caller, DepartmentDirectory departments) {
        if (!caller.canSee(scope)) {
            throw Refusal.forbidden(FORBIDDEN_DEPARTMENT, "无权查看其他部门的整改台账");
        }
        if (!departments.known(scope)) {
            throw Refusal.notFound("UNKNOWN_DEPARTMENT", "部门不存在：" + scope);
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
            throw Refusal.forbidden(FORBIDDEN_DEPARTMENT, "无权查看其他部门的整改台账");
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
        throw Refusal.invalid("INVALID_DAYS", "天数应为1至" + MAX_DAYS + "之间的整数：" + days);
    }

    /** {@code limit}: 1 to {@link #MAX_LIMIT} rows, every row when absent. */
    static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return Integer.MAX_VALUE;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw Refusal.invalid("INVALID_LIMIT", "条数应为1至" + MAX_LIMIT + "之间的整数：" + limit);
    }

    private static Rows list(Ledger.Scope scope, List<LedgerRow> rows) {
        return list(scope, rows, Integer.MAX_VALUE);
    }

    private static Rows list(Ledger.Scope scope, List<LedgerRow> rows, int limit) {
        List<LedgerRow> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        return new Rows(scope.department() == null ? "*" : scope.department(), shown.size(), shown, rows.size());
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

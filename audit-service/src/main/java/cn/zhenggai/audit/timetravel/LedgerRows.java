package cn.zhenggai.audit.timetravel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A department's ledger (整改台账) from item states, in the row shape of rectification-service's {@code /api/ledger}:
 * items the department leads or cooperates on, in report order (planned time, report, ordinal). Pure.
 */
public final class LedgerRows {

    private static final Comparator<Map<String, Object>> REPORT_ORDER = Comparator
            .comparing((Map<String, Object> s) -> s.get("plannedAt") == null ? java.time.Instant.MIN
                    : java.time.Instant.parse(String.valueOf(s.get("plannedAt"))))
            .thenComparing(s -> String.valueOf(s.get("reportId")))
            .thenComparingInt(s -> s.get("ordinal") instanceof Number n ? n.intValue() : 0)
            .thenComparing(s -> String.valueOf(s.get("measureId")));

    private LedgerRows() {
    }

    /** Whether the item is on the department's ledger (as lead or cooperating department). */
    public static boolean onLedgerOf(Map<String, Object> state, String department) {
        if (!Boolean.TRUE.equals(state.get("exists"))) {
            return false;
        }
        return department.equals(state.get("leadDepartment"))
                || (state.get("cooperatingDepartments") instanceof List<?> c && c.contains(department));
    }

    /** The items of the department's ledger, in report order (states, not rows). */
    public static List<Map<String, Object>> itemsOf(Collection<Map<String, Object>> states, String department) {
        return states.stream().filter(s -> onLedgerOf(s, department)).sorted(REPORT_ORDER).toList();
    }

    public static List<Map<String, Object>> rows(Collection<Map<String, Object>> states, String department) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> state : itemsOf(states, department)) {
            rows.add(row(state, department));
        }
        return rows;
    }

    /** One row: the fields of {@code /api/ledger}, then the audit's own ({@code sources}, {@code lastEvent}). */
    public static Map<String, Object> row(Map<String, Object> s, String viewer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("measureId", s.get("measureId"));
        row.put("source", s.get("source"));
        row.put("reportId", s.get("reportId"));
        row.put("problem", s.get("problem"));
        row.put("problems", s.get("problems"));
        row.put("title", s.get("title"));
        row.put("content", s.get("content"));
        row.put("leadDepartment", s.get("leadDepartment"));
        row.put("cooperatingDepartments", s.get("cooperatingDepartments"));
        if (viewer != null) {
            row.put("role", Objects.equals(viewer, s.get("leadDepartment")) ? "LEAD" : "COOPERATING");
        }
        row.put("owner", s.get("owner"));
        row.put("deadline", s.get("deadline"));
        row.put("proposedDeadline", s.get("proposedDeadline"));
        row.put("deadlineText", s.get("deadlineText"));
        row.put("longTerm", Boolean.TRUE.equals(s.get("longTerm")));
        row.put("reviewPeriodMonths", s.get("reviewPeriodMonths"));
        row.put("status", s.get("status"));
        row.put("overdue", Boolean.TRUE.equals(s.get("overdue")));
        row.put("colour", s.get("colour") == null ? ItemFold.DEFAULT_COLOUR : s.get("colour"));
        row.put("lastProgress", s.get("lastProgress"));
        row.put("lastProgressAt", s.get("lastProgressAt"));
        row.put("completedBy", s.get("completedBy"));
        row.put("verifiedBy", s.get("verifiedBy"));
        row.put("pendingExtension", s.get("pendingExtension"));
        row.put("lastRejection", s.get("lastRejection"));
        row.put("updatedAt", s.get("updatedAt"));
        row.put("sources", s.get("sources"));
        row.put("supervisionNotices", s.get("supervisionNotices") == null ? 0 : s.get("supervisionNotices"));
        row.put("recurring", Boolean.TRUE.equals(s.get("recurring")));
        row.put("lastEvent", s.get("lastEvent"));
        return row;
    }
}

package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.ledger.LedgerItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A department's ledger (整改台账) from item states ({@link LedgerItem}), in the row shape of rectification-service's
 * {@code /api/ledger}: items the department leads or cooperates on, in report order (planned time, report, ordinal).
 * Pure.
 */
public final class LedgerRows {

    /** Report order: planned (effective) time, report, ordinal, then the id. */
    public static final Comparator<LedgerItem> REPORT_ORDER = Comparator
            .comparing((LedgerItem s) -> s.plannedAt() == null ? Instant.MIN : s.plannedAt())
            .thenComparing(s -> String.valueOf(s.reportId()))
            .thenComparingInt(LedgerItem::ordinal)
            .thenComparing(LedgerItem::measureId);

    private LedgerRows() {
    }

    /** Whether the item is on the department's ledger (as lead or cooperating department). */
    public static boolean onLedgerOf(LedgerItem item, String department) {
        return item != null && item.concerns(department);
    }

    /** The items of the department's ledger, in report order (states, not rows). */
    public static List<LedgerItem> itemsOf(Collection<LedgerItem> items, String department) {
        return items.stream().filter(s -> onLedgerOf(s, department)).sorted(REPORT_ORDER).toList();
    }

    public static List<Map<String, Object>> rows(Collection<LedgerItem> items, String department) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (LedgerItem item : itemsOf(items, department)) {
            rows.add(row(item, department));
        }
        return rows;
    }

    /**
     * One row: the fields of {@code /api/ledger}, then the audit's own ({@code sources}, {@code lastEvent}), then
     * the times of the last change ({@code recordedAt}) and how many of its events were backdated.
     */
    public static Map<String, Object> row(LedgerItem s, String viewer) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("measureId", s.measureId());
        row.put("source", ItemStates.json(s.source()));
        row.put("reportId", s.reportId());
        row.put("problem", s.problem());
        row.put("problems", problems(s));
        row.put("title", s.title());
        row.put("content", s.content());
        row.put("leadDepartment", s.leadDepartment());
        row.put("cooperatingDepartments", s.cooperatingDepartments());
        if (viewer != null) {
            row.put("role", Objects.equals(viewer, s.leadDepartment()) ? "LEAD" : "COOPERATING");
        }
        row.put("owner", s.owner());
        row.put("deadline", ItemStates.text(s.deadline()));
        row.put("proposedDeadline", s.proposedDeadline());
        row.put("deadlineText", s.deadlineText());
        row.put("longTerm", s.longTerm());
        row.put("reviewPeriodMonths", s.reviewPeriodMonths());
        row.put("status", ItemStates.json(s.status()));
        row.put("overdue", s.overdue());
        row.put("colour", ItemStates.json(s.colour()));
        row.put("lastProgress", s.lastProgress());
        row.put("lastProgressAt", ItemStates.text(s.lastProgressAt()));
        row.put("completedBy", s.completedBy());
        row.put("verifiedBy", s.verifiedBy());
        row.put("pendingExtension", ItemStates.pending(s.pendingExtension()));
        row.put("lastRejection", s.lastRejection());
        row.put("updatedAt", ItemStates.text(s.updatedAt()));
        row.put("sources", ItemStates.json(s.sources()));
        row.put("supervisionNotices", s.notices());
        row.put("recurring", false);
        row.put("lastEvent", ItemStates.reference(s.lastEvent()));
        row.put("recordedAt", ItemStates.text(s.recordedAt()));
        row.put("backdatedEvents", s.backdatedEvents());
        row.put("migrated", s.migratedFrom() != null);
        return row;
    }

    private static List<Map<String, Object>> problems(LedgerItem s) {
        List<Map<String, Object>> problems = new ArrayList<>(s.problems().size());
        s.problems().forEach(p -> {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("problemId", p.problemId());
            problem.put("theme", p.theme());
            problem.put("ordinal", p.ordinal());
            problem.put("statement", p.statement());
            problems.add(problem);
        });
        return problems;
    }
}

package cn.zhenggai.audit.timetravel;

import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerRow;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

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

    public static List<LedgerRow> rows(Collection<LedgerItem> items, String department) {
        return itemsOf(items, department).stream().map(item -> row(item, department)).toList();
    }

    /**
     * One row: the ledger's row of the item ({@link LedgerRow}, the one row model of {@code /api/ledger}) with the
     * audit's own fields: {@code supervisionNotices}, {@code lastEvent}, {@code recordedAt}, {@code backdatedEvents},
     * {@code migrated}.
     */
    public static LedgerRow row(LedgerItem item, String viewer) {
        return LedgerRow.audited(item, viewer, null);
    }
}

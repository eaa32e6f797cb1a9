package cn.zhenggai.rectification.ledger;

import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerOverview;
import cn.zhenggai.contracts.ledger.LedgerRow;
import cn.zhenggai.platform.ledger.LedgerItemDocuments;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Queries over the ledger read model: a department's ledger, one item, the lists (my items, due within N days,
 * overdue) and the overview (per department, per theme, theme × department, monthly trend, recurring problems).
 *
 * <p>The colour of a row is the colour of the item's latest {@code MeasureColourChanged}, else {@code GREEN}
 * (the audit service mirrors this rule for its as-of ledger: keep them the same).
 */
public class Ledger {

    /** A row's fields: the item without its progress entries and who changed what (only the detail shows them). */
    private static final Bson WITHOUT_HISTORY = Projections.exclude("progress", "changedBy",
            LedgerItemDocuments.CHANGED_BY_EVENTS);

    /** Dates of deadlines and months of the trend are China's. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** One department's figures. */
    public record DepartmentFigures(String department, String name, long total, long completed, long verified,
                                    long overdue, double completionRate, long recurring, long yellow, long red) {
    }

    /** Who may see which rows: {@code null} department means every department. */
    public record Scope(String department) {
        public static final Scope ALL = new Scope(null);

        Bson filter() {
            return department == null ? new Document()
                    : Filters.or(Filters.eq("department", department), Filters.eq("cooperatingDepartments", department));
        }
    }

    /** The rows' JSON form (what {@code LedgerRow}'s annotations say), for {@link #wire}. */
    private static final ObjectMapper WIRE = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final MongoCollection<Document> ledger;
    private final Clock clock;

    public Ledger(MongoDatabase database, Clock clock) {
        this.ledger = database.getCollection(LedgerProjection.COLLECTION);
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The ledger of a department: items it leads or cooperates on, in report order. */
    public List<LedgerRow> rows(String department) {
        return rows(new Scope(department).filter(), department, Sorts.ascending("plannedAt", "reportId", "ordinal"));
    }

    /** Items whose owner (责任人) is one of {@code owners}, within the scope, by deadline. */
    public List<LedgerRow> mine(Collection<String> owners, Scope scope) {
        List<String> names = owners.stream().filter(o -> o != null && !o.isBlank()).distinct().toList();
        if (names.isEmpty()) {
            return List.of();
        }
        return byDeadline(rows(Filters.and(scope.filter(), Filters.in("owner", names)), scope.department(), null));
    }

    /** Open items with a deadline from today to {@code days} days from now (inclusive), within the scope. */
    public List<LedgerRow> due(int days, Scope scope) {
        LocalDate today = today();
        Bson filter = Filters.and(scope.filter(), open(),
                Filters.gte("deadline", LedgerItemDocuments.date(today)),
                Filters.lte("deadline", LedgerItemDocuments.date(today.plusDays(days))));
        return byDeadline(rows(filter, scope.department(), null));
    }

    /** Open items recorded overdue (MeasureOverdue), within the scope, the longest overdue first. */
    public List<LedgerRow> overdue(Scope scope) {
        return byDeadline(rows(Filters.and(scope.filter(), open(), Filters.eq("overdue", true)), scope.department(),
                null));
    }

    /**
     * Items completed and waiting for the party committee's verification (待验收), within the scope, the longest
     * waiting first.
     */
    public List<LedgerRow> awaitingVerification(Scope scope) {
        return rows(Filters.and(scope.filter(), Filters.eq("status", LedgerProjection.COMPLETED)), scope.department(),
                Sorts.ascending("completedAt", "department", "ordinal"));
    }

    /** Every row within the scope (for the export of all departments). */
    public List<LedgerRow> all(Scope scope) {
        return rows(scope.filter(), scope.department(), Sorts.ascending("department", "plannedAt", "reportId",
                "ordinal"));
    }

    /** An item as stored: the fold's item and the recurring-problem flags kept beside it. */
    public record Stored(LedgerItem item, List<LedgerRow.Recurrence> recurrences) {
    }

    /** The stored item {@code measureId}, or null. */
    public Stored stored(String measureId) {
        Document d = ledger.find(Filters.eq("_id", measureId)).first();
        return d == null ? null : new Stored(LedgerItemDocuments.fromDocument(d), recurrencesOf(d));
    }

    /** One item with its progress history and recurring flags, or null. */
    public LedgerRow.Detail item(String measureId) {
        Stored stored = stored(measureId);
        return stored == null ? null : LedgerRow.Detail.of(stored.item(), stored.recurrences(), today());
    }

    /** {@code row} (or any value) in its JSON form as a map: what the HTTP answer holds, for the export. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> wire(Object row) {
        return WIRE.convertValue(row, Map.class);
    }

    /** {@link #wire} of each row. */
    public static List<Map<String, Object>> wire(List<?> rows) {
        return rows.stream().map(Ledger::wire).toList();
    }

    /** Figures per lead department (only {@code department} when not null), ordered by department code. */
    public List<DepartmentFigures> overview(String department, Map<String, String> names) {
        return overviewOf(department, names).departments();
    }

    /** Everything the overview shows, in one pass over the items. */
    public record Overview(List<DepartmentFigures> departments, List<LedgerOverview.ThemeFigures> themes,
                           LedgerOverview.Heatmap heatmap, List<MonthFigures> trend) {
    }

    /** What took effect in one month, the month as {@code 2026-11}. */
    public record MonthFigures(String month, long planned, long completed, long verified, long overdue) {
    }

    /** The overview of {@code department}'s items (every department's when null), counted by {@link LedgerOverview}. */
    public Overview overviewOf(String department, Map<String, String> names) {
        Bson filter = department == null ? new Document() : Filters.eq("department", department);
        List<LedgerItem> items = new ArrayList<>();
        Set<String> recurring = new HashSet<>();
        for (Document d : ledger.find(filter).projection(WITHOUT_HISTORY)) {
            LedgerItem item = LedgerItemDocuments.fromDocument(d);
            items.add(item);
            if (Boolean.TRUE.equals(d.getBoolean("recurring"))) {
                recurring.add(item.measureId());
            }
        }
        LedgerOverview o = LedgerOverview.of(items, department, names, recurring, today());
        List<DepartmentFigures> figures = o.departments().stream().map(f -> new DepartmentFigures(f.department(),
                f.name(), f.total(), f.completed(), f.verified(), f.overdue(), f.completionRate(), f.recurring(),
                f.yellow(), f.red())).toList();
        List<MonthFigures> trend = o.trend().stream().map(m -> new MonthFigures(m.month().toString(), m.planned(),
                m.completed(), m.verified(), m.overdue())).toList();
        return new Overview(figures, List.copyOf(o.themes()), o.heatmap(), trend);
    }

    static double rate(long part, long whole) {
        return LedgerOverview.rate(part, whole);
    }

    private static Bson open() {
        return Filters.nin("status", List.of(LedgerProjection.COMPLETED, LedgerProjection.VERIFIED));
    }

    private List<LedgerRow> rows(Bson filter, String viewer, Bson sort) {
        List<LedgerRow> rows = new ArrayList<>();
        var found = ledger.find(filter).projection(WITHOUT_HISTORY);
        if (sort != null) {
            found = found.sort(sort);
        }
        LocalDate today = today();
        for (Document d : found) {
            rows.add(LedgerRow.of(LedgerItemDocuments.fromDocument(d), viewer, today, recurrencesOf(d)));
        }
        return rows;
    }

    private static List<LedgerRow> byDeadline(List<LedgerRow> rows) {
        List<LedgerRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(LedgerRow::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(LedgerRow::measureId));
        return sorted;
    }

    /** The recurring-problem flags {@code RecurringProblems} keeps beside the item. */
    static List<LedgerRow.Recurrence> recurrencesOf(Document d) {
        List<LedgerRow.Recurrence> out = new ArrayList<>();
        if (d.get("recurrences") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Document r) {
                    out.add(new LedgerRow.Recurrence(r.getString("problemId"), r.getString("statement"),
                            r.getString("theme"), r.getString("earlierMeasureId"), r.getString("earlierProblemId"),
                            r.getInteger("earlierYear"), r.getString("earlierStatement"),
                            Boolean.TRUE.equals(r.getBoolean("sameAuthor")),
                            r.get("similarity") instanceof Number n ? n.doubleValue() : 0.0));
                }
            }
        }
        return out;
    }
}

package cn.zhenggai.rectification.ledger;

import cn.zhenggai.contracts.ledger.LedgerItem;
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
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Queries over the ledger read model: a department's ledger, one item, the lists (my items, due within N days,
 * overdue) and the overview (per department, per theme, theme × department, monthly trend, recurring problems).
 *
 * <p>The colour of a row is the colour of the item's latest {@code MeasureColourChanged}, else {@code GREEN}
 * (the audit service mirrors this rule for its as-of ledger: keep them the same).
 */
public class Ledger {

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
    public record Overview(List<DepartmentFigures> departments, List<Map<String, Object>> themes,
                           Map<String, Object> heatmap, List<Map<String, Object>> trend) {
    }

    public Overview overviewOf(String department, Map<String, String> names) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, long[]> themes = new LinkedHashMap<>();
        Map<String, Map<String, Long>> cells = new LinkedHashMap<>();
        Map<YearMonth, long[]> months = new TreeMap<>();
        Bson filter = department == null ? new Document() : Filters.eq("department", department);
        for (Document d : ledger.find(filter).projection(Projections.include("department", "status", "overdue",
                "colour", "recurring", "themes", "plannedAt", "completedAt", "verifiedAt", "overdueAt"))) {
            String code = d.getString("department");
            long[] c = counts.computeIfAbsent(code, k -> new long[7]);
            String status = d.getString("status");
            boolean closed = closed(status);
            boolean verified = LedgerProjection.VERIFIED.equals(status);
            boolean overdue = !closed && Boolean.TRUE.equals(d.getBoolean("overdue"));
            boolean recurring = Boolean.TRUE.equals(d.getBoolean("recurring"));
            String colour = d.getString("colour");
            c[0]++;
            c[1] += closed ? 1 : 0;
            c[2] += verified ? 1 : 0;
            c[3] += overdue ? 1 : 0;
            c[4] += recurring ? 1 : 0;
            c[5] += "YELLOW".equals(colour) && !closed ? 1 : 0;
            c[6] += "RED".equals(colour) && !closed ? 1 : 0;
            List<?> itemThemes = d.get("themes") instanceof List<?> l && !l.isEmpty() ? l : List.of("未分方面");
            for (Object t : itemThemes) {
                String theme = String.valueOf(t);
                long[] tc = themes.computeIfAbsent(theme, k -> new long[5]);
                tc[0]++;
                tc[1] += closed ? 1 : 0;
                tc[2] += verified ? 1 : 0;
                tc[3] += overdue ? 1 : 0;
                tc[4] += recurring ? 1 : 0;
                cells.computeIfAbsent(theme, k -> new TreeMap<>()).merge(code, 1L, Long::sum);
            }
            month(months, d.getDate("plannedAt"), 0);
            if (closed) {
                month(months, d.getDate("completedAt"), 1);
            }
            if (verified) {
                month(months, d.getDate("verifiedAt"), 2);
            }
            if (d.getDate("overdueAt") != null && Boolean.TRUE.equals(d.getBoolean("overdue"))) {
                month(months, d.getDate("overdueAt"), 3);
            }
        }
        if (department != null && counts.isEmpty()) {
            counts.put(department, new long[7]);
        }
        List<DepartmentFigures> figures = new ArrayList<>();
        counts.forEach((code, c) -> figures.add(new DepartmentFigures(code, names.getOrDefault(code, code), c[0],
                c[1], c[2], c[3], rate(c[1], c[0]), c[4], c[5], c[6])));

        List<Map<String, Object>> themeList = new ArrayList<>();
        themes.forEach((theme, c) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("theme", theme);
            t.put("total", c[0]);
            t.put("completed", c[1]);
            t.put("verified", c[2]);
            t.put("overdue", c[3]);
            t.put("recurring", c[4]);
            t.put("completionRate", rate(c[1], c[0]));
            themeList.add(t);
        });
        themeList.sort(Comparator.comparingLong((Map<String, Object> t) -> (Long) t.get("total")).reversed());

        List<String> themeAxis = themeList.stream().map(t -> (String) t.get("theme")).toList();
        List<String> departmentAxis = new ArrayList<>(counts.keySet());
        List<List<Object>> values = new ArrayList<>();
        for (int y = 0; y < themeAxis.size(); y++) {
            Map<String, Long> row = cells.getOrDefault(themeAxis.get(y), Map.of());
            for (int x = 0; x < departmentAxis.size(); x++) {
                Long n = row.get(departmentAxis.get(x));
                if (n != null) {
                    values.add(List.of(x, y, n));
                }
            }
        }
        Map<String, Object> heatmap = new LinkedHashMap<>();
        heatmap.put("departments", departmentAxis);
        heatmap.put("departmentNames", departmentAxis.stream().map(c -> names.getOrDefault(c, c)).toList());
        heatmap.put("themes", themeAxis);
        heatmap.put("values", values);

        List<Map<String, Object>> trend = new ArrayList<>();
        months.forEach((m, c) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("month", m.toString());
            t.put("planned", c[0]);
            t.put("completed", c[1]);
            t.put("verified", c[2]);
            t.put("overdue", c[3]);
            trend.add(t);
        });
        return new Overview(figures, themeList, heatmap, trend);
    }

    static double rate(long part, long whole) {
        return whole == 0 ? 0.0 : Math.round(10000.0 * part / whole) / 10000.0;
    }

    static boolean closed(String status) {
        return LedgerProjection.COMPLETED.equals(status) || LedgerProjection.VERIFIED.equals(status);
    }

    private static void month(Map<YearMonth, long[]> months, Date at, int index) {
        if (at != null) {
            months.computeIfAbsent(YearMonth.from(at.toInstant().atZone(ZONE)), k -> new long[4])[index]++;
        }
    }

    private static Bson open() {
        return Filters.nin("status", List.of(LedgerProjection.COMPLETED, LedgerProjection.VERIFIED));
    }

    private List<LedgerRow> rows(Bson filter, String viewer, Bson sort) {
        List<LedgerRow> rows = new ArrayList<>();
        var found = ledger.find(filter).projection(Projections.exclude("progress", "changedBy"));
        if (sort != null) {
            found = found.sort(sort);
        }
        LocalDate today = today();
        for (Document d : found) {
            rows.add(LedgerRow.of(LedgerItemDocuments.fromDocument(d), viewer, today)
                    .withRecurrences(recurrencesOf(d)));
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

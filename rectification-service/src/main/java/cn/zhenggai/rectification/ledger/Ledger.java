package cn.zhenggai.rectification.ledger;

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
    public List<Map<String, Object>> rows(String department) {
        return rows(new Scope(department).filter(), department, Sorts.ascending("plannedAt", "reportId", "ordinal"));
    }

    /** Items whose owner (责任人) is one of {@code owners}, within the scope, by deadline. */
    public List<Map<String, Object>> mine(Collection<String> owners, Scope scope) {
        List<String> names = owners.stream().filter(o -> o != null && !o.isBlank()).distinct().toList();
        if (names.isEmpty()) {
            return List.of();
        }
        return byDeadline(rows(Filters.and(scope.filter(), Filters.in("owner", names)), scope.department(), null));
    }

    /** Open items with a deadline from today to {@code days} days from now (inclusive), within the scope. */
    public List<Map<String, Object>> due(int days, Scope scope) {
        LocalDate today = today();
        Bson filter = Filters.and(scope.filter(), open(),
                Filters.gte("deadline", today.toString()), Filters.lte("deadline", today.plusDays(days).toString()));
        return byDeadline(rows(filter, scope.department(), null));
    }

    /** Open items recorded overdue (MeasureOverdue), within the scope, the longest overdue first. */
    public List<Map<String, Object>> overdue(Scope scope) {
        return byDeadline(rows(Filters.and(scope.filter(), open(), Filters.eq("overdue", true)), scope.department(),
                null));
    }

    /** Every row within the scope (for the export of all departments). */
    public List<Map<String, Object>> all(Scope scope) {
        return rows(scope.filter(), scope.department(), Sorts.ascending("department", "plannedAt", "reportId",
                "ordinal"));
    }

    /** One item with its progress history and recurring flags, or null. */
    public Map<String, Object> item(String measureId) {
        Document d = ledger.find(Filters.eq("_id", measureId)).first();
        if (d == null) {
            return null;
        }
        Map<String, Object> row = row(d, null);
        row.put("progress", progressOf(d));
        row.put("lastNotice", d.get("lastNotice"));
        return row;
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

    private List<Map<String, Object>> rows(Bson filter, String viewer, Bson sort) {
        List<Map<String, Object>> rows = new ArrayList<>();
        var found = ledger.find(filter).projection(Projections.exclude("progress"));
        if (sort != null) {
            found = found.sort(sort);
        }
        for (Document d : found) {
            rows.add(row(d, viewer));
        }
        return rows;
    }

    private static List<Map<String, Object>> byDeadline(List<Map<String, Object>> rows) {
        rows.sort(Comparator.comparing((Map<String, Object> r) -> (String) r.get("deadline"),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(r -> (String) r.get("measureId")));
        return rows;
    }

    private Map<String, Object> row(Document d, String viewer) {
        Map<String, Object> row = new LinkedHashMap<>();
        String status = d.getString("status");
        String deadline = d.getString("deadline");
        row.put("measureId", d.getString("_id"));
        row.put("source", d.getString("source"));
        row.put("sources", d.get("sources"));
        row.put("reportId", d.getString("reportId"));
        row.put("author", d.getString("author"));
        row.put("year", d.getInteger("year"));
        row.put("problem", d.getString("problem"));
        row.put("problems", d.get("problems"));
        row.put("themes", d.get("themes"));
        row.put("title", d.getString("title"));
        row.put("content", d.getString("content"));
        row.put("leadDepartment", d.getString("department"));
        row.put("cooperatingDepartments", d.get("cooperatingDepartments"));
        if (viewer != null) {
            row.put("role", viewer.equals(d.getString("department")) ? "LEAD" : "COOPERATING");
        }
        row.put("owner", d.getString("owner"));
        row.put("deadline", deadline);
        row.put("proposedDeadline", d.getString("proposedDeadline"));
        row.put("deadlineText", d.getString("deadlineText"));
        row.put("longTerm", d.getBoolean("longTerm", false));
        row.put("reviewPeriodMonths", d.get("reviewPeriodMonths"));
        row.put("status", status);
        row.put("overdue", d.getBoolean("overdue", false));
        row.put("colour", d.getString("colour") == null ? LedgerProjection.GREEN : d.getString("colour"));
        row.put("daysToDeadline", deadline == null || closed(status) ? null
                : java.time.temporal.ChronoUnit.DAYS.between(today(), LocalDate.parse(deadline)));
        row.put("lastProgress", d.getString("lastProgress"));
        row.put("lastProgressAt", d.getDate("lastProgressAt"));
        row.put("progressCount", d.get("progressCount"));
        row.put("evidenceCount", d.get("evidenceCount") == null ? 0 : d.get("evidenceCount"));
        row.put("notices", d.get("notices") == null ? 0 : d.get("notices"));
        row.put("recurring", d.getBoolean("recurring", false));
        row.put("recurrences", d.get("recurrences") == null ? List.of() : d.get("recurrences"));
        row.put("completedBy", d.getString("completedBy"));
        row.put("completedAt", d.getDate("completedAt"));
        row.put("completionSummary", d.getString("completionSummary"));
        row.put("verifiedBy", d.getString("verifiedBy"));
        row.put("verifiedAt", d.getDate("verifiedAt"));
        row.put("pendingExtension", d.get("pendingExtension"));
        row.put("lastRejection", d.get("lastRejection"));
        row.put("plannedAt", d.getDate("plannedAt"));
        row.put("updatedAt", d.getDate("updatedAt"));
        return row;
    }

    @SuppressWarnings("unchecked")
    static List<Document> progressOf(Document d) {
        Object progress = d.get("progress");
        return progress instanceof List<?> list ? (List<Document>) list : List.of();
    }
}

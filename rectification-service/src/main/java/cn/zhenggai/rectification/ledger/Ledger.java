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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Queries over the ledger read model: a department's ledger with three-colour warnings, one item, and the overview
 * per department. Colours are computed when asked (they change with the date, not with events).
 */
public class Ledger {

    /** Green, yellow or red by days to the deadline: see {@link #colour}. */
    public record Warnings(int yellowDaysBefore, int redDaysAfter) {
        public Warnings {
            if (yellowDaysBefore < 0 || redDaysAfter < 0) {
                throw new IllegalArgumentException("warning days must not be negative");
            }
        }
    }

    /** One department's figures. */
    public record DepartmentFigures(String department, String name, long total, long completed, long verified,
                                    long overdue, double completionRate) {
    }

    private final MongoCollection<Document> ledger;
    private final Warnings warnings;
    private final Clock clock;

    public Ledger(MongoDatabase database, Warnings warnings, Clock clock) {
        this.ledger = database.getCollection(LedgerProjection.COLLECTION);
        this.warnings = warnings;
        this.clock = clock;
    }

    /**
     * The colour of an item: green when closed (completed or verified), long-term or without deadline, and more
     * than {@code yellowDaysBefore} days before its deadline; red from {@code redDaysAfter} days after it (0: the
     * day after the deadline); yellow in between.
     */
    public static String colour(String status, String deadline, LocalDate today, Warnings warnings) {
        if (deadline == null || LedgerProjection.COMPLETED.equals(status) || LedgerProjection.VERIFIED.equals(status)) {
            return "green";
        }
        LocalDate due = LocalDate.parse(deadline);
        if (today.isAfter(due.plusDays(warnings.redDaysAfter()))) {
            return "red";
        }
        if (!today.isBefore(due.minusDays(warnings.yellowDaysBefore()))) {
            return "yellow";
        }
        return "green";
    }

    /** The ledger of a department: items it leads or cooperates on, in report order. */
    public List<Map<String, Object>> rows(String department) {
        LocalDate today = LocalDate.now(clock);
        List<Map<String, Object>> rows = new ArrayList<>();
        Bson filter = Filters.or(Filters.eq("department", department), Filters.eq("cooperatingDepartments", department));
        for (Document d : ledger.find(filter).sort(Sorts.ascending("plannedAt", "reportId", "ordinal"))) {
            rows.add(row(d, today, department));
        }
        return rows;
    }

    /** One item, or null. */
    public Map<String, Object> item(String measureId) {
        Document d = ledger.find(Filters.eq("_id", measureId)).first();
        return d == null ? null : row(d, LocalDate.now(clock), null);
    }

    /** Figures per lead department (only {@code department} when not null), ordered by department code. */
    public List<DepartmentFigures> overview(String department, Map<String, String> names) {
        Map<String, long[]> counts = new TreeMap<>();
        Bson filter = department == null ? new Document() : Filters.eq("department", department);
        for (Document d : ledger.find(filter).projection(Projections.include("department", "status", "overdue"))) {
            long[] c = counts.computeIfAbsent(d.getString("department"), k -> new long[4]);
            String status = d.getString("status");
            boolean closed = LedgerProjection.COMPLETED.equals(status) || LedgerProjection.VERIFIED.equals(status);
            c[0]++;
            if (closed) {
                c[1]++;
            }
            if (LedgerProjection.VERIFIED.equals(status)) {
                c[2]++;
            }
            if (!closed && Boolean.TRUE.equals(d.getBoolean("overdue"))) {
                c[3]++;
            }
        }
        if (department != null && counts.isEmpty()) {
            counts.put(department, new long[4]);
        }
        List<DepartmentFigures> figures = new ArrayList<>();
        counts.forEach((code, c) -> figures.add(new DepartmentFigures(code, names.getOrDefault(code, code), c[0],
                c[1], c[2], c[3], c[0] == 0 ? 0.0 : Math.round(10000.0 * c[1] / c[0]) / 10000.0)));
        return figures;
    }

    private Map<String, Object> row(Document d, LocalDate today, String viewer) {
        Map<String, Object> row = new LinkedHashMap<>();
        String status = d.getString("status");
        String deadline = d.getString("deadline");
        row.put("measureId", d.getString("_id"));
        row.put("source", d.getString("source"));
        row.put("reportId", d.getString("reportId"));
        row.put("problem", d.getString("problem"));
        row.put("problems", d.get("problems"));
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
        row.put("colour", colour(status, deadline, today, warnings));
        row.put("lastProgress", d.getString("lastProgress"));
        row.put("lastProgressAt", d.getDate("lastProgressAt"));
        row.put("completedBy", d.getString("completedBy"));
        row.put("verifiedBy", d.getString("verifiedBy"));
        row.put("pendingExtension", d.get("pendingExtension"));
        row.put("lastRejection", d.get("lastRejection"));
        row.put("updatedAt", d.getDate("updatedAt"));
        return row;
    }
}

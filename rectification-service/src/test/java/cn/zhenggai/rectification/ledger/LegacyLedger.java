package cn.zhenggai.rectification.ledger;

import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureSourceLinked;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import cn.zhenggai.rectification.recurring.RecurringProblems;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ledger projection and row of before ADR 0091, hand-written field by field, kept in the tests only as the
 * reference the fold's JSON is compared with ({@link LedgerRowWireTest}). Not to be used for anything else.
 */
final class LegacyLedger {

    static final String PLANNED = "PLANNED";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";
    static final String VERIFIED = "VERIFIED";
    static final String GREEN = "GREEN";

    private final MongoCollection<Document> ledger;
    private final RecurringProblems recurring;

    LegacyLedger(MongoCollection<Document> ledger) {
        this.ledger = ledger;
        this.recurring = new RecurringProblems(ledger, RecurringProblems.DEFAULT_THRESHOLD);
    }

    public void on(MeasurePlanned e, long seq, Instant at) {
        List<String> statements = e.problems() == null ? List.of()
                : e.problems().stream().map(MeasurePlanned.Problem::statement).toList();
        List<Document> problems = e.problems() == null ? List.of() : e.problems().stream()
                .map(p -> new Document("problemId", p.problemId()).append("theme", p.theme())
                        .append("ordinal", p.ordinal()).append("statement", p.statement()))
                .toList();
        List<String> themes = e.problems() == null ? List.of() : new ArrayList<>(e.problems().stream()
                .map(MeasurePlanned.Problem::theme).filter(t -> t != null && !t.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        Document source = new Document("source", e.source()).append("reference", e.reportId())
                .append("finding", null);
        boolean inserted = ledger.updateOne(Filters.eq("_id", e.measureId()), Updates.combine(
                Updates.setOnInsert("department", e.department()),
                Updates.setOnInsert("cooperatingDepartments", listOf(e.cooperatingDepartments())),
                Updates.setOnInsert("source", e.source()),
                Updates.setOnInsert("reportId", e.reportId()),
                Updates.setOnInsert("reportMeasureId", e.reportMeasureId()),
                Updates.setOnInsert("reportDepartment", e.reportDepartment()),
                Updates.setOnInsert("author", e.author()),
                Updates.setOnInsert("year", e.year()),
                Updates.setOnInsert("ordinal", e.ordinal()),
                Updates.setOnInsert("title", e.title()),
                Updates.setOnInsert("content", e.content()),
                Updates.setOnInsert("problem", String.join("；", statements)),
                Updates.setOnInsert("problems", problems),
                Updates.setOnInsert("owner", e.proposedOwner()),
                Updates.setOnInsert("deadline", null),
                Updates.setOnInsert("proposedDeadline", e.proposedDeadline()),
                Updates.setOnInsert("deadlineText", e.deadlineText()),
                Updates.setOnInsert("longTerm", false),
                Updates.setOnInsert("status", PLANNED),
                Updates.setOnInsert("overdue", false),
                Updates.setOnInsert("lastProgress", null),
                Updates.setOnInsert("progressCount", 0),
                Updates.setOnInsert("plannedAt", Date.from(at)),
                Updates.setOnInsert("updatedAt", Date.from(at)),
                Updates.setOnInsert("themes", themes),
                Updates.setOnInsert("sources", List.of(source)),
                Updates.setOnInsert("colour", GREEN),
                Updates.setOnInsert("progress", List.of()),
                Updates.setOnInsert("evidenceCount", 0),
                Updates.setOnInsert("notices", 0),
                Updates.setOnInsert("recurring", false),
                Updates.setOnInsert("recurrences", List.of()),
                Updates.setOnInsert("lastSequence", seq)), new UpdateOptions().upsert(true)).getUpsertedId() != null;
        if (inserted) {
            recurring.onPlanned(e.measureId());
        }
    }

    public void on(MeasureAssigned e, long seq, Instant at) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("department", e.leadDepartment()),
                Updates.set("cooperatingDepartments", listOf(e.cooperatingDepartments())),
                Updates.set("owner", e.owner()),
                Updates.set("deadline", e.deadline()),
                Updates.set("longTerm", e.longTerm()),
                Updates.set("reviewPeriodMonths", e.reviewPeriodMonths()),
                Updates.set("status", IN_PROGRESS),
                Updates.set("assignedBy", e.assignedBy())));
        apply(e.measureId(), seq, at, updates.toArray(Bson[]::new));
        // a new deadline clears an earlier overdue notice (the aggregate does the same)
        ledger.updateOne(Filters.and(Filters.eq("_id", e.measureId()), Filters.eq("lastSequence", seq),
                Filters.ne("overdueDeadline", e.deadline())), Updates.set("overdue", false));
    }

    public void on(ProgressReported e, long seq, Instant at) {
        List<Document> evidence = e.evidence() == null ? List.of() : e.evidence().stream()
                .map(f -> new Document("fileId", f.fileId()).append("fileName", f.fileName())
                        .append("contentType", f.contentType()).append("size", f.size()).append("sha256", f.sha256()))
                .toList();
        Document entry = new Document("text", e.text()).append("at", Date.from(at)).append("by", e.reportedBy())
                .append("department", e.reporterDepartment()).append("evidence", evidence).append("sequence", seq);
        apply(e.measureId(), seq, at, Updates.set("lastProgress", e.text()),
                Updates.set("lastProgressBy", e.reportedBy()), Updates.set("lastProgressAt", Date.from(at)),
                Updates.inc("progressCount", 1), Updates.push("progress", entry),
                Updates.inc("evidenceCount", evidence.size()));
    }

    public void on(MeasureColourChanged e, long seq, Instant at) {
        apply(e.measureId(), seq, at, Updates.set("colour", e.colour()), Updates.set("colourChangedAt", Date.from(at)));
    }

    public void on(SupervisionNoticeIssued e, long seq, Instant at) {
        apply(e.measureId(), seq, at, Updates.inc("notices", 1), Updates.set("lastNotice",
                new Document("noticeId", e.noticeId()).append("level", e.level()).append("reason", e.reason())
                        .append("daysOverdue", e.daysOverdue()).append("at", Date.from(at))));
    }

    public void on(MeasureSourceLinked e, long seq, Instant at) {
        apply(e.measureId(), seq, at, Updates.push("sources", new Document("source", e.source())
                .append("reference", e.reference()).append("finding", e.finding())));
    }

    public void on(MeasureCompleted e, long seq, Instant at) {
        apply(e.measureId(), seq, at, Updates.set("status", COMPLETED), Updates.set("completedBy", e.completedBy()),
                Updates.set("completedAt", Date.from(at)), Updates.set("completionSummary", e.summary()),
                Updates.set("completedLate", e.late()));
    }

    public void on(MeasureVerified e, long seq, Instant at) {
        apply(e.measureId(), seq, at, Updates.set("status", VERIFIED), Updates.set("verifiedBy", e.verifiedBy()),
                Updates.set("verifiedAt", Date.from(at)), Updates.set("verificationOpinion", e.opinion()));
    }

    public void on(MeasureRejected e, long seq, Instant at) {
        apply(e.measureId(), seq, at, Updates.set("lastRejection", e.reasons()),
                Updates.set("lastRejectedBy", e.rejectedBy()), Updates.inc("rejections", 1));
    }

    public void on(MeasureReopened e, long seq, Instant at) {
        apply(e.measureId(), seq, at, Updates.set("status", IN_PROGRESS), Updates.set("completedBy", null),
                Updates.set("completedAt", null), Updates.set("verifiedBy", null), Updates.set("verifiedAt", null),
                Updates.set("reopenedReason", e.reason()));
    }

    public void on(DeadlineExtensionRequested e, long seq, Instant at) {
        apply(e.measureId(), seq, at, Updates.set("pendingExtension", new Document("deadline", e.requestedDeadline())
                .append("reason", e.reason()).append("requestedBy", e.requestedBy())));
    }

    public void on(DeadlineExtended e, long seq, Instant at) {
        apply(e.measureId(), seq, at, Updates.set("deadline", e.deadline()), Updates.set("pendingExtension", null),
                Updates.set("overdue", false), Updates.inc("extensions", 1));
    }

    public void on(DeadlineExtensionRefused e, long seq, Instant at) {
        apply(e.measureId(), seq, at, Updates.set("pendingExtension", null));
    }

    public void on(MeasureOverdue e, long seq, Instant at) {
        apply(e.measureId(), seq, at, Updates.set("overdue", true), Updates.set("overdueDeadline", e.deadline()),
                Updates.set("overdueAt", Date.from(at)));
    }

    public void reset() {
        ledger.deleteMany(new Document());
    }

    private void apply(String measureId, long seq, Instant at, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(Updates.set("lastSequence", seq));
        all.add(Updates.set("updatedAt", Date.from(at)));
        ledger.updateOne(Filters.and(Filters.eq("_id", measureId), Filters.lt("lastSequence", seq)),
                Updates.combine(all));
    }

    private static List<String> listOf(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null).collect(Collectors.toList());
    }

    /** The row as {@code Ledger.row} wrote it. */
    Map<String, Object> row(Document d, String viewer, LocalDate today) {
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
        row.put("colour", d.getString("colour") == null ? GREEN : d.getString("colour"));
        row.put("daysToDeadline", deadline == null || (COMPLETED.equals(status) || VERIFIED.equals(status)) ? null
                : java.time.temporal.ChronoUnit.DAYS.between(today, LocalDate.parse(deadline)));
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

    /** The item as {@code Ledger.item} wrote it. */
    Map<String, Object> item(Document d, LocalDate today) {
        Map<String, Object> row = row(d, null, today);
        row.put("progress", d.get("progress"));
        row.put("lastNotice", d.get("lastNotice"));
        return row;
    }
}

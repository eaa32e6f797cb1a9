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
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The ledger read model (整改台账, collection {@code ledger}): one document per item, written by a tracking
 * processor over the service's own event store (ADR 0020). Idempotent: each document keeps the sequence number of
 * the last event applied, and an update applies only to a document whose sequence is lower, so a redelivered or
 * replayed event changes nothing.
 *
 * <p>Besides the current state it keeps what the lists, the overview and the carry-over need: the warning colour
 * of the latest {@code MeasureColourChanged} (GREEN until one arrives), every progress report with its date and
 * evidence file names, the sources (the planning one and those linked later), supervision notices, the themes of
 * the problems, and the recurring-problem flags ({@link RecurringProblems}, ADR 0040).
 */
@Component
@ProcessingGroup(LedgerProjection.GROUP)
public class LedgerProjection {

    public static final String GROUP = "ledger";
    public static final String COLLECTION = "ledger";

    static final String PLANNED = "PLANNED";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";
    static final String VERIFIED = "VERIFIED";
    static final String GREEN = "GREEN";

    private final MongoCollection<Document> ledger;
    private final RecurringProblems recurring;

    public LedgerProjection(MongoDatabase database) {
        this(database, RecurringProblems.DEFAULT_THRESHOLD);
    }

    @Autowired
    public LedgerProjection(MongoDatabase database,
                            @Value("${zhenggai.recurring.threshold:0.5}") double recurringThreshold) {
        this.ledger = database.getCollection(COLLECTION);
        this.recurring = new RecurringProblems(ledger, recurringThreshold);
        try {
            ledger.createIndex(Indexes.ascending("department", "status"));
            ledger.createIndex(Indexes.ascending("cooperatingDepartments"));
            // recurring problems and carry-over look items up by cadre or department and year
            ledger.createIndex(Indexes.ascending("author", "year"));
            ledger.createIndex(Indexes.ascending("reportDepartment", "year"));
            ledger.createIndex(Indexes.ascending("owner"));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(LedgerProjection.class).warn("Indexes on {} not created now: {}", COLLECTION,
                    e.getMessage());
        }
    }

    @EventHandler
    public void on(MeasurePlanned e, @SequenceNumber long seq, @Timestamp Instant at) {
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

    @EventHandler
    public void on(MeasureAssigned e, @SequenceNumber long seq, @Timestamp Instant at) {
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

    @EventHandler
    public void on(ProgressReported e, @SequenceNumber long seq, @Timestamp Instant at) {
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

    @EventHandler
    public void on(MeasureColourChanged e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.measureId(), seq, at, Updates.set("colour", e.colour()), Updates.set("colourChangedAt", Date.from(at)));
    }

    @EventHandler
    public void on(SupervisionNoticeIssued e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.measureId(), seq, at, Updates.inc("notices", 1), Updates.set("lastNotice",
                new Document("noticeId", e.noticeId()).append("level", e.level()).append("reason", e.reason())
                        .append("daysOverdue", e.daysOverdue()).append("at", Date.from(at))));
    }

    @EventHandler
    public void on(MeasureSourceLinked e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.measureId(), seq, at, Updates.push("sources", new Document("source", e.source())
                .append("reference", e.reference()).append("finding", e.finding())));
    }

    @EventHandler
    public void on(MeasureCompleted e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.measureId(), seq, at, Updates.set("status", COMPLETED), Updates.set("completedBy", e.completedBy()),
                Updates.set("completedAt", Date.from(at)), Updates.set("completionSummary", e.summary()),
                Updates.set("completedLate", e.late()));
    }

    @EventHandler
    public void on(MeasureVerified e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.measureId(), seq, at, Updates.set("status", VERIFIED), Updates.set("verifiedBy", e.verifiedBy()),
                Updates.set("verifiedAt", Date.from(at)), Updates.set("verificationOpinion", e.opinion()));
    }

    @EventHandler
    public void on(MeasureRejected e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.measureId(), seq, at, Updates.set("lastRejection", e.reasons()),
                Updates.set("lastRejectedBy", e.rejectedBy()), Updates.inc("rejections", 1));
    }

    @EventHandler
    public void on(MeasureReopened e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.measureId(), seq, at, Updates.set("status", IN_PROGRESS), Updates.set("completedBy", null),
                Updates.set("completedAt", null), Updates.set("verifiedBy", null), Updates.set("verifiedAt", null),
                Updates.set("reopenedReason", e.reason()));
    }

    @EventHandler
    public void on(DeadlineExtensionRequested e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.measureId(), seq, at, Updates.set("pendingExtension", new Document("deadline", e.requestedDeadline())
                .append("reason", e.reason()).append("requestedBy", e.requestedBy())));
    }

    @EventHandler
    public void on(DeadlineExtended e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.measureId(), seq, at, Updates.set("deadline", e.deadline()), Updates.set("pendingExtension", null),
                Updates.set("overdue", false), Updates.inc("extensions", 1));
    }

    @EventHandler
    public void on(DeadlineExtensionRefused e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.measureId(), seq, at, Updates.set("pendingExtension", null));
    }

    @EventHandler
    public void on(MeasureOverdue e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.measureId(), seq, at, Updates.set("overdue", true), Updates.set("overdueDeadline", e.deadline()),
                Updates.set("overdueAt", Date.from(at)));
    }

    @ResetHandler
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
}

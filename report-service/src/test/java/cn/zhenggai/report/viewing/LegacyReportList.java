package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reference only: the report list as it was folded by hand before ADR 0095 (commit 8a2ef3f), kept in the tests so
 * that the typed fold is checked to serve the same JSON. Not used by the service.
 */
class LegacyReportList {

    static final String COLLECTION = "legacy-reports";

    private final MongoCollection<Document> reports;

    LegacyReportList(MongoDatabase database) {
        this.reports = database.getCollection(COLLECTION);
        try {
            reports.createIndex(Indexes.ascending("department", "year"));
            reports.createIndex(Indexes.ascending("author", "year"));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(LegacyReportList.class)
                    .warn("Index on {} not created now: {}", COLLECTION, e.getMessage());
        }
    }

    void on(ReportDrafted e, @SequenceNumber long seq, @Timestamp Instant at) {
        reports.updateOne(Filters.eq("_id", e.reportId()), Updates.combine(
                Updates.setOnInsert("title", e.title()),
                Updates.setOnInsert("year", e.year()),
                Updates.setOnInsert("author", e.author()),
                Updates.setOnInsert("department", e.department()),
                Updates.setOnInsert("status", "DRAFT"),
                Updates.setOnInsert("round", 0),
                Updates.setOnInsert("problems", 0),
                Updates.setOnInsert("rootCauseIds", List.of()),
                Updates.setOnInsert("measureIds", List.of()),
                Updates.setOnInsert("personalMattersDeclared", false),
                Updates.setOnInsert("createdAt", Date.from(at)),
                Updates.setOnInsert("updatedAt", Date.from(at)),
                Updates.setOnInsert("lastSequence", seq)), new UpdateOptions().upsert(true));
    }

    void on(MeetingReferenced e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.reportId(), seq, at, Updates.set("meetingId", e.meetingId()), Updates.set("notice", e.notice()));
    }

    void on(ProblemIdentified e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.reportId(), seq, at, Updates.inc("problems", 1));
    }

    void on(ProblemWithdrawn e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.reportId(), seq, at, Updates.inc("problems", -1));
    }

    void on(RootCauseAnalyzed e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.reportId(), seq, at, Updates.addToSet("rootCauseIds", e.rootCauseId()));
    }

    void on(MeasureProposed e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.reportId(), seq, at, Updates.addToSet("measureIds", e.measureId()));
    }

    void on(PersonalMattersDeclared e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.reportId(), seq, at, Updates.set("personalMattersDeclared", true));
    }

    void on(ReportSubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.reportId(), seq, at, Updates.set("status", "SUBMITTED"), Updates.set("round", e.round()));
    }

    void on(ReportReturned e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.reportId(), seq, at, Updates.set("status", "RETURNED"), Updates.set("returnReasons", e.reasons()));
    }

    void on(ReportAccepted e, @SequenceNumber long seq, @Timestamp Instant at) {
        apply(e.reportId(), seq, at, Updates.set("status", "ACCEPTED"));
    }

    void reset() {
        reports.deleteMany(new Document());
    }

    private void apply(String reportId, long seq, Instant at, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(Updates.set("lastSequence", seq));
        all.add(Updates.set("updatedAt", Date.from(at)));
        reports.updateOne(Filters.and(Filters.eq("_id", reportId), Filters.lt("lastSequence", seq)),
                Updates.combine(all));
    }

    /**
     * The summary of {@code author}'s latest accepted report for a meeting year before {@code year}, or null: the
     * report a new outline's carry-over reports on (ADR 0089).
     */
    public Document latestAcceptedBefore(String author, int year) {
        return reports.find(Filters.and(Filters.eq("author", author), Filters.eq("status", "ACCEPTED"),
                Filters.lt("year", year))).sort(new Document("year", -1).append("updatedAt", -1)).first();
    }

    /** Summaries of one department's reports (or every department's when {@code department} is null). */
    public List<Document> list(String department, Integer year, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (department != null) {
            filters.add(Filters.eq("department", department));
        }
        if (year != null) {
            filters.add(Filters.eq("year", year));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return reports.find(filter).sort(new Document("updatedAt", -1)).limit(limit).into(new ArrayList<>());
    }
}

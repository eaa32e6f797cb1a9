package cn.zhenggai.rectification.intake;

import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportSubmitted;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Read model of what reports bring to rectification: the reports and the problems identified in them
 * (collections {@code intake_reports} and {@code intake_problems}). Every write is an upsert keyed by the
 * report or problem id that only sets fields on insert, so a redelivered event changes nothing.
 */
public class ProblemIntake {

    static final String REPORTS = "intake_reports";
    static final String PROBLEMS = "intake_problems";

    private final MongoCollection<Document> reports;
    private final MongoCollection<Document> problems;

    public ProblemIntake(MongoDatabase database) {
        this.reports = database.getCollection(REPORTS);
        this.problems = database.getCollection(PROBLEMS);
    }

    /** Returns whether the event changed the read model (false for a duplicate). */
    public boolean on(ReportDrafted event, EventEnvelope envelope) {
        return reports.updateOne(Filters.eq("_id", event.reportId()), Updates.combine(
                        Updates.setOnInsert("title", event.title()),
                        Updates.setOnInsert("year", event.year()),
                        Updates.setOnInsert("author", event.author()),
                        Updates.setOnInsert("department", event.department()),
                        Updates.setOnInsert("draftedAt", Date.from(envelope.timestamp())),
                        Updates.setOnInsert("eventId", envelope.eventId())),
                new UpdateOptions().upsert(true)).getUpsertedId() != null;
    }

    public boolean on(ProblemIdentified event, EventEnvelope envelope) {
        return problems.updateOne(Filters.eq("_id", event.problemId()), Updates.combine(
                        Updates.setOnInsert("reportId", event.reportId()),
                        Updates.setOnInsert("department", event.department()),
                        Updates.setOnInsert("theme", event.theme()),
                        Updates.setOnInsert("ordinal", event.ordinal()),
                        Updates.setOnInsert("statement", event.statement()),
                        Updates.setOnInsert("example", event.example()),
                        Updates.setOnInsert("identifiedAt", Date.from(envelope.timestamp())),
                        Updates.setOnInsert("identifiedBy", envelope.actor()),
                        Updates.setOnInsert("eventId", envelope.eventId()),
                        Updates.setOnInsert("projectedAt", new Date())),
                new UpdateOptions().upsert(true)).getUpsertedId() != null;
    }

    /**
     * A problem a report brought in, as {@code GET /api/rectification/problems} lists it: the stored fields in the
     * order they are stored, the id last (the answer's shape since the intake existed).
     *
     * @param identifiedAt when report-service recorded it (the envelope's timestamp)
     * @param identifiedBy who identified it (the envelope's actor)
     * @param eventId      the ProblemIdentified event it was projected from
     * @param projectedAt  when this read model took it in
     */
    public record Problem(String reportId, String department, String theme, int ordinal, String statement,
                          String example, Date identifiedAt, String identifiedBy, String eventId, Date projectedAt,
                          String problemId) {

        static Problem of(Document d) {
            Number ordinal = d.get("ordinal", Number.class);
            return new Problem(d.getString("reportId"), d.getString("department"), d.getString("theme"),
                    ordinal == null ? 0 : ordinal.intValue(), d.getString("statement"), d.getString("example"),
                    d.getDate("identifiedAt"), d.getString("identifiedBy"), d.getString("eventId"),
                    d.getDate("projectedAt"), d.getString("_id"));
        }
    }

    /** Problems of one department, or of all departments when {@code department} is null. */
    public List<Problem> problems(String department, String reportId, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (department != null) {
            filters.add(Filters.eq("department", department));
        }
        if (reportId != null) {
            filters.add(Filters.eq("reportId", reportId));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<Problem> found = new ArrayList<>();
        problems.find(filter).sort(Sorts.ascending("identifiedAt")).limit(limit)
                .forEach(d -> found.add(Problem.of(d)));
        return found;
    }

    /**
     * A submission: who submitted the report last (the author, or a delegate writing on their behalf), so that a
     * return reaches them too. Returns whether it changed anything (a redelivery changes nothing).
     */
    public boolean on(ReportSubmitted event, EventEnvelope envelope) {
        return reports.updateOne(Filters.and(Filters.eq("_id", event.reportId()),
                        Filters.ne("submittedRound", event.round())),
                Updates.combine(Updates.set("submittedBy", event.submittedBy()),
                        Updates.set("submittedRound", event.round()))).getModifiedCount() > 0;
    }

    /**
     * What the intake knows of a report from its drafting and submissions: its title, author, department and last
     * submitter (null fields when not known).
     */
    public record Drafted(String title, String author, String department, String submittedBy) {
    }

    /** The report as drafted; fields null when its ReportDrafted has not been read. */
    public Drafted drafted(String reportId) {
        Document d = reportId == null ? null : reports.find(Filters.eq("_id", reportId)).first();
        return d == null ? new Drafted(null, null, null, null)
                : new Drafted(d.getString("title"), d.getString("author"), d.getString("department"),
                        d.getString("submittedBy"));
    }
}

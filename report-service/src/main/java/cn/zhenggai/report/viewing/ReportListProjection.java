package cn.zhenggai.report.viewing;

import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.reportview.ReportState;
import cn.zhenggai.contracts.reportview.ReportStates;
import cn.zhenggai.contracts.reportview.ReportStatus;
import cn.zhenggai.platform.axon.AxonStorageAutoConfiguration;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report list read model ({@code reports} in report-service's Mongo database): one document per report holding
 * its typed {@link ReportState} ({@code state}, folded by {@link ReportStates}, ADR 0095) and, beside it, the summary
 * fields the list queries filter, sort and show, written from that state and from nothing else. Idempotent: the fold
 * ignores an event at or below the state's last sequence, and a write applies only to the document it was read from,
 * so a redelivered or replayed event changes nothing.
 */
@Component
@ProcessingGroup(ReportListProjection.GROUP)
public class ReportListProjection {

    /** Renamed from {@code report-list} when the documents began to hold the state: the new name replays once. */
    public static final String GROUP = "report-list-v2";
    static final String COLLECTION = "reports";

    private final MongoCollection<Document> reports;
    /** the unit-of-work resource holding this projection's states of the current batch */
    private final String pendingKey = ReportListProjection.class.getName() + ".pending";

    public ReportListProjection(MongoDatabase database) {
        this.reports = database.getCollection(COLLECTION);
        try {
            reports.createIndex(Indexes.ascending("department", "year"));
            reports.createIndex(Indexes.ascending("author", "year"));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ReportListProjection.class)
                    .warn("Index on {} not created now: {}", COLLECTION, e.getMessage());
        }
    }

    /** Every event of report-service's store; the fold takes the report events and ignores the others. */
    @EventHandler
    void on(Object event, @SequenceNumber long seq, @Timestamp Instant at, @MessageIdentifier String eventId,
            @MetaDataValue(AxonStorageAutoConfiguration.ACTOR) String actor) {
        apply(event, new EventMeta(eventId, seq, at, null, actor));
    }

    /** One event recorded at {@code at}, without id or actor (as tests and tools hand it). */
    void on(Object event, long seq, Instant at) {
        apply(event, new EventMeta(null, seq, at, null, null));
    }

    /**
     * Folds {@code event} into its report's state; returns the state after it (null: not a report's). Within a
     * processor's batch the states are kept in the unit of work and each changed report is written once, before the
     * batch commits (a report imported in one command is hundreds of events); outside one, at once.
     */
    ReportState apply(Object event, EventMeta meta) {
        String reportId = ReportStates.reportIdOf(event).orElse(null);
        if (reportId == null) {
            return null;
        }
        if (!CurrentUnitOfWork.isStarted()) {
            Folded folded = new Folded(stateOf(reportId));
            folded.now = ReportStates.apply(folded.read, event, meta);
            write(folded);
            return folded.now;
        }
        Folded folded = pendingOf(CurrentUnitOfWork.get()).computeIfAbsent(reportId, id -> new Folded(stateOf(id)));
        folded.now = ReportStates.apply(folded.now, event, meta);
        return folded.now;
    }

    /** A report's state as read from the list, and as folded since. */
    private static final class Folded {
        final ReportState read;
        ReportState now;

        Folded(ReportState read) {
            this.read = read;
            this.now = read;
        }
    }

    private Map<String, Folded> pendingOf(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(pendingKey, key -> {
            Map<String, Folded> pending = new LinkedHashMap<>();
            root.onPrepareCommit(u -> pending.values().forEach(this::write));
            return pending;
        });
    }

    private void write(Folded folded) {
        ReportState before = folded.read;
        ReportState after = folded.now;
        if (after == null || after == before) {
            return;
        }
        Document doc = ReportStateDocuments.listed(after);
        if (before == null) {
            try {
                // a document without state is one the list wrote before it kept the state: replaced on replay
                reports.replaceOne(Filters.and(Filters.eq("_id", after.reportId()), Filters.exists("state", false)),
                        doc, new ReplaceOptions().upsert(true));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        } else {
            reports.replaceOne(Filters.and(Filters.eq("_id", after.reportId()),
                    Filters.eq("lastSequence", before.lastSequence())), doc);
        }
    }

    /** The stored state of a report, or null when the list has none. */
    public ReportState stateOf(String reportId) {
        Document found = reports.find(Filters.eq("_id", reportId)).first();
        return found == null ? null : ReportStateDocuments.state(found);
    }

    @ResetHandler
    void reset() {
        reports.deleteMany(new Document());
    }

    /**
     * The summary of {@code author}'s latest accepted report for a meeting year before {@code year}, or null: the
     * report a new outline's carry-over reports on (ADR 0089).
     */
    public Document latestAcceptedBefore(String author, int year) {
        return reports.find(Filters.and(Filters.eq("author", author), Filters.eq("status", ReportStatus.ACCEPTED.name()),
                Filters.lt("year", year))).sort(new Document("year", -1).append("updatedAt", -1)).first();
    }

    /** Summaries of one department's reports (or every department's when {@code department} is null). */
    public List<Document> list(String department, Integer year, int limit) {
        return list(department, year, null, limit);
    }

    /**
     * As {@link #list(String, Integer, int)}, but when {@code draftsOf} is given the drafts listed are only those
     * it wrote or was delegated: someone else's draft is its author's business until it is submitted.
     */
    public List<Document> list(String department, Integer year, String draftsOf, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (draftsOf != null) {
            filters.add(Filters.or(Filters.ne("status", ReportStatus.DRAFT.name()), Filters.eq("author", draftsOf),
                    Filters.eq("state.delegates", draftsOf)));
        }
        if (department != null) {
            filters.add(Filters.eq("department", department));
        }
        if (year != null) {
            filters.add(Filters.eq("year", year));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        return reports.find(filter).sort(new Document("updatedAt", -1)).limit(limit).into(new ArrayList<>());
    }

    /** When the list last saw a change of a report's listed fields (its {@code updatedAt}). */
    static Date listedAt(ReportState state) {
        return Date.from(state.lastChangeOf(ReportStates.LISTED).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}

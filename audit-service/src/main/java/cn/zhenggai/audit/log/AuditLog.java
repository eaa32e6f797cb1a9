package cn.zhenggai.audit.log;

import cn.zhenggai.audit.chain.CanonicalJson;
import cn.zhenggai.audit.chain.ChainEntry;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only, hash-chained audit log ({@code audit_log}): one document per event, {@code _id} = event id, so an
 * event delivered twice is stored once. See ADR 0010.
 * <p>
 * Every record sits on two chains: the global chain in append order ({@code position} 1, 2, 3 …, {@code prevHash},
 * {@code hash}) and its aggregate's chain ({@code aggregateIndex} 0, 1, 2 …, {@code aggregatePrevHash},
 * {@code aggregateHash}); each hash is SHA-256 over the previous hash and the canonical JSON of the record's
 * {@link ChainEntry}. Appends are serialized through one head document ({@code audit_chain/_id=global}) changed only
 * by compare-and-set: an append first <em>announces</em> its fully computed record in the head ({@code pending}),
 * then inserts it, updates the day's digest and advances the head. Whoever finds a pending record — the next append
 * on any thread or instance, or start-up — completes it first; every step is idempotent, so a crash at any point is
 * repaired by the next append or by redelivery, and no position is ever used twice or skipped.
 */
public class AuditLog {

    public static final String COLLECTION = "audit_log";
    public static final String CHAIN = "audit_chain";
    public static final String DIGESTS = "audit_digests";
    public static final String AGGREGATE_HEADS = "audit_aggregate_heads";
    static final String HEAD = "global";

    private static final Logger logger = LoggerFactory.getLogger(AuditLog.class);

    private final MongoCollection<Document> log;
    private final MongoCollection<Document> chain;
    private final MongoCollection<Document> digests;
    private final MongoCollection<Document> aggregateHeads;

    public AuditLog(MongoDatabase database) {
        this.log = database.getCollection(COLLECTION);
        this.chain = database.getCollection(CHAIN);
        this.digests = database.getCollection(DIGESTS);
        this.aggregateHeads = database.getCollection(AGGREGATE_HEADS);
        log.createIndex(Indexes.ascending("position"));
        log.createIndex(Indexes.ascending("aggregateId", "aggregateIndex"));
        log.createIndex(Indexes.ascending("department"));
        try {
            // records stored before the chains existed are chained once, by recover(); never later arrivals
            chain.insertOne(new Document("_id", HEAD).append("position", 0L).append("hash", CanonicalJson.GENESIS)
                    .append("pending", null).append("legacyChained", log.countDocuments() == 0));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Completes an append interrupted by a crash and chains records stored before the log had chains. */
    public void recover() {
        Document head = head();
        if (head.get("pending") != null) {
            logger.warn("Completing interrupted audit append at position {}", head.getLong("position") + 1);
            try {
                complete(head);
            } catch (RefusedRecordException e) {
                logger.error("Abandoned an announced audit record the store refused: {}", e.getMessage());
            }
        }
        if (Boolean.TRUE.equals(head().getBoolean("legacyChained"))) {
            return;
        }
        List<Document> legacy = new ArrayList<>();
        log.find(Filters.exists("position", false)).sort(Sorts.ascending("loggedAt")).forEach(legacy::add);
        for (Document record : legacy) {
            Document base = new Document(record);
            ChainFields.strip(base);
            appendRecord(base, true);
        }
        chain.updateOne(Filters.eq("_id", HEAD), Updates.set("legacyChained", true));
        if (!legacy.isEmpty()) {
            logger.info("Chained {} audit records stored before hash chains", legacy.size());
        }
    }

    /** Appends the event; returns false when it was already in the log. */
    public boolean append(EventEnvelope envelope, String topic, int partition, long offset) {
        Document base = new Document("_id", envelope.eventId())
                .append("type", envelope.type())
                .append("revision", envelope.revision())
                .append("aggregateType", envelope.aggregateType())
                .append("aggregateId", envelope.aggregateId())
                .append("sequence", envelope.sequence())
                .append("timestamp", Date.from(envelope.timestamp().truncatedTo(ChronoUnit.MILLIS)))
                .append("actor", envelope.actor())
                .append("department", envelope.department())
                .append("payload", Document.parse(envelope.payload().toString()))
                .append("source", new Document("topic", topic).append("partition", partition).append("offset", offset));
        return appendRecord(base, false);
    }

    private boolean appendRecord(Document base, boolean adopting) {
        while (true) {
            Document head = head();
            if (head.get("pending") != null) {
                try {
                    complete(head);
                } catch (RefusedRecordException e) {
                    logger.error("Abandoned an announced audit record the store refused: {}", e.getMessage());
                }
                continue;
            }
            Document existing = log.find(Filters.eq("_id", base.get("_id"))).first();
            if (existing != null && (!adopting || existing.get("position") != null)) {
                return false;
            }
            Document record = prepare(base, head);
            if (announce(head, record)) {
                complete(head.append("pending", record));
                return true;
            }
        }
    }

    /** The record with its chain fields, to follow the given head. */
    Document prepare(Document base, Document head) {
        long position = head.getLong("position") + 1;
        String aggregateId = base.getString("aggregateId");
        // the aggregate's head is current: the previous append completed (head advanced) before this one started
        Document last = aggregateHeads.find(Filters.eq("_id", aggregateId)).first();
        Document record = new Document(base);
        record.putIfAbsent("loggedAt", Date.from(Instant.now()));
        record.append("position", position)
                .append("aggregateIndex", last == null ? 0L : ((Number) last.get("index")).longValue() + 1)
                .append("payloadSha256", ChainEntry.payloadHash(record.get("payload")));
        String canonical = ChainEntry.canonical(record);
        String aggregatePrev = last == null ? CanonicalJson.GENESIS : last.getString("hash");
        record.append("prevHash", head.getString("hash"))
                .append("hash", CanonicalJson.link(head.getString("hash"), canonical))
                .append("aggregatePrevHash", aggregatePrev)
                .append("aggregateHash", CanonicalJson.link(aggregatePrev, canonical));
        return record;
    }

    /** Compare-and-set: the head still at {@code head}'s position with nothing pending gets the record as pending. */
    boolean announce(Document head, Document record) {
        return chain.updateOne(Filters.and(Filters.eq("_id", HEAD), Filters.eq("position", head.getLong("position")),
                        Filters.eq("pending", null)),
                Updates.set("pending", record)).getModifiedCount() == 1;
    }

    /** Completes the pending record of {@code head}: insert (or adopt), digest, advance. Idempotent. */
    private void complete(Document head) {
        Document record = head.get("pending", Document.class);
        try {
            log.insertOne(record);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                // refused by the store, so by every attempt: nothing was written at this position, give it up
                chain.updateOne(Filters.and(Filters.eq("_id", HEAD), Filters.eq("position", record.getLong("position") - 1),
                        Filters.eq("pending._id", record.get("_id"))), Updates.set("pending", null));
                throw new RefusedRecordException("event " + record.get("_id") + " refused by the store: "
                        + e.getError().getMessage(), e);
            }
            // already inserted by an earlier attempt, or a record from before the chains being adopted
            log.replaceOne(Filters.and(Filters.eq("_id", record.get("_id")), Filters.exists("position", false)),
                    record, new ReplaceOptions());
        }
        long position = record.getLong("position");
        Date loggedAt = record.getDate("loggedAt");
        String day = LocalDate.ofInstant(loggedAt.toInstant(), ZoneOffset.UTC).toString();
        Document digest = new Document("lastPosition", position).append("lastEventId", record.get("_id"))
                .append("headHash", record.getString("hash")).append("lastLoggedAt", loggedAt);
        raise(digests, day, "lastPosition", position, digest, new Document("firstPosition", position));
        raise(aggregateHeads, record.getString("aggregateId"), "index", record.getLong("aggregateIndex"),
                new Document("index", record.getLong("aggregateIndex")).append("hash", record.getString("aggregateHash"))
                        .append("position", position), new Document());
        chain.updateOne(Filters.and(Filters.eq("_id", HEAD), Filters.eq("position", position - 1),
                        Filters.eq("pending._id", record.get("_id"))),
                Updates.combine(Updates.set("position", position), Updates.set("hash", record.getString("hash")),
                        Updates.set("pending", null)));
    }

    /**
     * Sets {@code fields} on document {@code id} unless it already holds a {@code key} of {@code value} or more
     * (idempotent, never moves backwards); creates it with {@code fields} and {@code created} when missing.
     */
    private static void raise(MongoCollection<Document> collection, String id, String key, long value, Document fields,
                              Document created) {
        if (collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt(key, value)),
                new Document("$set", fields)).getMatchedCount() > 0) {
            return;
        }
        try {
            Document document = new Document("_id", id);
            document.putAll(created);
            document.putAll(fields);
            collection.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** The store refused to insert an announced record; it is not retried (dead-lettered by the consumer). */
    static final class RefusedRecordException extends IllegalArgumentException {
        RefusedRecordException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The head of the global chain: {@code position} and {@code hash} of the last record, {@code pending}. */
    public Document head() {
        return chain.find(Filters.eq("_id", HEAD)).first();
    }

    public List<Document> entries(String aggregateId, String department, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (aggregateId != null) {
            filters.add(Filters.eq("aggregateId", aggregateId));
        }
        if (department != null) {
            filters.add(Filters.eq("department", department));
        }
        List<Document> found = new ArrayList<>();
        log.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.ascending("timestamp", "sequence"))
                .limit(limit)
                .forEach(d -> {
                    d.put("eventId", d.remove("_id"));
                    found.add(d);
                });
        return found;
    }

    /** The records of one aggregate's chain, in chain order. */
    public List<Document> chainOf(String aggregateId) {
        List<Document> found = new ArrayList<>();
        log.find(Filters.eq("aggregateId", aggregateId)).sort(Sorts.ascending("aggregateIndex")).forEach(found::add);
        return found;
    }

    /** Ids of the aggregates with at least one record of the department. */
    public List<String> aggregatesOf(String department) {
        List<String> ids = new ArrayList<>();
        log.distinct("aggregateId", Filters.eq("department", department), String.class).forEach(ids::add);
        ids.sort(null);
        return ids;
    }

    /** The department of an aggregate's first record, null when the aggregate is not in the log. */
    public Document firstOf(String aggregateId) {
        return log.find(Filters.eq("aggregateId", aggregateId)).sort(Sorts.ascending("aggregateIndex")).limit(1).first();
    }

    /** Fields a reader of events needs (the chain fields left out). */
    private static final Bson EVENT_FIELDS = com.mongodb.client.model.Projections.include("_id", "type",
            "aggregateType", "aggregateId", "sequence", "timestamp", "actor", "department", "payload", "position");

    /**
     * Ids of the aggregates that ever concerned the department: a record of the department, or a payload naming it as
     * lead or cooperating department.
     */
    public Set<String> aggregatesConcerning(String department) {
        Set<String> ids = new TreeSet<>();
        log.distinct("aggregateId", Filters.or(Filters.eq("department", department),
                Filters.eq("payload.leadDepartment", department),
                Filters.eq("payload.cooperatingDepartments", department)), String.class).forEach(ids::add);
        return ids;
    }

    /** The records (event fields only) of the given aggregates with an event time not after {@code until}. */
    public List<Document> eventsOf(Collection<String> aggregateIds, Instant until) {
        List<Document> found = new ArrayList<>();
        if (aggregateIds.isEmpty()) {
            return found;
        }
        Bson filter = aggregateIds.size() == 1 ? Filters.eq("aggregateId", aggregateIds.iterator().next())
                : Filters.in("aggregateId", aggregateIds);
        if (until != null) {
            filter = Filters.and(filter, Filters.lte("timestamp", Date.from(until)));
        }
        log.find(filter).projection(EVENT_FIELDS).forEach(found::add);
        return found;
    }

    /** The department codes that occur in the log. */
    public Set<String> departments() {
        Set<String> codes = new TreeSet<>();
        log.distinct("department", Filters.ne("department", null), String.class).forEach(codes::add);
        return codes;
    }

    /** Whether some record belongs to the department. */
    public boolean hasDepartment(String department) {
        return log.find(Filters.eq("department", department)).projection(com.mongodb.client.model.Projections.include("_id")).limit(1).first() != null;
    }

    /** Records (event fields only) with a position in {@code (after, upTo]}, in no particular order. */
    public void forEachEvent(long after, long upTo, Consumer<Document> action) {
        log.find(Filters.and(Filters.gt("position", after), Filters.lte("position", upTo))).projection(EVENT_FIELDS)
                .batchSize(2000).forEach(action::accept);
    }

    /** Every record in global-chain order (records without a position first), one at a time. */
    public void forEachByPosition(Consumer<Document> action) {
        log.find().sort(Sorts.ascending("position")).batchSize(1000).forEach(action::accept);
    }

    /** The daily digests (chain head at the end of each day, UTC), oldest first, optionally within days. */
    public List<Document> digests(LocalDate from, LocalDate to) {
        List<Bson> filters = new ArrayList<>();
        if (from != null) {
            filters.add(Filters.gte("_id", from.toString()));
        }
        if (to != null) {
            filters.add(Filters.lte("_id", to.toString()));
        }
        List<Document> found = new ArrayList<>();
        digests.find(filters.isEmpty() ? new Document() : Filters.and(filters)).sort(Sorts.ascending("_id"))
                .forEach(found::add);
        return found;
    }

    public long size() {
        return log.countDocuments();
    }
}

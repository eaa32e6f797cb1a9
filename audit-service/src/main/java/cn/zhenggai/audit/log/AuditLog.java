package cn.zhenggai.audit.log;

import cn.zhenggai.audit.chain.CanonicalJson;
import cn.zhenggai.audit.chain.ChainEntry;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
    private final Clock clock;

    public AuditLog(MongoDatabase database) {
        this(database, Clock.systemUTC());
    }

    /** @param clock gives {@code loggedAt}; fixed in tests that compare the chains of two logs */
    public AuditLog(MongoDatabase database, Clock clock) {
        this.clock = clock;
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
        if (head.get("pendingBatch") != null) {
            logger.warn("Completing interrupted audit batch after position {}", head.getLong("position"));
            try {
                completeBatch(head);
            } catch (RefusedRecordException e) {
                logger.error("Abandoned an announced audit batch the store refused: {}", e.getMessage());
            }
            head = head();
        }
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
        return appendRecord(base(envelope, topic, partition, offset), false);
    }

    /** The record of an event as delivered, before the append adds its chain fields. */
    public static Document base(EventEnvelope envelope, String topic, int partition, long offset) {
        return new Document("_id", envelope.eventId())
                .append("type", envelope.type())
                .append("revision", envelope.revision())
                .append("aggregateType", envelope.aggregateType())
                .append("aggregateId", envelope.aggregateId())
                .append("sequence", envelope.sequence())
                .append("timestamp", Date.from(envelope.timestamp().truncatedTo(ChronoUnit.MILLIS)))
                // when it took effect (ADR 0090): not a chained field (ChainEntry.FIELDS), so records stored before
                // it existed verify as they did; it is covered anyway, through the payload's backdating
                .append("effectiveAt", Date.from(envelope.effectiveAt().truncatedTo(ChronoUnit.MILLIS)))
                .append("actor", envelope.actor())
                .append("department", envelope.department())
                .append("payload", Document.parse(envelope.payload().toString()))
                .append("source", new Document("topic", topic).append("partition", partition).append("offset", offset));
    }

    private boolean appendRecord(Document base, boolean adopting) {
        while (true) {
            Document head = head();
            if (completePending(head)) {
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

    /** Completes whatever the head announces (one record or a batch); true when there was something to complete. */
    private boolean completePending(Document head) {
        try {
            if (head.get("pendingBatch") != null) {
                completeBatch(head);
                return true;
            }
            if (head.get("pending") != null) {
                complete(head);
                return true;
            }
        } catch (RefusedRecordException e) {
            logger.error("Abandoned an announced audit record the store refused: {}", e.getMessage());
            return true;
        }
        return false;
    }

    /** Most records one batch announces, and most payload characters (the head document must stay well below 16 MB). */
    public static final int MAX_BATCH_RECORDS = 500;
    static final int MAX_BATCH_CHARS = 4 * 1024 * 1024;

    /**
     * What became of a batch: appended records, duplicates (already logged, or twice in the batch), and records the
     * store refused (each with its error, to be dead-lettered).
     */
    public record BatchOutcome(int appended, int duplicates, List<Refused> refused) {
    }

    /** A record the store refused, and why. */
    public record Refused(Document record, RuntimeException error) {
    }

    /**
     * Appends the records ({@link #base}) in the given order with one compare-and-set of the head per batch of up to
     * {@link #MAX_BATCH_RECORDS} records (ADR 0052): the chained records are computed exactly as one-by-one appends
     * would compute them, announced together in the head ({@code pendingBatch}), inserted with one
     * {@code insertMany}, then the digests, the aggregates' heads and the head are raised. Idempotent by event id;
     * an interrupted batch is completed by whoever next finds it announced. When the store refuses a record of the
     * batch, the batch is withdrawn and its records are appended one by one, so that only the refused one is left out.
     */
    public BatchOutcome appendBatch(List<Document> bases) {
        Map<Object, Document> unique = new LinkedHashMap<>();
        bases.forEach(b -> unique.putIfAbsent(b.get("_id"), b));
        int duplicates = bases.size() - unique.size();
        int appended = 0;
        List<Refused> refused = new ArrayList<>();
        List<Document> todo = new ArrayList<>(unique.values());
        while (!todo.isEmpty()) {
            Document head = head();
            if (completePending(head)) {
                continue;
            }
            Set<Object> logged = new HashSet<>();
            log.find(Filters.in("_id", todo.stream().map(d -> d.get("_id")).toList()))
                    .projection(com.mongodb.client.model.Projections.include("_id"))
                    .forEach(d -> logged.add(d.get("_id")));
            if (!logged.isEmpty()) {
                duplicates += logged.size();
                todo.removeIf(d -> logged.contains(d.get("_id")));
                if (todo.isEmpty()) {
                    break;
                }
            }
            List<Document> records = chainBatch(todo, head);
            Document batch = announceBatch(head, records);
            if (batch == null) {
                continue; // lost the race: another writer moved the head first
            }
            List<Document> chunk = new ArrayList<>(todo.subList(0, records.size()));
            todo.subList(0, records.size()).clear();
            try {
                completeBatch(head.append("pendingBatch", batch));
                appended += records.size();
            } catch (RefusedRecordException e) {
                logger.warn("Store refused a record of a batch; appending its {} records one by one", chunk.size());
                for (Document base : chunk) {
                    try {
                        if (appendRecord(base, false)) {
                            appended++;
                        } else {
                            duplicates++;
                        }
                    } catch (RefusedRecordException r) {
                        refused.add(new Refused(base, r));
                    }
                }
            }
        }
        return new BatchOutcome(appended, duplicates, refused);
    }

    /** Compare-and-set: the head still at {@code head}'s position with nothing pending announces the batch. */
    Document announceBatch(Document head, List<Document> records) {
        Document batch = new Document("firstId", records.get(0).get("_id")).append("records", records);
        return chain.updateOne(Filters.and(Filters.eq("_id", HEAD), Filters.eq("position", head.getLong("position")),
                        Filters.eq("pending", null), Filters.eq("pendingBatch", null)),
                Updates.set("pendingBatch", batch)).getModifiedCount() == 1 ? batch : null;
    }

    /** The first records of {@code todo} (within the batch limits), chained after {@code head}. */
    List<Document> chainBatch(List<Document> todo, Document head) {
        Map<String, Document> lastOf = new HashMap<>();
        aggregateHeads.find(Filters.in("_id", todo.stream().limit(MAX_BATCH_RECORDS)
                        .map(d -> d.getString("aggregateId")).distinct().toList()))
                .forEach(d -> lastOf.put(d.getString("_id"), lastOf(d)));
        List<Document> records = new ArrayList<>();
        long position = head.getLong("position");
        String prevHash = head.getString("hash");
        long chars = 0;
        for (Document base : todo) {
            String payload = CanonicalJson.of(base.get("payload"));
            if (records.size() == MAX_BATCH_RECORDS || (!records.isEmpty() && chars + payload.length() > MAX_BATCH_CHARS)) {
                break;
            }
            chars += payload.length();
            Document last = lastOf.get(base.getString("aggregateId"));
            Document record = chained(base, ++position, prevHash,
                    last == null ? -1L : ((Number) last.get("index")).longValue(),
                    last == null ? CanonicalJson.GENESIS : last.getString("hash"), CanonicalJson.sha256(payload));
            records.add(record);
            prevHash = record.getString("hash");
            lastOf.put(base.getString("aggregateId"), new Document("index", record.getLong("aggregateIndex"))
                    .append("hash", record.getString("aggregateHash")));
        }
        return records;
    }

    /** Completes the announced batch of {@code head}: insert, digests, aggregate heads, advance. Idempotent. */
    private void completeBatch(Document head) {
        Document batch = head.get("pendingBatch", Document.class);
        List<Document> records = batch.getList("records", Document.class);
        long first = records.get(0).getLong("position");
        long last = records.get(records.size() - 1).getLong("position");
        Bson announced = Filters.and(Filters.eq("_id", HEAD), Filters.eq("position", first - 1),
                Filters.eq("pendingBatch.firstId", batch.get("firstId")));
        try {
            log.insertMany(records, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            Optional<BulkWriteError> refusal = e.getWriteErrors().stream()
                    .filter(w -> w.getCategory() != ErrorCategory.DUPLICATE_KEY).findFirst();
            if (refusal.isPresent()) {
                // nothing of the batch is on the chain yet: take back what was inserted, withdraw the announcement
                log.deleteMany(Filters.and(Filters.gte("position", first), Filters.lte("position", last)));
                chain.updateOne(announced, Updates.set("pendingBatch", null));
                throw new RefusedRecordException("a record of the batch at " + first + "–" + last
                        + " was refused by the store: " + refusal.get().getMessage(), e);
            }
            // the others were inserted by an earlier attempt
        }
        Map<String, List<Document>> byDay = new TreeMap<>();
        Map<String, Document> lastByAggregate = new LinkedHashMap<>();
        for (Document record : records) {
            byDay.computeIfAbsent(dayOf(record), k -> new ArrayList<>()).add(record);
            lastByAggregate.put(record.getString("aggregateId"), record);
        }
        byDay.forEach((day, list) -> {
            Document end = list.get(list.size() - 1);
            raise(digests, day, "lastPosition", end.getLong("position"), digestOf(end),
                    new Document("firstPosition", list.get(0).getLong("position")));
        });
        List<WriteModel<Document>> heads = new ArrayList<>();
        lastByAggregate.forEach((aggregateId, record) -> heads.add(raiseAggregateHead(record)));
        try {
            aggregateHeads.bulkWrite(heads, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> w.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            // two upserts created the same head at once: the head exists now, so the update applies
            List<WriteModel<Document>> again = e.getWriteErrors().stream().map(w -> heads.get(w.getIndex())).toList();
            aggregateHeads.bulkWrite(again, new BulkWriteOptions().ordered(false));
        }
        Document end = records.get(records.size() - 1);
        chain.updateOne(announced, Updates.combine(Updates.set("position", last),
                Updates.set("hash", end.getString("hash")), Updates.set("pendingBatch", null)));
    }

    private static String dayOf(Document record) {
        return LocalDate.ofInstant(record.getDate("loggedAt").toInstant(), ZoneOffset.UTC).toString();
    }

    private static Document digestOf(Document record) {
        return new Document("lastPosition", record.getLong("position")).append("lastEventId", record.get("_id"))
                .append("headHash", record.getString("hash")).append("lastLoggedAt", record.getDate("loggedAt"));
    }

    /**
     * Raises an aggregate's head ({@code audit_aggregate_heads/_id=aggregateId}, field {@code last} = {@code {index,
     * hash, position}}) to the record, never lowering it: {@code $max} on the embedded document compares {@code index}
     * first, and the update is filtered on {@code _id} alone, so it is one indexed write even on the embedded store.
     */
    private static UpdateOneModel<Document> raiseAggregateHead(Document record) {
        return new UpdateOneModel<>(Filters.eq("_id", record.getString("aggregateId")),
                new Document("$max", new Document("last", aggregateHeadOf(record))), new UpdateOptions().upsert(true));
    }

    /** An aggregate head's last record {@code {index, hash, position}} (heads written before ADR 0052 hold it at top level). */
    private static Document lastOf(Document head) {
        Document last = head.get("last", Document.class);
        return last != null ? last : head;
    }

    private static Document aggregateHeadOf(Document record) {
        return new Document("index", record.getLong("aggregateIndex")).append("hash", record.getString("aggregateHash"))
                .append("position", record.getLong("position"));
    }

    /** The record with its chain fields, to follow the given head. */
    Document prepare(Document base, Document head) {
        // the aggregate's head is current: the previous append completed (head advanced) before this one started
        Document aggregateHead = aggregateHeads.find(Filters.eq("_id", base.getString("aggregateId"))).first();
        Document last = aggregateHead == null ? null : lastOf(aggregateHead);
        return chained(base, head.getLong("position") + 1, head.getString("hash"),
                last == null ? -1L : ((Number) last.get("index")).longValue(),
                last == null ? CanonicalJson.GENESIS : last.getString("hash"), null);
    }

    /**
     * The record with its chain fields at {@code position} after {@code prevHash}, following its aggregate's record
     * number {@code lastIndex} (-1: none) whose hash is {@code aggregatePrev}. The one computation of both chains,
     * for single and batched appends alike.
     */
    private Document chained(Document base, long position, String prevHash, long lastIndex, String aggregatePrev,
                             String payloadSha256) {
        Document record = new Document(base);
        record.putIfAbsent("loggedAt", Date.from(clock.instant()));
        record.append("position", position)
                .append("aggregateIndex", lastIndex + 1)
                .append("payloadSha256", payloadSha256 != null ? payloadSha256 : ChainEntry.payloadHash(record.get("payload")));
        String canonical = ChainEntry.canonical(record);
        record.append("prevHash", prevHash)
                .append("hash", CanonicalJson.link(prevHash, canonical))
                .append("aggregatePrevHash", aggregatePrev)
                .append("aggregateHash", CanonicalJson.link(aggregatePrev, canonical));
        return record;
    }

    /** Compare-and-set: the head still at {@code head}'s position with nothing pending gets the record as pending. */
    boolean announce(Document head, Document record) {
        return chain.updateOne(Filters.and(Filters.eq("_id", HEAD), Filters.eq("position", head.getLong("position")),
                        Filters.eq("pending", null), Filters.eq("pendingBatch", null)),
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
        raise(digests, dayOf(record), "lastPosition", position, digestOf(record), new Document("firstPosition", position));
        UpdateOneModel<Document> raise = raiseAggregateHead(record);
        try {
            aggregateHeads.updateOne(raise.getFilter(), raise.getUpdate(), raise.getOptions());
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            aggregateHeads.updateOne(raise.getFilter(), raise.getUpdate(), raise.getOptions()); // created meanwhile
        }
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

    /** The records (event fields and position) with the given event ids, in no particular order ({@code _id}). */
    public List<Document> eventsWithIds(Collection<?> eventIds) {
        List<Document> found = new ArrayList<>();
        if (!eventIds.isEmpty()) {
            log.find(Filters.in("_id", eventIds)).projection(EVENT_FIELDS).forEach(found::add);
        }
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

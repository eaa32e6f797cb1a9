package cn.zhenggai.audit.replay;

import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.audit.timetravel.ItemStates;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.platform.ledger.LedgerItemDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replays of a projection (ADR 0051): rebuild it from the whole audit log into a shadow collection in the background,
 * compare the shadow with the live collection and record every difference, and switch over on request. One replay
 * at a time per projection. A replay's record ({@code audit_replays}) says its state: {@code RUNNING},
 * {@code FINISHED} (shadow ready, differences recorded), {@code FAILED}, {@code SWITCHED_OVER} or {@code SUPERSEDED}.
 */
public class Replays implements AutoCloseable {

    public static final String REPLAYS = "audit_replays";
    public static final String DIFFERENCES = "audit_replay_differences";

    private static final Logger logger = LoggerFactory.getLogger(Replays.class);

    private final MongoDatabase database;
    private final AuditLog log;
    private final Map<String, LiveLedger> projections;
    private final MongoCollection<Document> replays;
    private final MongoCollection<Document> differences;
    private final Map<String, AtomicLong> done = new ConcurrentHashMap<>();
    private final Executor executor;
    private final Clock clock;

    public Replays(MongoDatabase database, AuditLog log, LiveLedger ledger, Clock clock) {
        this(database, log, ledger, clock, Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "audit-replay");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** @param executor runs the replays in the background */
    public Replays(MongoDatabase database, AuditLog log, LiveLedger ledger, Clock clock, Executor executor) {
        this.executor = executor;
        this.database = database;
        this.log = log;
        this.projections = Map.of(LiveLedger.NAME, ledger);
        this.replays = database.getCollection(REPLAYS);
        this.differences = database.getCollection(DIFFERENCES);
        this.clock = clock;
        // a replay that was running when the service stopped never finishes
        replays.updateMany(Filters.eq("state", "RUNNING"), Updates.combine(Updates.set("state", "FAILED"),
                Updates.set("error", "服务重启，重放中断")));
    }

    public Set<String> names() {
        return new TreeSet<>(projections.keySet());
    }

    /** Starts a replay of the projection; 404 for an unknown one, 409 while one of it runs. */
    public synchronized ReplayProgress start(String projection) {
        LiveLedger ledger = projections.get(projection);
        if (ledger == null) {
            throw Refusal.notFound("UNKNOWN_PROJECTION", "没有名为 " + projection + " 的投影（可选："
                    + String.join("、", names()) + "）");
        }
        Document running = replays.find(Filters.and(Filters.eq("projection", projection), Filters.eq("state", "RUNNING"))).first();
        if (running != null) {
            throw Refusal.conflict("REPLAY_RUNNING", "投影 " + projection + " 的重放正在进行：" + running.getString("_id"));
        }
        String id = UUID.randomUUID().toString();
        long upTo = log.head().getLong("position");
        String shadow = LiveLedger.COLLECTION + "_shadow_" + id.substring(0, 8);
        Document replay = new Document("_id", id).append("projection", projection).append("state", "RUNNING")
                .append("shadowCollection", shadow).append("liveCollection", LiveLedger.COLLECTION)
                .append("total", upTo).append("done", 0L).append("upToPosition", upTo)
                .append("startedAt", Date.from(clock.instant())).append("finishedAt", null)
                .append("differences", null).append("error", null);
        replays.insertOne(replay);
        done.put(id, new AtomicLong());
        executor.execute(() -> run(id, ledger, shadow, upTo));
        return progress(id);
    }

    private void run(String id, LiveLedger ledger, String shadowName, long upTo) {
        AtomicLong counter = done.get(id);
        try {
            MongoCollection<Document> shadow = database.getCollection(shadowName);
            database.createCollection(shadowName); // a new name per replay
            long t = System.nanoTime();
            // the states the shadow's documents were written from, by item: the shadow holds document(id, state)
            Map<String, RawBsonDocument> built = new HashMap<>(ledger.foldInto(shadow, 0, upTo, true, counter::set));
            long foldMillis = (System.nanoTime() - t) / 1_000_000;
            counter.set(upTo);
            replays.updateOne(Filters.eq("_id", id), Updates.set("done", upTo));
            long[] compareMillis = {0};
            long compared = ledger.whileHeld(watermark -> {
                if (watermark > upTo) {
                    built.putAll(ledger.foldInto(shadow, upTo, watermark, false, n -> { }));
                }
                long c = System.nanoTime();
                long found = compare(id, ledger.live(), shadow, built, watermark);
                compareMillis[0] = (System.nanoTime() - c) / 1_000_000;
                return found;
            });
            replays.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", "FINISHED"),
                    Updates.set("finishedAt", Date.from(clock.instant())), Updates.set("differences", compared),
                    Updates.set("foldMillis", foldMillis), Updates.set("compareMillis", compareMillis[0])));
            logger.info("Replay {} of {} finished: {} records, {} differences", id, LiveLedger.NAME, upTo, compared);
        } catch (RuntimeException e) {
            logger.error("Replay {} failed", id, e);
            replays.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", "FAILED"),
                    Updates.set("finishedAt", Date.from(clock.instant())), Updates.set("error", String.valueOf(e.getMessage()))));
        } finally {
            done.remove(id);
        }
    }

    /**
     * Records every difference between the live collection as stored and the shadow, both holding the fold up to
     * {@code position}. The live documents are read from the store, once. The shadow's side is {@code built}: the bytes the fold
     * sent to the shadow, kept as they were sent (every document of the shadow was written by this replay, each from
     * one encoding); so the shadow is not read back nor encoded twice, only counted, and a count that disagrees fails the replay. A live document whose bytes are those of its
     * shadow document is equal; any other is decoded and compared field by field, as before.
     */
    private long compare(String id, MongoCollection<Document> live, MongoCollection<Document> shadow,
                         Map<String, RawBsonDocument> built, long position) {
        differences.deleteMany(Filters.eq("replayId", id));
        replays.updateOne(Filters.eq("_id", id), Updates.set("comparedAtPosition", position));
        long inShadow = shadow.countDocuments();
        if (inShadow != built.size()) {
            throw new IllegalStateException("影子集合 " + shadow.getNamespace().getCollectionName() + " 有 "
                    + inShadow + " 个文档，重放写入的是 " + built.size() + " 个");
        }
        Codec<Document> codec = shadow.getCodecRegistry().get(Document.class);
        Set<String> pending = new HashSet<>(built.keySet());
        List<Document> found = new ArrayList<>();
        long count = 0;
        // in batches small enough for any store's reply size limit; order does not matter, each is looked up by id
        for (RawBsonDocument l : live.withDocumentClass(RawBsonDocument.class).find().batchSize(500)) {
            String key = l.getString("_id").getValue();
            RawBsonDocument s = built.get(key);
            if (s == null || !pending.remove(key)) {
                found.add(difference(id, key, "ONLY_IN_LIVE", List.of()));
            } else {
                if (!l.getByteBuffer().asNIO().equals(s.getByteBuffer().asNIO())) {
                    List<Document> fields = fields(l.decode(codec), s.decode(codec));
                    if (!fields.isEmpty()) {
                        found.add(difference(id, key, "DIFFERENT", fields));
                    }
                }
            }
            if (found.size() >= 1000) {
                count += found.size();
                differences.insertMany(found);
                found.clear();
            }
        }
        for (String key : new TreeSet<>(pending)) {
            found.add(difference(id, key, "ONLY_IN_SHADOW", List.of()));
            if (found.size() >= 1000) {
                count += found.size();
                differences.insertMany(found);
                found.clear();
            }
        }
        if (!found.isEmpty()) {
            count += found.size();
            differences.insertMany(found);
        }
        return count;
    }

    /**
     * The fields in which two stored items differ, named and written as the item's state names them (ADR 0108: the
     * stored form is the store's business, a difference is the item's); a document that does not read as an item
     * (a hand-edited one) is compared as stored.
     */
    private static List<Document> fields(Document live, Document shadow) {
        Map<String, Object> l;
        Map<String, Object> s;
        try {
            l = ItemStates.fields(LedgerItemDocuments.fromDocument(live));
            s = ItemStates.fields(LedgerItemDocuments.fromDocument(shadow));
        } catch (RuntimeException unreadable) {
            l = live;
            s = shadow;
        }
        List<Document> fields = new ArrayList<>();
        Set<String> keys = new TreeSet<>(l.keySet());
        keys.addAll(s.keySet());
        for (String key : keys) {
            if (!Objects.equals(l.get(key), s.get(key))) {
                fields.add(new Document("field", key).append("live", l.get(key)).append("shadow", s.get(key)));
            }
        }
        return fields;
    }

    private static Document difference(String replayId, String key, String kind, List<Document> fields) {
        return new Document("replayId", replayId).append("key", key).append("kind", kind).append("fields", fields);
    }

    /** Replaces the live collection with the finished replay's shadow (caught up to the head first). */
    public synchronized ReplayProgress switchOver(String id) {
        Document replay = replay(id);
        if (!"FINISHED".equals(replay.getString("state"))) {
            throw Refusal.conflict("REPLAY_NOT_FINISHED", "重放 " + id + " 的状态为 " + replay.getString("state")
                    + "，只有已完成的重放可以切换");
        }
        LiveLedger ledger = projections.get(replay.getString("projection"));
        MongoCollection<Document> shadow = database.getCollection(replay.getString("shadowCollection"));
        long compared = ((Number) replay.get("comparedAtPosition")).longValue();
        long position = ledger.whileHeld(watermark -> {
            if (watermark > compared) {
                ledger.foldInto(shadow, compared, watermark, false, n -> { });
            }
            ledger.replaceWith(replay.getString("shadowCollection"), watermark);
            return watermark;
        });
        replays.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("state", "SWITCHED_OVER"),
                Updates.set("switchedOverAt", Date.from(clock.instant())), Updates.set("switchedOverAtPosition", position)));
        // the other finished replays of the projection compared against a live collection that is gone
        replays.updateMany(Filters.and(Filters.eq("projection", replay.getString("projection")),
                Filters.eq("state", "FINISHED")), Updates.set("state", "SUPERSEDED"));
        logger.info("Switched {} over to the shadow of replay {} at position {}", LiveLedger.COLLECTION, id, position);
        return progress(id);
    }

    /** The replay's progress: records done/total, records/s, percent, seconds left, state. */
    public ReplayProgress progress(String id) {
        Document replay = replay(id);
        AtomicLong running = done.get(id);
        long total = ((Number) replay.get("total")).longValue();
        long doneNow = running != null ? running.get() : ((Number) replay.get("done")).longValue();
        Instant started = replay.getDate("startedAt").toInstant();
        Instant end = replay.getDate("finishedAt") != null ? replay.getDate("finishedAt").toInstant() : clock.instant();
        double seconds = Math.max(0.001, Duration.between(started, end).toMillis() / 1000.0);
        double rate = doneNow / seconds;
        return new ReplayProgress(id, replay.getString("projection"), replay.getString("state"), doneNow, total,
                total == 0 ? 100.0 : Math.round(1000.0 * doneNow / total) / 10.0, Math.round(rate),
                "RUNNING".equals(replay.getString("state")) && rate > 0 ? Math.round((total - doneNow) / rate) : 0,
                position(replay, "upToPosition"), position(replay, "comparedAtPosition"),
                position(replay, "differences"), replay.getString("shadowCollection"),
                replay.getString("liveCollection"), started.toString(), instant(replay, "finishedAt"),
                instant(replay, "switchedOverAt"), replay.getString("error"));
    }

    private static Long position(Document replay, String key) {
        return replay.get(key) instanceof Number n ? n.longValue() : null;
    }

    private static String instant(Document replay, String key) {
        return replay.getDate(key) == null ? null : replay.getDate(key).toInstant().toString();
    }

    /** The recorded differences of a replay, up to {@code limit}. */
    public ReplayDifferences differences(String id, int limit) {
        Document replay = replay(id);
        List<ReplayDifferences.Difference> list = new ArrayList<>();
        differences.find(Filters.eq("replayId", id)).sort(Sorts.ascending("key")).limit(limit).forEach(d ->
                list.add(new ReplayDifferences.Difference(d.getString("key"), d.getString("kind"),
                        d.getList("fields", Document.class))));
        return new ReplayDifferences(id, replay.getString("state"), position(replay, "differences"), list.size(),
                list);
    }

    private Document replay(String id) {
        Document replay = replays.find(Filters.eq("_id", id)).first();
        if (replay == null) {
            throw Refusal.notFound("REPLAY_NOT_FOUND", "没有该重放：" + id);
        }
        return replay;
    }

    /** Waits for running replays to end (tests, shutdown). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!done.isEmpty()) {
            if (System.nanoTime() > until) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        if (executor instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }
}

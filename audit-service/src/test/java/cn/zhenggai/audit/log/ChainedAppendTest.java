package cn.zhenggai.audit.log;

import cn.zhenggai.audit.TestLog;
import cn.zhenggai.audit.chain.CanonicalJson;
import cn.zhenggai.audit.chain.ChainEntry;
import cn.zhenggai.audit.integrity.ChainVerifier;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.zhenggai.audit.TestLog.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** Appending onto the global and per-aggregate chains: order, duplicates, crashes, concurrency, older records. */
class ChainedAppendTest {

    private final TestLog store = new TestLog();
    private final AuditLog log = store.log;

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void eachRecordLinksToThePreviousOneOnBothChains() {
        store.appendSample(5);
        List<Document> records = byPosition();
        assertThat(records).extracting(d -> d.getLong("position")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        String previous = CanonicalJson.GENESIS;
        for (Document record : records) {
            assertThat(record.getString("prevHash")).isEqualTo(previous);
            assertThat(record.getString("hash")).isEqualTo(CanonicalJson.link(previous, ChainEntry.canonical(record)));
            assertThat(record.getString("payloadSha256")).isEqualTo(ChainEntry.payloadHash(record.get("payload")));
            previous = record.getString("hash");
        }
        assertThat(log.head().getLong("position")).isEqualTo(7L);
        assertThat(log.head().getString("hash")).isEqualTo(previous);

        List<Document> r2 = log.chainOf("r2");
        assertThat(r2).extracting(d -> d.getString("_id")).containsExactly("d2", "e3");
        assertThat(r2.get(0).getString("aggregatePrevHash")).isEqualTo(CanonicalJson.GENESIS);
        assertThat(r2.get(1).getString("aggregatePrevHash")).isEqualTo(r2.get(0).getString("aggregateHash"));
        assertThat(r2).extracting(d -> d.getLong("aggregateIndex")).containsExactly(0L, 1L);
        assertThat(new ChainVerifier(log).verify().ok()).isTrue();
    }

    @Test
    void aDuplicateChangesNothing() {
        store.appendSample(2);
        Document head = log.head();
        List<Document> before = byPosition();
        assertThat(log.append(problem("e1", "r1", 1, "2022-12-20T08:00:01Z"), "other", 3, 99)).isFalse();
        assertThat(byPosition()).isEqualTo(before);
        assertThat(log.head()).isEqualTo(head);
    }

    @Test
    void outOfOrderArrivalIsChainedInArrivalOrderWithItsSequenceKept() {
        log.append(problem("e3", "r1", 3, "2022-12-20T08:00:03Z"), "t", 0, 3);
        log.append(problem("e1", "r1", 1, "2022-12-20T08:00:01Z"), "t", 0, 1);
        log.append(problem("e2", "r1", 2, "2022-12-20T08:00:02Z"), "t", 0, 2);
        List<Document> chain = log.chainOf("r1");
        assertThat(chain).extracting(d -> d.getString("_id")).containsExactly("e3", "e1", "e2");
        assertThat(chain).extracting(d -> d.getLong("sequence")).containsExactly(3L, 1L, 2L);
        assertThat(new ChainVerifier(log).verify().ok()).isTrue();
        assertThat(log.entries("r1", null, 10)).extracting(d -> d.getString("eventId")).containsExactly("e1", "e2", "e3");
    }

    @Test
    void aCrashAfterAnnouncingIsCompletedByTheNextAppend() {
        store.appendSample(1);
        Document head = log.head();
        Document record = log.prepare(base("x1"), head);
        assertThat(log.announce(head, record)).isTrue();
        // crash: never inserted. A new instance (restart) and redelivery of another event
        AuditLog restarted = new AuditLog(store.database);
        assertThat(restarted.append(problem("e9", "r1", 9, "2022-12-20T09:00:00Z"), "t", 0, 9)).isTrue();
        assertThat(byPosition()).extracting(d -> d.getString("_id")).containsExactly("d1", "d2", "e1", "x1", "e9");
        assertThat(restarted.head().get("pending")).isNull();
        assertThat(new ChainVerifier(restarted).verify().ok()).isTrue();
    }

    @Test
    void aCrashAfterInsertingIsRepairedByRedeliveryOfTheSameEvent() {
        store.appendSample(1);
        Document head = log.head();
        Document record = log.prepare(base("x1"), head);
        log.announce(head, record);
        store.records().insertOne(record); // crash before the head moved
        AuditLog restarted = new AuditLog(store.database);
        assertThat(restarted.append(problem("x1", "r1", 5, "2022-12-20T08:30:00Z"), "t", 0, 5))
                .as("redelivery: already logged").isFalse();
        assertThat(restarted.head().getLong("position")).isEqualTo(4L);
        assertThat(restarted.head().get("pending")).isNull();
        assertThat(store.records().countDocuments()).isEqualTo(4);
        assertThat(new ChainVerifier(restarted).verify().ok()).isTrue();
    }

    @Test
    void recoverAtStartCompletesAnInterruptedAppend() {
        Document head = log.head();
        log.announce(head, log.prepare(base("x1"), head));
        AuditLog restarted = new AuditLog(store.database);
        restarted.recover();
        assertThat(restarted.head().getLong("position")).isEqualTo(1L);
        assertThat(new ChainVerifier(restarted).verify().ok()).isTrue();
    }

    @Test
    void anAnnouncedRecordTheStoreRefusesIsAbandonedAndTheChainGoesOn() {
        store.appendSample(1);
        Document head = log.head();
        Document refused = log.prepare(base("x1"), head);
        refused.put("_id", List.of("an", "array")); // MongoDB refuses an array as _id on insert
        assertThat(log.announce(head, refused)).isTrue();
        assertThat(log.append(problem("e9", "r1", 9, "2022-12-20T09:00:00Z"), "t", 0, 9)).isTrue();
        assertThat(byPosition()).extracting(d -> d.getString("_id")).containsExactly("d1", "d2", "e1", "e9");
        assertThat(new ChainVerifier(log).verify().ok()).isTrue();
    }

    @Test
    void concurrentWritersNeverShareOrSkipAPosition() throws Exception {
        int writers = 4;
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            AuditLog own = new AuditLog(store.database); // as on another partition's thread or instance
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    String aggregate = "agg-" + (i % 5);
                    own.append(problem("w" + writer + "-" + i, aggregate, i, "2022-12-20T08:00:00Z"), "t", writer, i);
                    // every writer also redelivers someone else's event
                    own.append(problem("w" + ((writer + 1) % writers) + "-" + i, aggregate, i, "2022-12-20T08:00:00Z"),
                            "t", writer, i);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<Document> records = byPosition();
        assertThat(records).hasSize(writers * each);
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).getLong("position")).isEqualTo(i + 1L);
        }
        ChainVerifier.Result result = new ChainVerifier(log).verify();
        assertThat(result.ok()).as(String.valueOf(result.firstBroken())).isTrue();
        assertThat(result.checked()).isEqualTo(writers * each);
    }

    @Test
    void recordsFromBeforeTheChainsAreChainedOnceAtStart() {
        TestLog older = new TestLog();
        try {
            older.database.drop();
            older.records().insertOne(new Document("_id", "old1").append("type", "ReportDrafted").append("aggregateId", "r1")
                    .append("sequence", 0L).append("timestamp", Date.from(Instant.parse("2022-01-01T00:00:00Z")))
                    .append("payload", new Document("title", "旧")).append("loggedAt", Date.from(Instant.parse("2022-01-01T00:00:01Z"))));
            older.records().insertOne(new Document("_id", "old2").append("type", "ProblemIdentified").append("aggregateId", "r1")
                    .append("sequence", 1L).append("timestamp", Date.from(Instant.parse("2022-01-01T00:00:02Z")))
                    .append("payload", new Document("statement", "旧问题")).append("loggedAt", Date.from(Instant.parse("2022-01-01T00:00:03Z"))));
            AuditLog upgraded = new AuditLog(older.database);
            upgraded.recover();
            assertThat(upgraded.head().getLong("position")).isEqualTo(2L);
            assertThat(upgraded.chainOf("r1")).extracting(d -> d.getString("_id")).containsExactly("old1", "old2");
            assertThat(new ChainVerifier(upgraded).verify().ok()).isTrue();

            // a record slipped in later without a position is never adopted: it stays visible as forged
            older.records().insertOne(new Document("_id", "late").append("aggregateId", "r1").append("payload", new Document()));
            AuditLog again = new AuditLog(older.database);
            again.recover();
            assertThat(again.head().getLong("position")).isEqualTo(2L);
            assertThat(new ChainVerifier(again).verify().firstBroken().code()).isEqualTo("NOT_IN_CHAIN");
        } finally {
            older.close();
        }
    }

    @Test
    void theDailyDigestIsTheChainHeadAtTheEndOfEachDay() {
        store.appendSample(3);
        List<Document> digests = log.digests(null, null);
        assertThat(digests).hasSize(1);
        Document digest = digests.get(0);
        assertThat(digest.getLong("firstPosition")).isEqualTo(1L);
        assertThat(digest.getLong("lastPosition")).isEqualTo(5L);
        assertThat(digest.getString("headHash")).isEqualTo(log.head().getString("hash"));
        // a record logged on a later day starts that day's digest
        Document head = log.head();
        Document base = base("next-day");
        base.put("loggedAt", Date.from(Instant.now().plusSeconds(86_400)));
        Document record = log.prepare(base, head);
        log.announce(head, record);
        log.recover();
        assertThat(log.digests(null, null)).hasSize(2);
        assertThat(log.digests(null, null).get(1).getString("headHash")).isEqualTo(record.getString("hash"));
    }

    private Document base(String eventId) {
        return new Document("_id", eventId).append("type", "ProblemIdentified").append("revision", "2")
                .append("aggregateType", "Report").append("aggregateId", "r1").append("sequence", 5L)
                .append("timestamp", Date.from(Instant.parse("2022-12-20T08:30:00Z"))).append("actor", "demo-dept")
                .append("department", "XZSPJ").append("payload", new Document("statement", "崩溃时的问题"))
                .append("source", new Document("topic", "t").append("partition", 0).append("offset", 5L));
    }

    private List<Document> byPosition() {
        List<Document> found = new ArrayList<>();
        store.records().find(Filters.exists("position")).sort(Sorts.ascending("position")).forEach(found::add);
        return found;
    }
}

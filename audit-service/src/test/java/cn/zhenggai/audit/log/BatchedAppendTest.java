package cn.zhenggai.audit.log;

import cn.zhenggai.audit.TestLog;
import cn.zhenggai.audit.integrity.ChainVerifier;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.zhenggai.audit.TestLog.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** The batched append: same chains as one by one, idempotent, repaired after a crash, safe with concurrent writers. */
class BatchedAppendTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2022-12-20T10:00:00Z"), ZoneOffset.UTC);

    private final TestLog one = new TestLog(FIXED);
    private final TestLog batched = new TestLog(FIXED);

    @AfterEach
    void tearDown() {
        one.close();
        batched.close();
    }

    /** 1,234 events over 7 aggregates, some out of order, some delivered twice. */
    private static List<Document> deliveries() {
        List<Document> bases = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            String aggregate = "agg-" + (i % 7);
            long sequence = i % 50 == 10 ? i + 1 : i % 50 == 11 ? i - 1 : i; // swapped pairs
            EventEnvelope e = problem("e" + i, aggregate, sequence, "2022-12-20T08:00:00Z", "XZSPJ", "第" + i + "个问题");
            bases.add(AuditLog.base(e, "zhenggai.report.events", i % 3, i));
            if (i % 97 == 0 && i > 0) {
                EventEnvelope again = problem("e" + (i - 5), "agg-" + ((i - 5) % 7), i - 5, "2022-12-20T08:00:00Z",
                        "XZSPJ", "第" + (i - 5) + "个问题");
                bases.add(AuditLog.base(again, "zhenggai.report.events", 0, 99_999 + i)); // a redelivery
            }
        }
        return bases;
    }

    @Test
    void aBatchChainsExactlyAsOneByOneWould() {
        List<Document> bases = deliveries();
        int appendedOne = 0;
        for (Document base : bases) {
            appendedOne += one.log.append(toEnvelope(base), topic(base), partition(base), offset(base)) ? 1 : 0;
        }
        // batches of different sizes, the last beyond MAX_BATCH_RECORDS
        int[] cuts = {0, 1, 8, 60, 200, bases.size()};
        int appended = 0;
        int duplicates = 0;
        for (int c = 1; c < cuts.length; c++) {
            AuditLog.BatchOutcome outcome = batched.log.appendBatch(copies(bases.subList(cuts[c - 1], cuts[c])));
            appended += outcome.appended();
            duplicates += outcome.duplicates();
            assertThat(outcome.refused()).isEmpty();
        }
        assertThat(appended).isEqualTo(appendedOne).isEqualTo(1234);
        assertThat(duplicates).isEqualTo(bases.size() - 1234);
        assertThat(all(batched, AuditLog.COLLECTION)).isEqualTo(all(one, AuditLog.COLLECTION));
        assertThat(all(batched, AuditLog.AGGREGATE_HEADS)).isEqualTo(all(one, AuditLog.AGGREGATE_HEADS));
        assertThat(all(batched, AuditLog.DIGESTS)).isEqualTo(all(one, AuditLog.DIGESTS));
        assertSameHead();
        assertThat(new ChainVerifier(batched.log).verify().ok()).isTrue();
    }

    @Test
    void aBatchDeliveredAgainChangesNothing() {
        List<Document> bases = deliveries().subList(0, 300);
        batched.log.appendBatch(copies(bases));
        List<Document> before = all(batched, AuditLog.COLLECTION);
        Document head = batched.log.head();
        AuditLog.BatchOutcome again = batched.log.appendBatch(copies(bases));
        assertThat(again.appended()).isZero();
        assertThat(again.duplicates()).isEqualTo(bases.size());
        assertThat(all(batched, AuditLog.COLLECTION)).isEqualTo(before);
        assertThat(batched.log.head()).isEqualTo(head);
    }

    @Test
    void aBatchAnnouncedButNeverInsertedIsCompletedByTheNextWriter() {
        List<Document> bases = deliveries().subList(0, 40);
        batched.log.appendBatch(copies(bases.subList(0, 10)));
        Document head = batched.log.head();
        assertThat(batched.log.announceBatch(head, batched.log.chainBatch(copies(bases.subList(10, 30)), head))).isNotNull();
        // crash. After a restart, the next delivery (the rest, and a redelivery of the interrupted ones)
        AuditLog restarted = new AuditLog(batched.database, FIXED);
        AuditLog.BatchOutcome outcome = restarted.appendBatch(copies(bases.subList(10, 40)));
        assertThat(outcome.appended()).isEqualTo(10);
        assertThat(outcome.duplicates()).isEqualTo(20);
        assertThat(restarted.head().getLong("position")).isEqualTo(40L);
        assertThat(restarted.head().get("pendingBatch")).isNull();
        assertSameAsOneByOne(bases);
    }

    @Test
    void aBatchInsertedButNotAdvancedIsCompletedAtStart() {
        List<Document> bases = deliveries().subList(0, 30);
        Document head = batched.log.head();
        List<Document> records = batched.log.chainBatch(copies(bases), head);
        batched.log.announceBatch(head, records);
        batched.records().insertMany(records.subList(0, 17)); // crash part-way through the insert
        AuditLog restarted = new AuditLog(batched.database, FIXED);
        restarted.recover();
        assertThat(restarted.head().getLong("position")).isEqualTo(30L);
        assertSameAsOneByOne(bases);
    }

    @Test
    void aRecordTheStoreRefusesIsLeftOutAndTheRestOfTheBatchIsAppended() {
        List<Document> bases = copies(deliveries().subList(0, 12));
        Document bad = bases.get(5);
        bad.put("_id", List.of("an", "array")); // MongoDB refuses an array as _id on insert
        AuditLog.BatchOutcome outcome = batched.log.appendBatch(bases);
        assertThat(outcome.appended()).isEqualTo(11);
        assertThat(outcome.refused()).hasSize(1);
        assertThat(outcome.refused().get(0).record().get("_id")).isEqualTo(bad.get("_id"));
        assertThat(batched.log.head().getLong("position")).isEqualTo(11L);
        assertThat(batched.log.head().get("pendingBatch")).isNull();
        assertThat(batched.log.head().get("pending")).isNull();
        assertThat(new ChainVerifier(batched.log).verify().ok()).isTrue();
    }

    @Test
    void aggregateHeadsWrittenBeforeBatchesAreContinuedAndNeverLowered() {
        List<Document> bases = deliveries().subList(0, 60);
        batched.log.appendBatch(copies(bases.subList(0, 20)));
        // the shape of ADR 0010: index, hash and position at top level
        var heads = batched.database.getCollection(AuditLog.AGGREGATE_HEADS);
        for (Document head : all(batched, AuditLog.AGGREGATE_HEADS)) {
            Document last = head.get("last", Document.class);
            heads.replaceOne(new Document("_id", head.get("_id")), new Document("_id", head.get("_id"))
                    .append("index", last.get("index")).append("hash", last.get("hash")).append("position", last.get("position")));
        }
        batched.log.appendBatch(copies(bases.subList(20, 40)));
        for (Document base : bases.subList(40, 60)) {
            batched.log.append(toEnvelope(base), topic(base), partition(base), offset(base));
        }
        assertThat(new ChainVerifier(batched.log).verify().ok()).isTrue();
        for (Document base : bases) {
            one.log.append(toEnvelope(base), topic(base), partition(base), offset(base));
        }
        assertThat(all(batched, AuditLog.COLLECTION)).isEqualTo(all(one, AuditLog.COLLECTION));
        // a completer that lags behind never moves a head back
        Document head = heads.find(new Document("_id", "agg-0")).first();
        batched.log.appendBatch(copies(bases.subList(0, 7))); // all duplicates: nothing written
        assertThat(heads.find(new Document("_id", "agg-0")).first()).isEqualTo(head);
        heads.updateOne(new Document("_id", "agg-0"), new Document("$max", new Document("last",
                new Document("index", 0L).append("hash", "stale").append("position", 1L))));
        assertThat(heads.find(new Document("_id", "agg-0")).first()).isEqualTo(head);
    }

    @Test
    void concurrentBatchWritersNeverShareOrSkipAPosition() throws Exception {
        List<Document> bases = deliveries().subList(0, 600);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            AuditLog own = new AuditLog(batched.database, FIXED);
            done.add(pool.submit(() -> {
                // overlapping ranges: every event is delivered to two writers
                for (int from = writer * 200; from < writer * 200 + 400; from += 50) {
                    own.appendBatch(copies(bases.subList(from % 600, Math.min(600, from % 600 + 50))));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long unique = bases.stream().map(d -> d.get("_id")).distinct().count();
        assertThat(batched.records().countDocuments()).isEqualTo(unique);
        assertThat(batched.log.head().getLong("position")).isEqualTo(unique);
        assertThat(new ChainVerifier(batched.log).verify().ok()).isTrue();
    }

    private void assertSameHead() {
        assertThat(batched.log.head().getLong("position")).isEqualTo(one.log.head().getLong("position"));
        assertThat(batched.log.head().getString("hash")).isEqualTo(one.log.head().getString("hash"));
    }

    private void assertSameAsOneByOne(List<Document> bases) {
        for (Document base : bases) {
            one.log.append(toEnvelope(base), topic(base), partition(base), offset(base));
        }
        assertThat(all(batched, AuditLog.COLLECTION)).isEqualTo(all(one, AuditLog.COLLECTION));
        assertSameHead();
        assertThat(new ChainVerifier(batched.log).verify().ok()).isTrue();
    }

    private static List<Document> all(TestLog store, String collection) {
        List<Document> docs = new ArrayList<>();
        store.database.getCollection(collection).find().sort(Sorts.ascending("_id")).forEach(docs::add);
        return docs;
    }

    private static List<Document> copies(List<Document> bases) {
        return bases.stream().map(Document::new).toList();
    }

    private static EventEnvelope toEnvelope(Document base) {
        return new EventEnvelope(base.getString("_id"), base.getString("type"), base.getString("revision"),
                base.getString("aggregateType"), base.getString("aggregateId"), base.getLong("sequence"),
                base.getDate("timestamp").toInstant(), base.getString("actor"), base.getString("department"),
                cn.zhenggai.contracts.messaging.EnvelopeCodec.toTree(base.get("payload", Document.class)));
    }

    private static String topic(Document base) {
        return base.get("source", Document.class).getString("topic");
    }

    private static int partition(Document base) {
        return base.get("source", Document.class).getInteger("partition");
    }

    private static long offset(Document base) {
        return base.get("source", Document.class).getLong("offset");
    }
}

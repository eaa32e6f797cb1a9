package cn.zhenggai.audit.replay;

import cn.zhenggai.audit.LedgerHistory;
import cn.zhenggai.audit.TestLog;
import cn.zhenggai.audit.timetravel.ItemIndex;
import cn.zhenggai.audit.timetravel.TimeAxis;
import cn.zhenggai.audit.timetravel.TimeTravel;
import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.platform.ledger.LedgerItemDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full fold writes plain inserts; one that finds a document already there (another instance) upserts it. The stored
 * document reads back into the folded item.
 */
class LedgerFolderTest {

    @Test
    void aFullFoldIntoACollectionSomeoneElseStartedFillingReplacesWhatItFinds() {
        try (TestLog store = new TestLog()) {
            LedgerHistory.generate(12, 40, store.log::appendBatch);
            MongoCollection<Document> target = store.database.getCollection("shadow_test");
            target.insertOne(new Document("_id", "m-3").append("exists", true).append("status", "STALE"));
            long head = store.log.head().getLong("position");
            int items = LedgerFolder.fold(store.log, target, 0, head, true, n -> { });
            assertThat(items).isEqualTo(12);
            assertThat(target.countDocuments()).isEqualTo(12);
            Document m3 = target.find(Filters.eq("_id", "m-3")).first();
            assertThat(LedgerItemDocuments.fromDocument(m3)).isEqualTo(new TimeTravel(store.log).index()
                    .at("m-3", TimeAxis.RECORDED, Instant.parse("2100-01-01T00:00:00Z")).item());
        }
    }

    @Test
    void aStoredItemNamesEachEventThatChangedItOnceAndReadsBackIntoTheSameItem() {
        try (TestLog store = new TestLog()) {
            LedgerHistory.generate(12, 40, store.log::appendBatch);
            MongoCollection<Document> target = store.database.getCollection("shadow_test");
            long head = store.log.head().getLong("position");
            LedgerFolder.fold(store.log, target, 0, head, true, n -> { });
            ItemIndex index = new TimeTravel(store.log).index();
            Instant end = Instant.parse("2100-01-01T00:00:00Z");
            for (Document stored : target.find()) {
                LedgerItem item = index.at(stored.getString("_id"), TimeAxis.RECORDED, end).item();
                assertThat(LedgerItemDocuments.fromDocument(stored)).isEqualTo(item);
                Document changedBy = stored.get("changedBy", Document.class);
                assertThat(changedBy.keySet()).isEqualTo(item.changedBy().keySet());
                changedBy.forEach((field, sequence) ->
                        assertThat(sequence).isEqualTo(item.changedBy().get(field).sequence()));
                List<Document> events = stored.getList("changedByEvents", Document.class);
                assertThat(events).extracting(e -> e.getLong("sequence")).doesNotHaveDuplicates()
                        .doesNotContain(item.lastEvent().sequence(), item.plannedBy().sequence());
                assertThat(stored).doesNotContainKeys("supervisionNotices", "lastSupervisionNotice",
                        "lastSupervisionAt", "lastEvidence", "recurring");
            }
        }
    }

    @Test
    void aFoldOfSeveralWriteBatchesWritesEveryItemOnceWhetherIntoAnEmptyCollectionOrOnTop() {
        try (TestLog store = new TestLog()) {
            LedgerHistory.generate(2_300, 500, store.log::appendBatch);
            long head = store.log.head().getLong("position");
            MongoCollection<Document> empty = store.database.getCollection("shadow_batches");
            Map<String, LedgerItem> written = LedgerFolder.foldStates(store.log, empty, 0, head, true, n -> { });
            assertThat(written).hasSize(2_300);
            assertThat(empty.countDocuments()).isEqualTo(2_300);
            // on top: the first half folded, then the rest, as a live collection catches up
            MongoCollection<Document> onTop = store.database.getCollection("live_batches");
            LedgerFolder.fold(store.log, onTop, 0, head / 2, true, n -> { });
            LedgerFolder.fold(store.log, onTop, head / 2, head, false, n -> { });
            assertThat(onTop.countDocuments()).isEqualTo(2_300);
            for (Document stored : onTop.find()) {
                assertThat(LedgerItemDocuments.fromDocument(stored)).isEqualTo(written.get(stored.getString("_id")));
            }
            for (Document stored : empty.find()) {
                assertThat(LedgerItemDocuments.fromDocument(stored)).isEqualTo(written.get(stored.getString("_id")));
            }
        }
    }

    @Test
    void theReadAheadHandsOverEveryRecordInOrderAlsoWhenTheQueueIsFullAtTheEnd() {
        // the fold holds its first batch until the reader has filled the queue of 4 with the other 4 batches and
        // stands at the end marker: that marker must wait for room, not be dropped (the fold would wait for ever)
        List<Integer> folded = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Thread> reader = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch yieldedAll = new java.util.concurrent.CountDownLatch(1);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () ->
                LedgerFolder.<Integer>readAhead(records -> {
                    reader.set(Thread.currentThread());
                    for (int i = 0; i < 15; i++) {
                        records.accept(i);
                    }
                    yieldedAll.countDown();
                }, 3, 4, record -> {
                    if (record == 0) {
                        awaitQuietly(yieldedAll);
                        while (reader.get().getState() != Thread.State.WAITING
                                && reader.get().getState() != Thread.State.TERMINATED) {
                            Thread.onSpinWait();
                        }
                    }
                    folded.add(record);
                }));
        assertThat(folded).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
    }

    @Test
    void aFailingReadEndsTheFoldWithTheReadersError() {
        List<Integer> folded = new java.util.ArrayList<>();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LedgerFolder.<Integer>readAhead(records -> {
            for (int i = 0; i < 7; i++) {
                records.accept(i);
            }
            throw new IllegalStateException("store gone");
        }, 2, 2, folded::add)).hasMessage("store gone");
        assertThat(folded).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aFailingFoldStopsTheReader() throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger yielded = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch readerLeft = new java.util.concurrent.CountDownLatch(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LedgerFolder.<Integer>readAhead(records -> {
            try {
                for (int i = 0; i < 1_000_000; i++) {
                    records.accept(i);
                    yielded.incrementAndGet();
                }
            } finally {
                readerLeft.countDown();
            }
        }, 10, 2, record -> {
            if (record == 15) {
                throw new IllegalArgumentException("bad record");
            }
        })).hasMessage("bad record");
        assertThat(readerLeft.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(yielded.get()).isLessThan(1_000_000);
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

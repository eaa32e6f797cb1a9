package cn.zhenggai.audit.replay;

import cn.zhenggai.audit.LedgerHistory;
import cn.zhenggai.audit.TestLog;
import cn.zhenggai.audit.timetravel.LedgerRows;
import cn.zhenggai.audit.timetravel.TimeAxis;
import cn.zhenggai.audit.timetravel.TimeTravel;
import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.platform.ledger.LedgerItemDocuments;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The live ledger projection and its replay against the embedded store. */
class ReplayTest {

    private final TestLog store = new TestLog();
    private final LiveLedger ledger = new LiveLedger(store.log, store.database);
    private final List<Runnable> queued = new ArrayList<>();
    private final Replays replays = new Replays(store.database, store.log, ledger, Clock.systemUTC(), queued::add);

    @BeforeEach
    void seed() {
        List<Document> all = new ArrayList<>();
        LedgerHistory.generate(60, 1000, all::addAll);
        // two late deliveries: an item's event 2 arrives after its event 3, another's 5 after its 7
        Document late1 = all.remove(2 * 60 + 4);
        Document late2 = all.remove(5 * 60 + 8 - 1);
        all.add(7 * 60 + 30, late1);
        all.add(all.size() - 3, late2);
        // delivered in consumer batches, some twice
        for (int from = 0; from < all.size(); from += 37) {
            List<Document> batch = copies(all.subList(from, Math.min(all.size(), from + 37)));
            store.log.appendBatch(batch);
            ledger.appended(batch);
            if (from % 5 == 0) {
                store.log.appendBatch(copies(batch));
                ledger.appended(batch);
            }
        }
        assertThat(store.log.size()).isEqualTo(600);
    }

    @AfterEach
    void tearDown() {
        replays.close();
        store.close();
    }

    @Test
    void theLiveLedgerIsTheFoldOfTheLogAsTimeTravelSeesIt() {
        assertThat(ledger.watermark()).isEqualTo(600L);
        assertThat(ledger.live().countDocuments()).isEqualTo(60);
        TimeTravel timeTravel = new TimeTravel(store.log);
        for (String department : LedgerHistory.DEPARTMENTS) {
            List<LedgerItem> live = new ArrayList<>();
            ledger.live().find().forEach(d -> live.add(LedgerItemDocuments.fromDocument(d)));
            assertThat(LedgerRows.rows(live, department)).as(department)
                    .isEqualTo(timeTravel.ledger(department, Instant.now(), TimeAxis.EFFECTIVE));
        }
        Document m4 = ledger.live().find(Filters.eq("_id", "m-4")).first();
        assertThat(m4.getString("status")).isEqualTo("VERIFIED");
        assertThat(m4.getString("colour")).isEqualTo("RED");
        assertThat(m4.getString("lastProgress")).startsWith("第5次进展");
        Document m7 = ledger.live().find(Filters.eq("_id", "m-7")).first();
        assertThat(m7.getString("department")).as("reassigned from ZZB").isEqualTo("JYJ");
        assertThat(m7.getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void aLiveLedgerOfAnEarlierStoredFormIsBuiltAgainFromTheLog() {
        List<Document> before = all(ledger.live());
        // as an installation left it before ADR 0108: no form in the projection's state, documents of another shape
        store.database.getCollection(LiveLedger.PROJECTIONS).updateOne(Filters.eq("_id", LiveLedger.NAME),
                Updates.unset("form"));
        ledger.live().deleteMany(new Document());
        ledger.live().insertOne(new Document("_id", "m-4").append("leadDepartment", "ZZB").append("deadline",
                "2023-04-28"));

        assertThat(ledger.catchUp()).isEqualTo(600L);

        assertThat(all(ledger.live())).isEqualTo(before);
        assertThat(store.database.getCollection(LiveLedger.PROJECTIONS).find(Filters.eq("_id", LiveLedger.NAME))
                .first().get("form")).isEqualTo(LiveLedger.FORM);
    }

    @Test
    void aReplayOfTheHistoryEqualsTheLiveProjection() throws Exception {
        ReplayProgress started = replays.start("ledger");
        assertThat(started.state()).isEqualTo("RUNNING");
        assertThat(started.total()).isEqualTo(600L);
        runQueued();
        ReplayProgress done = replays.progress(started.id());
        assertThat(done.state()).isEqualTo("FINISHED");
        assertThat(done.done()).isEqualTo(600L);
        assertThat(done.percent()).isEqualTo(100.0);
        assertThat(done.differences()).isEqualTo(0L);
        assertThat(all(store.database.getCollection(done.shadowCollection()))).isEqualTo(all(ledger.live()));
    }

    @Test
    void aCorruptedLiveDocumentIsReportedAndSwitchOverRepairsIt() throws Exception {
        ledger.live().updateOne(Filters.eq("_id", "m-4"), Updates.set("status", "IN_PROGRESS"));
        ledger.live().deleteOne(Filters.eq("_id", "m-9"));
        ledger.live().insertOne(new Document("_id", "m-bogus").append("status", "VERIFIED"));
        String id = replays.start("ledger").id();
        runQueued();
        ReplayProgress progress = replays.progress(id);
        assertThat(progress.differences()).isEqualTo(3L);
        List<ReplayDifferences.Difference> differences = replays.differences(id, 100).differences();
        assertThat(differences).extracting(d -> d.key() + ":" + d.kind())
                .containsExactly("m-4:DIFFERENT", "m-9:ONLY_IN_SHADOW", "m-bogus:ONLY_IN_LIVE");
        List<Document> fields = differences.get(0).fields();
        assertThat(fields).hasSize(1);
        assertThat(fields.get(0)).containsEntry("field", "status").containsEntry("live", "IN_PROGRESS")
                .containsEntry("shadow", "VERIFIED");

        // events that arrive after the replay finished are in the live collection after the switch-over too
        List<Document> more = List.of(LedgerHistory.event(100, 0, 9000), LedgerHistory.event(100, 1, 9001));
        store.log.appendBatch(copies(more));
        ReplayProgress switched = replays.switchOver(id);
        assertThat(switched.state()).isEqualTo("SWITCHED_OVER");
        assertThat(ledger.live().find(Filters.eq("_id", "m-4")).first().getString("status")).isEqualTo("VERIFIED");
        assertThat(ledger.live().find(Filters.eq("_id", "m-9")).first()).isNotNull();
        assertThat(ledger.live().find(Filters.eq("_id", "m-bogus")).first()).isNull();
        assertThat(ledger.live().find(Filters.eq("_id", "m-100")).first().getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(ledger.watermark()).isEqualTo(602L);
        List<String> names = new ArrayList<>();
        store.database.listCollectionNames().forEach(names::add);
        assertThat(names).contains(LiveLedger.COLLECTION).noneMatch(n -> n.contains("_shadow_"));

        // a second replay finds nothing to report
        String again = replays.start("ledger").id();
        runQueued();
        assertThat(replays.progress(again).differences()).isEqualTo(0L);
    }

    @Test
    void oneReplayAtATimeAndOnlyAFinishedOneSwitchesOver() throws Exception {
        String id = replays.start("ledger").id();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> replays.start("ledger")))
                .hasMessageContaining("正在进行");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> replays.switchOver(id)))
                .hasMessageContaining("只有已完成的重放可以切换");
        runQueued();
        replays.switchOver(id);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> replays.switchOver(id)))
                .hasMessageContaining("SWITCHED_OVER");
    }

    private void runQueued() throws InterruptedException {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
        assertThat(replays.awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    private static List<Document> all(com.mongodb.client.MongoCollection<Document> collection) {
        List<Document> docs = new ArrayList<>();
        collection.find().sort(Sorts.ascending("_id")).forEach(docs::add);
        return docs;
    }

    private static List<Document> copies(List<Document> bases) {
        return bases.stream().map(Document::new).toList();
    }
}

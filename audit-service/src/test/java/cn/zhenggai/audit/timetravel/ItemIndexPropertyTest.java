package cn.zhenggai.audit.timetravel;

import cn.zhenggai.audit.RandomItemHistories;
import cn.zhenggai.audit.TestLog;
import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.audit.replay.LiveLedger;
import cn.zhenggai.audit.replay.ReplayProgress;
import cn.zhenggai.audit.replay.Replays;
import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerItems;
import cn.zhenggai.platform.ledger.LedgerItemDocuments;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for random item histories delivered as the consumer delivers them (batches of any size, some batches
 * twice, some events twice in a batch, now and then one event held back behind its successor, some batches consumed
 * by another instance so that this one only learns of them from the log), the index's state of every item as of
 * every instant that matters (each event's recorded and effective time, a millisecond either side) on both times
 * equals {@link LedgerItems#fold} of the events of that time up to the instant, on every field; the department
 * ledgers equal the rows of those folds; an index loaded in one pass equals the one kept current; and a replay
 * into a shadow equals the live ledger and the index's current state, on every field.
 */
class ItemIndexPropertyTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void theIndexTheLiveLedgerAndAReplayAreTheFoldOfThePrefix(long seed) throws Exception {
        List<RandomItemHistories.Event> events = RandomItemHistories.generate(seed, 30);
        Map<String, List<LedgerItems.Step>> steps = RandomItemHistories.byItem(events);
        assertThat(events).as("some steps backdated").anyMatch(e -> e.step().meta().backdated());
        Random random = new Random(seed * 31);
        try (TestLog store = new TestLog()) {
            ItemIndex index = ItemIndex.loaded(store.log);
            LiveLedger ledger = new LiveLedger(store.log, store.database);
            List<Document> bases = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                bases.add(AuditLog.base(events.get(i).envelope(), "zhenggai.rectification.events", 0, i));
            }
            holdSomeBack(bases, random);
            List<Document> previous = List.of();
            for (int from = 0; from < bases.size(); ) {
                int size = 1 + random.nextInt(40);
                List<Document> batch = new ArrayList<>(bases.subList(from, Math.min(bases.size(), from + size)));
                from += size;
                if (random.nextInt(8) == 0) {
                    batch.add(new Document(batch.get(0))); // twice in one batch
                }
                if (random.nextInt(6) == 0) {
                    batch.addAll(0, previous); // a redelivery of the previous batch
                }
                store.log.appendBatch(copies(batch));
                if (random.nextInt(7) != 0) { // else: another instance consumed it
                    index.appended(batch);
                }
                ledger.appended(batch);
                previous = batch;
            }
            index.appended(List.of());
            assertThat(index.watermark()).isEqualTo(store.log.head().getLong("position"));

            ItemIndex loaded = ItemIndex.loaded(store.log);
            for (Map.Entry<String, List<LedgerItems.Step>> item : steps.entrySet()) {
                for (TimeAxis axis : TimeAxis.values()) {
                    for (Instant at : instants(item.getValue())) {
                        LedgerItem expected = foldUpTo(item.getValue(), axis, at);
                        String what = item.getKey() + " " + axis + " " + at;
                        assertThat(index.at(item.getKey(), axis, at).item()).as(what).isEqualTo(expected);
                        assertThat(loaded.at(item.getKey(), axis, at).item()).as(what).isEqualTo(expected);
                    }
                }
            }

            TimeTravel timeTravel = new TimeTravel(store.log, index);
            for (TimeAxis axis : TimeAxis.values()) {
                for (Instant at : sample(steps, random)) {
                    Map<String, LedgerItem> expected = new HashMap<>();
                    steps.forEach((id, list) -> {
                        LedgerItem state = foldUpTo(list, axis, at);
                        if (state != null) {
                            expected.put(id, state);
                        }
                    });
                    for (String department : RandomItemHistories.DEPARTMENTS) {
                        assertThat(timeTravel.ledger(department, at, axis)).as(department + " " + axis + " " + at)
                                .isEqualTo(LedgerRows.rows(expected.values(), department));
                    }
                }
            }

            Replays replays = new Replays(store.database, store.log, ledger, Clock.systemUTC(), Runnable::run);
            ReplayProgress replay = replays.start("ledger");
            ReplayProgress done = replays.progress(replay.id());
            assertThat(done.state()).isEqualTo("FINISHED");
            assertThat(done.differences()).isEqualTo(0L);
            Map<String, LedgerItem> live = items(store.database.getCollection(LiveLedger.COLLECTION));
            Map<String, LedgerItem> shadow = items(store.database.getCollection(done.shadowCollection()));
            Map<String, LedgerItem> now = new HashMap<>();
            steps.forEach((id, list) -> now.put(id, LedgerItems.fold(list)));
            assertThat(live).isEqualTo(now);
            assertThat(shadow).isEqualTo(now);
            Instant end = Instant.parse("2100-01-01T00:00:00Z");
            steps.keySet().forEach(id ->
                    assertThat(index.at(id, TimeAxis.RECORDED, end).item()).isEqualTo(now.get(id)));
            replays.close();
        }
    }

    /** Now and then an event is delivered right after its item's next one (held back behind it). */
    private static void holdSomeBack(List<Document> bases, Random random) {
        for (int i = 0; i < bases.size(); i++) {
            if (random.nextInt(25) != 0) {
                continue;
            }
            String id = bases.get(i).getString("aggregateId");
            for (int j = i + 1; j < bases.size(); j++) {
                if (bases.get(j).getString("aggregateId").equals(id)) {
                    bases.add(j, bases.remove(i));
                    break;
                }
            }
        }
    }

    private static LedgerItem foldUpTo(List<LedgerItems.Step> steps, TimeAxis axis, Instant at) {
        return LedgerItems.fold(steps.stream().filter(s -> !(axis == TimeAxis.RECORDED ? s.meta().recordedAt()
                : s.meta().effectiveAt()).isAfter(at)).toList());
    }

    private static TreeSet<Instant> instants(List<LedgerItems.Step> steps) {
        TreeSet<Instant> instants = new TreeSet<>();
        for (LedgerItems.Step s : steps) {
            for (Instant t : List.of(s.meta().recordedAt(), s.meta().effectiveAt())) {
                instants.add(t.minusMillis(1));
                instants.add(t);
                instants.add(t.plusMillis(1));
            }
        }
        return instants;
    }

    private static List<Instant> sample(Map<String, List<LedgerItems.Step>> steps, Random random) {
        List<Instant> all = new ArrayList<>();
        steps.values().forEach(l -> all.addAll(instants(l)));
        List<Instant> sample = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sample.add(all.get(random.nextInt(all.size())));
        }
        return sample;
    }

    private static Map<String, LedgerItem> items(com.mongodb.client.MongoCollection<Document> collection) {
        Map<String, LedgerItem> items = new HashMap<>();
        collection.find().forEach(d -> items.put(d.getString("_id"), LedgerItemDocuments.fromDocument(d)));
        return items;
    }

    private static List<Document> copies(List<Document> bases) {
        return bases.stream().map(Document::new).toList();
    }
}

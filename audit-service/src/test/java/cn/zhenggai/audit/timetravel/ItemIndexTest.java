package cn.zhenggai.audit.timetravel;

import cn.zhenggai.audit.LedgerHistory;
import cn.zhenggai.audit.TestLog;
import cn.zhenggai.contracts.ledger.ItemStatus;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The index kept current by the consumer: redeliveries, an event behind its successor, another instance's batch. */
class ItemIndexTest {

    private static final Instant END = Instant.parse("2100-01-01T00:00:00Z");

    private final TestLog store = new TestLog();
    private final ItemIndex index = ItemIndex.loaded(store.log);

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        List<Document> batch = events(0, 0, 1, 2);
        feed(batch);
        long versions = index.versions();
        feed(batch);
        assertThat(index.versions()).isEqualTo(versions).isEqualTo(3);
        assertThat(index.at("m-0", TimeAxis.RECORDED, END).events()).isEqualTo(3);
        assertThat(index.rebuilds()).isZero();
    }

    @Test
    void anEventBehindItsSuccessorRebuildsTheItemFromTheLog() {
        feed(events(0, 0, 1));
        feed(events(0, 3)); // 3 before 2
        feed(events(0, 2));
        assertThat(index.rebuilds()).isEqualTo(1);
        assertThat(index.at("m-0", TimeAxis.RECORDED, END).events()).isEqualTo(4);
        assertThat(index.at("m-0", TimeAxis.RECORDED, END).item())
                .isEqualTo(new TimeTravel(store.log).index().at("m-0", TimeAxis.RECORDED, END).item());
        assertThat(index.at("m-0", TimeAxis.RECORDED, END).item().colour().name()).isEqualTo("YELLOW");
    }

    @Test
    void eventsBeforeThePlanningWaitForIt() {
        feed(events(0, 1, 2));
        assertThat(index.isItem("m-0")).isFalse();
        feed(events(0, 0));
        assertThat(index.at("m-0", TimeAxis.RECORDED, END).item().lastProgress()).startsWith("第2次进展");
        assertThat(index.at("m-0", TimeAxis.RECORDED, END).item().status()).isEqualTo(ItemStatus.IN_PROGRESS);
    }

    @Test
    void aBatchAnotherInstanceConsumedIsReadFromTheLogByPosition() {
        feed(events(0, 0, 1));
        long catchUps = index.catchUps();
        store.log.appendBatch(events(0, 2, 3)); // consumed by another instance: this index is not told
        feed(events(1, 0));
        assertThat(index.catchUps()).isEqualTo(catchUps + 1);
        assertThat(index.watermark()).isEqualTo(store.log.head().getLong("position"));
        assertThat(index.at("m-0", TimeAxis.RECORDED, END).events()).isEqualTo(4);
        assertThat(index.isItem("m-1")).isTrue();
        // told of its own batch only, with nothing else new, it reads nothing by position
        feed(events(1, 1));
        assertThat(index.catchUps()).isEqualTo(catchUps + 1);
    }

    private void feed(List<Document> batch) {
        store.log.appendBatch(batch.stream().map(Document::new).toList());
        index.appended(batch);
    }

    private static List<Document> events(int item, int... sequences) {
        List<Document> list = new ArrayList<>();
        for (int seq : sequences) {
            list.add(LedgerHistory.event(item, seq, seq));
        }
        return list;
    }
}

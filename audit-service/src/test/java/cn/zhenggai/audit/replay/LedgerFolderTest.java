package cn.zhenggai.audit.replay;

import cn.zhenggai.audit.LedgerHistory;
import cn.zhenggai.audit.TestLog;
import cn.zhenggai.audit.timetravel.ItemStates;
import cn.zhenggai.audit.timetravel.TimeAxis;
import cn.zhenggai.audit.timetravel.TimeTravel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A full fold writes plain inserts; one that finds a document already there (another instance) upserts it. */
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
            assertThat(ItemStates.item(m3)).isEqualTo(new TimeTravel(store.log).index()
                    .at("m-3", TimeAxis.RECORDED, Instant.parse("2100-01-01T00:00:00Z")).item());
        }
    }
}

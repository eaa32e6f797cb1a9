package cn.zhenggai.rectification.ledger;

import cn.zhenggai.contracts.ledger.LedgerItems;
import cn.zhenggai.contracts.ledger.LedgerRow;
import cn.zhenggai.rectification.ReadModelStore;
import cn.zhenggai.testsupport.history.RandomHistories;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given random histories effective when recorded (what the ledger knew before ADR 0090) delivered at least once,
 * when both the fold's projection and the hand-written one it replaced ({@link LegacyLedger}) apply them, then
 * every row (seen from the lead and from a cooperating department) and every item is the same JSON, byte for byte,
 * in the service's JSON (Jackson 3, as Spring MVC writes it).
 */
class LedgerRowWireTest {

    private static final int SEEDS = 150;
    private static final String TODAY = "2022-06-01";

    private final ReadModelStore store = new ReadModelStore();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theFoldsRowsAreTheJsonTheHandWrittenProjectionWrote() throws Exception {
        LedgerProjection projection = new LedgerProjection(store.database());
        MongoCollection<Document> legacyCollection = store.database().getCollection("legacy-ledger");
        LegacyLedger legacy = new LegacyLedger(legacyCollection);
        Ledger ledger = new Ledger(store.database(), ReadModelStore.on(TODAY));
        LocalDate today = LocalDate.parse(TODAY);
        int compared = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            RandomHistories.History history = RandomHistories.asRecorded(seed, "wire-" + seed);
            for (LedgerItems.Step step : history.deliveries()) {
                projection.apply(step.event(), step.meta());
                Method on = LegacyLedger.class.getMethod("on", step.event().getClass(), long.class,
                        java.time.Instant.class);
                on.invoke(legacy, step.event(), step.meta().sequence(), step.meta().recordedAt());
            }
        }
        for (long seed = 0; seed < SEEDS; seed++) {
            String id = "wire-" + seed;
            Document old = legacyCollection.find(Filters.eq("_id", id)).first();
            LedgerRow.Detail detail = ledger.item(id);
            assertThat(json.writeValueAsString(detail)).as("item of seed %d", seed)
                    .isEqualTo(json.writeValueAsString(legacy.item(old, today)));
            String lead = detail.row().leadDepartment();
            List<String> viewers = new java.util.ArrayList<>(List.of(lead));
            viewers.addAll(detail.row().cooperatingDepartments());
            for (String viewer : viewers) {
                LedgerRow row = ledger.rows(viewer).stream().filter(r -> r.measureId().equals(id)).findFirst()
                        .orElseThrow();
                assertThat(json.writeValueAsString(row)).as("row of seed %d seen from %s", seed, viewer)
                        .isEqualTo(json.writeValueAsString(legacy.row(old, viewer, today)));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(SEEDS);
    }
}

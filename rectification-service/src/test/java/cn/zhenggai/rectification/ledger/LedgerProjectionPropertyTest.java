package cn.zhenggai.rectification.ledger;

import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerItems;
import cn.zhenggai.platform.ledger.LedgerItemDocuments;
import cn.zhenggai.rectification.ReadModelStore;
import cn.zhenggai.testsupport.history.RandomHistories;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given random valid histories of items delivered at least once (duplicates, older sequences again), when the real
 * ledger projection applies them on the embedded store, then every stored item equals the fold of its clean
 * history, field for field.
 */
class LedgerProjectionPropertyTest {

    private static final int SEEDS = 200;

    private final ReadModelStore store = new ReadModelStore();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theStoredItemIsTheFoldOfItsHistoryWhateverTheRedeliveries() {
        LedgerProjection projection = new LedgerProjection(store.database());
        Set<String> eventTypes = new HashSet<>();
        int redelivered = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            RandomHistories.History history = RandomHistories.of(seed);
            for (LedgerItems.Step step : history.deliveries()) {
                projection.apply(step.event(), step.meta());
            }
            redelivered += history.deliveries().size() - history.clean().size();
            history.clean().forEach(s -> eventTypes.add(s.event().getClass().getSimpleName()));

            Document stored = store.database().getCollection(LedgerProjection.COLLECTION)
                    .find(Filters.eq("_id", history.measureId())).first();
            assertThat(stored).as("seed %d", seed).isNotNull();
            LedgerItem expected = LedgerItems.fold(history.clean());
            assertThat(LedgerItemDocuments.fromDocument(stored)).as("seed %d", seed)
                    .usingRecursiveComparison().isEqualTo(expected);
            assertThat(LedgerItemDocuments.fromDocument(stored)).as("seed %d", seed).isEqualTo(expected);
        }
        assertThat(redelivered).as("the histories do redeliver").isGreaterThan(SEEDS);
        assertThat(eventTypes).as("every item event type occurs").containsExactlyInAnyOrder("MeasurePlanned",
                "MeasureAssigned", "ProgressReported", "MeasureCompleted", "MeasureVerified", "MeasureRejected",
                "MeasureReopened", "DeadlineExtensionRequested", "DeadlineExtended", "DeadlineExtensionRefused",
                "MeasureOverdue", "MeasureColourChanged", "SupervisionNoticeIssued", "MeasureSourceLinked");
    }

    @Test
    void concurrentDeliveriesOfTheSameHistoryNeverRegressTheItem() throws Exception {
        LedgerProjection projection = new LedgerProjection(store.database());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (long seed = 1000; seed < 1020; seed++) {
                RandomHistories.History history = RandomHistories.of(seed);
                java.util.List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    runs.add(pool.submit(() -> history.deliveries()
                            .forEach(step -> projection.apply(step.event(), step.meta()))));
                }
                for (java.util.concurrent.Future<?> run : runs) {
                    run.get();
                }
                Document stored = store.database().getCollection(LedgerProjection.COLLECTION)
                        .find(Filters.eq("_id", history.measureId())).first();
                assertThat(LedgerItemDocuments.fromDocument(stored)).as("seed %d", seed)
                        .isEqualTo(LedgerItems.fold(history.clean()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

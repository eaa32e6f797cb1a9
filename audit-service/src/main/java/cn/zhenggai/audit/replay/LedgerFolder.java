package cn.zhenggai.audit.replay;

import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.audit.timetravel.Fact;
import cn.zhenggai.audit.timetravel.ItemFold;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Writes the item states of the audit log's records with positions in {@code (after, upTo]} into a collection of the
 * ledger projection (one document per item, {@code _id} = measure id, the fields of {@link ItemFold}), on top of
 * what the collection already holds. Records are read in the log's natural order, which is append order; a record
 * that arrives behind its aggregate's last applied sequence (late delivery) makes that item be refolded from its whole
 * history in the log, so the result is always {@code ItemFold.fold(all records up to upTo)}.
 */
final class LedgerFolder {

    private static final int WRITE_BATCH = 1000;

    private LedgerFolder() {
    }

    /** Folds records {@code (after, upTo]} into {@code target}; {@code progress} is told of every record read. */
    static int fold(AuditLog log, MongoCollection<Document> target, long after, long upTo, boolean targetEmpty,
                    LongConsumer progress) {
        Map<String, List<Fact>> byItem = new LinkedHashMap<>();
        Map<String, Map<String, Object>> states = new HashMap<>();
        Set<String> refold = new HashSet<>();
        long[] read = {0};
        log.forEachEvent(after, upTo, record -> {
            read[0]++;
            progress.accept(read[0]);
            Fact fact = Fact.of(record);
            if (targetEmpty) {
                // a full rebuild folds as it reads: the states of every item fit in memory, the records need not
                Map<String, Object> state = states.get(fact.aggregateId());
                if (state == null) {
                    if (!ItemFold.isItemFact(fact)) {
                        return;
                    }
                    state = ItemFold.initial(fact.aggregateId());
                    states.put(fact.aggregateId(), state);
                }
                if (fact.sequence() <= ((Number) state.get("lastSequence")).longValue()) {
                    refold.add(fact.aggregateId());
                }
                ItemFold.applyTo(state, fact);
            } else {
                byItem.computeIfAbsent(fact.aggregateId(), k -> new ArrayList<>()).add(fact);
            }
        });
        if (!targetEmpty && !byItem.isEmpty()) {
            target.find(Filters.in("_id", byItem.keySet())).forEach(d -> {
                Map<String, Object> state = new LinkedHashMap<>(d);
                state.remove("_id");
                states.put(d.getString("_id"), state);
            });
            byItem.forEach((id, facts) -> {
                Map<String, Object> state = states.get(id);
                if (state == null) {
                    if (facts.stream().noneMatch(ItemFold::isItemFact)) {
                        return;
                    }
                    state = ItemFold.initial(id);
                    states.put(id, state);
                }
                for (Fact fact : facts.stream().sorted(Fact.IN_SEQUENCE).toList()) {
                    if (fact.sequence() <= ((Number) state.get("lastSequence")).longValue()) {
                        refold.add(id);
                    }
                    ItemFold.applyTo(state, fact);
                }
            });
        }
        for (String id : refold) {
            List<Fact> history = log.eventsOf(List.of(id), null).stream().map(Fact::of)
                    .filter(f -> f.position() <= upTo).toList();
            states.put(id, ItemFold.fold(history));
        }
        write(target, states);
        return states.size();
    }

    private static void write(MongoCollection<Document> target, Map<String, Map<String, Object>> states) {
        List<WriteModel<Document>> writes = new ArrayList<>(Math.min(states.size(), WRITE_BATCH));
        for (Map.Entry<String, Map<String, Object>> e : states.entrySet()) {
            Document doc = new Document("_id", e.getKey());
            doc.putAll(e.getValue());
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", e.getKey()), doc, new ReplaceOptions().upsert(true)));
            if (writes.size() == WRITE_BATCH) {
                target.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                writes.clear();
            }
        }
        if (!writes.isEmpty()) {
            target.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }
}

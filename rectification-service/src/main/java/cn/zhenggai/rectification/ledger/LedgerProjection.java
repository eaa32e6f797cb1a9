package cn.zhenggai.rectification.ledger;

import cn.zhenggai.contracts.history.EffectiveDated;
import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.ledger.ItemStatus;
import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerItems;
import cn.zhenggai.platform.axon.AxonStorageAutoConfiguration;
import cn.zhenggai.platform.ledger.LedgerItemDocuments;
import cn.zhenggai.rectification.recurring.RecurringProblems;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.bson.Document;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The ledger read model (整改台账, collection {@code ledger}): one document per item, written by a tracking
 * processor over the service's own event store (ADR 0020). Each item event is applied with THE fold of an item,
 * {@link LedgerItems#apply} (ADR 0091), to the item the document holds ({@link LedgerItemDocuments}), and the item's
 * fields are written back whole. Applied once: the fold ignores an event at or below the item's
 * {@code lastSequence}, and the write is conditional on the {@code lastSequence} it was folded from, so two
 * deliveries at once cannot regress it (the loser reads again and finds nothing to do).
 *
 * <p>Beside the item the document keeps the recurring-problem flags ({@code recurring}, {@code recurrences}) that
 * {@link RecurringProblems} (ADR 0040) computes against the other items; the fold's writes leave them alone.
 * Times are stored at BSON's millisecond precision, so the stored item is the fold of the events at that precision.
 */
@Component
@ProcessingGroup(LedgerProjection.GROUP)
public class LedgerProjection {

    public static final String GROUP = "ledger";
    public static final String COLLECTION = "ledger";

    static final String COMPLETED = ItemStatus.COMPLETED.name();
    static final String VERIFIED = ItemStatus.VERIFIED.name();

    /** How often a write that lost to a concurrent one is folded again before giving up. */
    private static final int ATTEMPTS = 8;

    private final MongoCollection<Document> ledger;
    private final RecurringProblems recurring;

    public LedgerProjection(MongoDatabase database) {
        this(database, RecurringProblems.DEFAULT_THRESHOLD);
    }

    @Autowired
    public LedgerProjection(MongoDatabase database,
                            @Value("${zhenggai.recurring.threshold:0.5}") double recurringThreshold) {
        this.ledger = database.getCollection(COLLECTION);
        this.recurring = new RecurringProblems(ledger, recurringThreshold);
        try {
            ledger.createIndex(Indexes.ascending("department", "status"));
            ledger.createIndex(Indexes.ascending("cooperatingDepartments"));
            // recurring problems and carry-over look items up by cadre or department and year
            ledger.createIndex(Indexes.ascending("author", "year"));
            ledger.createIndex(Indexes.ascending("reportDepartment", "year"));
            ledger.createIndex(Indexes.ascending("owner"));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(LedgerProjection.class).warn("Indexes on {} not created now: {}", COLLECTION,
                    e.getMessage());
        }
    }

    /** Every event of the store: an item event is folded into its item, any other is ignored. */
    @EventHandler
    public void on(Object event, @SequenceNumber long seq, @Timestamp Instant at, @MessageIdentifier String eventId,
                   @MetaDataValue(AxonStorageAutoConfiguration.ACTOR) String actor) {
        apply(event, new EventMeta(eventId, seq, at, EffectiveDated.effectiveAt(event, at),
                actor == null ? "system" : actor));
    }

    /** {@code event} of sequence {@code seq} recorded at {@code at}, by nobody in particular (tests, tools). */
    public void on(Object event, long seq, Instant at) {
        apply(event, new EventMeta(event.getClass().getSimpleName() + "-" + seq, seq, at,
                EffectiveDated.effectiveAt(event, at), "system"));
    }

    /** Folds {@code event} into its item's document; a redelivery, an older event or a non-item event: nothing. */
    public void apply(Object event, EventMeta meta) {
        String measureId = LedgerItems.measureIdOf(event).orElse(null);
        if (measureId == null) {
            return;
        }
        EventMeta stored = new EventMeta(meta.eventId(), meta.sequence(), LedgerItemDocuments.millis(meta.recordedAt()),
                LedgerItemDocuments.millis(meta.effectiveAt()), meta.actor());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document found = ledger.find(Filters.eq("_id", measureId)).first();
            LedgerItem before = found == null ? null : LedgerItemDocuments.fromDocument(found);
            LedgerItem after = LedgerItems.apply(before, event, stored);
            if (after == null || after == before) {
                return;
            }
            if (write(before, after)) {
                if (before == null) {
                    recurring.onPlanned(measureId);
                }
                return;
            }
        }
        throw new IllegalStateException("ledger item " + measureId + " kept changing under event " + meta.eventId());
    }

    /** Writes {@code after} if the document still holds {@code before}; false when another write came first. */
    private boolean write(LedgerItem before, LedgerItem after) {
        Document fields = LedgerItemDocuments.toDocument(after);
        if (before == null) {
            try {
                ledger.insertOne(fields.append("recurring", false).append("recurrences", List.of()));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        fields.remove("_id");
        return ledger.updateOne(Filters.and(Filters.eq("_id", after.measureId()),
                Filters.eq("lastSequence", before.lastSequence())), new Document("$set", fields))
                .getMatchedCount() > 0;
    }

    @ResetHandler
    public void reset() {
        ledger.deleteMany(new Document());
    }
}

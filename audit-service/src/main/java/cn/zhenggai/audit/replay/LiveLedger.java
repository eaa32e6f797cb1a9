package cn.zhenggai.audit.replay;

import cn.zhenggai.audit.log.AppendObserver;
import cn.zhenggai.audit.log.AuditLog;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.RenameCollectionOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * The department ledger as the audit service understands it, kept live: collection {@code ledger_asof_live}, one
 * document per rectification item, its {@link cn.zhenggai.audit.timetravel.ItemStates#document} form, folded from the
 * audit log up to a watermark position ({@code audit_projections/_id=ledger}.{@code position}). After every batch the
 * consumer appends, it folds the records between its watermark and the chain head; on first start it folds the whole
 * log. So its content is, by definition, the fold of the log's first {@code position} records — which is what a
 * replay rebuilds into a shadow collection and compares (ADR 0051).
 * <p>
 * Folding and switching over take one lock, so a switch-over never loses a concurrent update of this instance. (Run
 * several instances and each folds into the same collection idempotently; a switch-over should then be done with
 * one instance running.)
 */
public class LiveLedger implements AppendObserver {

    public static final String NAME = "ledger";
    public static final String COLLECTION = "ledger_asof_live";
    public static final String PROJECTIONS = "audit_projections";
    /**
     * The form of the live collection's documents: 2 = {@link cn.zhenggai.platform.ledger.LedgerItemDocuments}
     * (ADR 0108); a state without it holds the earlier form (1), and the collection is built again from the log.
     */
    static final int FORM = 2;

    private static final Logger logger = LoggerFactory.getLogger(LiveLedger.class);

    private final AuditLog log;
    private final MongoDatabase database;
    private final MongoCollection<Document> projections;
    private final ReentrantLock lock = new ReentrantLock();

    public LiveLedger(AuditLog log, MongoDatabase database) {
        this.log = log;
        this.database = database;
        this.projections = database.getCollection(PROJECTIONS);
    }

    @Override
    public void appended(List<Document> records) {
        catchUp();
    }

    /** Folds what the log holds beyond the watermark; returns the new watermark. */
    public long catchUp() {
        lock.lock();
        try {
            rebuildIfOfAnEarlierForm();
            long from = watermark();
            long head = log.head().getLong("position");
            if (head > from) {
                int items = LedgerFolder.fold(log, live(), from, head, from == 0 && live().countDocuments() == 0, n -> { });
                setWatermark(head);
                if (from == 0) {
                    logger.info("Built {} from {} audit records ({} items)", COLLECTION, head, items);
                }
            }
            return Math.max(from, head);
        } finally {
            lock.unlock();
        }
    }

    private void rebuildIfOfAnEarlierForm() {
        Document state = projections.find(Filters.eq("_id", NAME)).first();
        if (state != null && !Integer.valueOf(FORM).equals(state.get("form"))) {
            logger.info("{} holds documents of an earlier form: building it again from the audit log", COLLECTION);
            live().drop();
            setWatermark(0);
        }
    }

    /** The position up to which the live collection holds the fold of the log. */
    public long watermark() {
        Document state = projections.find(Filters.eq("_id", NAME)).first();
        return state == null ? 0L : ((Number) state.get("position")).longValue();
    }

    public MongoCollection<Document> live() {
        return database.getCollection(COLLECTION);
    }

    /** Folds records {@code (after, upTo]} into another collection (a shadow); returns the documents it wrote. */
    java.util.Map<String, org.bson.RawBsonDocument> foldInto(MongoCollection<Document> target, long after, long upTo,
                                                            boolean targetEmpty, LongConsumer progress) {
        return LedgerFolder.foldDocuments(log, target, after, upTo, targetEmpty, progress);
    }

    /**
     * Runs {@code action} while no fold of the live collection runs, with the live collection caught up to the
     * chain head; the action gets that watermark.
     */
    <T> T whileHeld(java.util.function.LongFunction<T> action) {
        lock.lock();
        try {
            return action.apply(catchUp());
        } finally {
            lock.unlock();
        }
    }

    /** Replaces the live collection with {@code shadow}, which holds the fold up to {@code position}. Under the lock. */
    void replaceWith(String shadow, long position) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("switch-over without the lock");
        }
        database.getCollection(shadow).renameCollection(
                new com.mongodb.MongoNamespace(database.getName(), COLLECTION), new RenameCollectionOptions().dropTarget(true));
        setWatermark(position);
    }

    private void setWatermark(long position) {
        projections.updateOne(Filters.eq("_id", NAME), Updates.combine(Updates.set("position", position),
                Updates.set("form", FORM)), new UpdateOptions().upsert(true));
    }
}

package cn.zhenggai.audit.replay;

import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.audit.timetravel.AuditEvents;
import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerItems;
import cn.zhenggai.platform.ledger.LedgerItemDocuments;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Writes the item states of the audit log's records with positions in {@code (after, upTo]} into a collection of the
 * ledger projection (one document per item in the form of {@link LedgerItemDocuments}, as rectification's ledger stores it), on
 * top of what the collection already holds. The fold is the one fold of an item, {@link LedgerItems#apply} over the
 * records read as their contract events ({@link AuditEvents}). Records are read in the log's natural order, which is
 * append order; a record that arrives at or behind the highest sequence already read of its item (late delivery, or
 * an event before the item was planned) makes that item be refolded from its whole history in the log, so the result
 * is always {@code LedgerItems.fold(all its records up to upTo)}.
 */
final class LedgerFolder {

    private static final int WRITE_BATCH = 1000;
    private static final int WRITERS = 2;
    /** Records per batch handed from the reader thread to the fold, and how many batches it may read ahead. */
    private static final int READ_BATCH = 2000;
    private static final int READ_AHEAD = 4;

    private LedgerFolder() {
    }

    /** Folds records {@code (after, upTo]} into {@code target}; {@code progress} is told of every record read. */
    static int fold(AuditLog log, MongoCollection<Document> target, long after, long upTo, boolean targetEmpty,
                    LongConsumer progress) {
        return foldStates(log, target, after, upTo, targetEmpty, progress).size();
    }

    /**
     * As {@link #fold}, and returns the states it wrote, by item: the target's document of each of these items is
     * {@link #document} of its state (a full fold into an empty target writes every item; a fold on top writes the
     * items its records touched and leaves every other document as it was).
     */
    static Map<String, LedgerItem> foldStates(AuditLog log, MongoCollection<Document> target, long after, long upTo,
                                              boolean targetEmpty, LongConsumer progress) {
        Map<String, LedgerItem> states = folded(log, target, after, upTo, targetEmpty, progress);
        write(target, states, targetEmpty);
        return states;
    }

    /**
     * As {@link #foldStates}, and returns the documents it wrote, by item, as the bytes the store was sent: a
     * replay compares the live collection with these without encoding the states again.
     */
    static Map<String, RawBsonDocument> foldDocuments(AuditLog log, MongoCollection<Document> target, long after,
                                                      long upTo, boolean targetEmpty, LongConsumer progress) {
        return write(target, folded(log, target, after, upTo, targetEmpty, progress), targetEmpty);
    }

    private static Map<String, LedgerItem> folded(AuditLog log, MongoCollection<Document> target, long after,
                                                  long upTo, boolean targetEmpty, LongConsumer progress) {
        Map<String, LedgerItem> states = new HashMap<>();
        Map<String, Long> seen = new HashMap<>();
        Set<String> refold = new HashSet<>();
        Map<String, List<AuditEvents.ItemEvent>> byItem = new LinkedHashMap<>();
        long[] read = {0};
        readAhead(log, after, upTo, record -> {
            read[0]++;
            progress.accept(read[0]);
            AuditEvents.itemEvent(record).ifPresent(e -> {
                String id = e.aggregateId();
                if (targetEmpty) {
                    // a full rebuild folds as it reads: the states of every item fit in memory, the records need not
                    fold(id, e, states, seen, refold);
                } else {
                    byItem.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
                }
            });
        });
        if (!targetEmpty && !byItem.isEmpty()) {
            target.find(Filters.in("_id", byItem.keySet())).forEach(d -> {
                LedgerItem item = LedgerItemDocuments.fromDocument(d);
                states.put(d.getString("_id"), item);
                seen.put(d.getString("_id"), item.lastSequence());
            });
            byItem.forEach((id, events) -> events.stream()
                    .sorted(Comparator.comparingLong(AuditEvents.ItemEvent::sequence))
                    .forEach(e -> fold(id, e, states, seen, refold)));
        }
        for (String id : refold) {
            List<LedgerItems.Step> history = new ArrayList<>();
            for (Document record : log.eventsOf(List.of(id), null)) {
                AuditEvents.itemEvent(record).filter(e -> e.position() <= upTo).ifPresent(e -> history.add(e.step()));
            }
            LedgerItem item = LedgerItems.fold(history);
            if (item == null) {
                states.remove(id);
            } else {
                states.put(id, item);
            }
        }
        return states;
    }

    /**
     * Reads records {@code (after, upTo]} in the log's order on a reader thread that keeps up to
     * {@link #READ_AHEAD} batches ahead, and hands them to {@code action} on this thread: the store encodes and the
     * driver decodes the next batches while this thread folds the last ones, instead of each waiting for the other.
     * A failure of either side ends both and is thrown here.
     */
    private static void readAhead(AuditLog log, long after, long upTo, Consumer<Document> action) {
        readAhead(records -> log.forEachEvent(after, upTo, records), READ_BATCH, READ_AHEAD, action);
    }

    /**
     * Runs {@code source} on a reader thread, which hands what it yields in batches of {@code batchSize}, at most
     * {@code ahead} batches ahead, to {@code action} on this thread, in the order yielded.
     */
    static <T> void readAhead(Consumer<Consumer<T>> source, int batchSize, int ahead, Consumer<T> action) {
        BlockingQueue<List<T>> batches = new ArrayBlockingQueue<>(ahead);
        List<T> end = new ArrayList<>(0);
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            List<T> batch = new ArrayList<>(batchSize);
            try {
                source.accept(record -> {
                    batch.add(record);
                    if (batch.size() == batchSize) {
                        hand(batches, new ArrayList<>(batch));
                        batch.clear();
                    }
                });
                if (!batch.isEmpty()) {
                    hand(batches, batch);
                }
            } catch (RuntimeException e) {
                failed.set(e);
            } finally {
                try {
                    batches.put(end);
                } catch (InterruptedException e) {
                    // the fold left (it interrupts this thread when it does): nobody waits for the end
                }
            }
        }, "ledger-fold-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (List<T> batch = batches.take(); batch != end; batch = batches.take()) {
                batch.forEach(action);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("读取审计日志时被中断", e);
        } finally {
            reader.interrupt();
        }
        if (failed.get() != null) {
            throw failed.get();
        }
    }

    private static <T> void hand(BlockingQueue<List<T>> batches, List<T> batch) {
        try {
            batches.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the fold stopped reading", e);
        }
    }

    /** The document of an item in a collection of the ledger projection: the one stored form of an item. */
    static Document document(LedgerItem item) {
        return LedgerItemDocuments.toDocument(item);
    }

    private static void fold(String id, AuditEvents.ItemEvent e, Map<String, LedgerItem> states,
                             Map<String, Long> seen, Set<String> refold) {
        Long highest = seen.get(id);
        if (highest != null && e.sequence() <= highest) {
            refold.add(id);
            return;
        }
        seen.put(id, e.sequence());
        LedgerItem item = LedgerItems.apply(states.get(id), e.step().event(), e.step().meta());
        if (item != null) {
            states.put(id, item);
        }
    }

    /**
     * Writes the states; into an empty collection as plain inserts (nothing to replace), else as upserts. Unordered
     * batches of {@link #WRITE_BATCH}; when there are several, {@link #WRITERS} threads build and send them at once,
     * so that encoding one batch overlaps the store's work on another.
     */
    private static Map<String, RawBsonDocument> write(MongoCollection<Document> target,
                                                      Map<String, LedgerItem> states, boolean empty) {
        List<List<Map.Entry<String, LedgerItem>>> batches = new ArrayList<>();
        List<Map.Entry<String, LedgerItem>> batch = new ArrayList<>(Math.min(states.size(), WRITE_BATCH));
        for (Map.Entry<String, LedgerItem> e : states.entrySet()) {
            batch.add(e);
            if (batch.size() == WRITE_BATCH) {
                batches.add(batch);
                batch = new ArrayList<>(WRITE_BATCH);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        Map<String, RawBsonDocument> written = new ConcurrentHashMap<>(Math.max(16, states.size() * 2));
        if (batches.size() < 2) {
            batches.forEach(b -> writeBatch(target, b, empty, written));
            return written;
        }
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS, r -> {
            Thread thread = new Thread(r, "ledger-fold-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> sent = new ArrayList<>();
            batches.forEach(b -> sent.add(writers.submit(() -> writeBatch(target, b, empty, written))));
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("写入台账文档时被中断", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            writers.shutdownNow();
        }
        return written;
    }

    /**
     * Encodes each state's document once, into the bytes that are both sent to the store (the driver copies a raw
     * document as it is) and kept in {@code written}.
     */
    private static void writeBatch(MongoCollection<Document> target, List<Map.Entry<String, LedgerItem>> batch,
                                   boolean empty, Map<String, RawBsonDocument> written) {
        Codec<Document> codec = target.getCodecRegistry().get(Document.class);
        List<WriteModel<RawBsonDocument>> writes = new ArrayList<>(batch.size());
        for (Map.Entry<String, LedgerItem> e : batch) {
            RawBsonDocument doc = new RawBsonDocument(document(e.getValue()), codec);
            written.put(e.getKey(), doc);
            writes.add(empty ? new InsertOneModel<>(doc)
                    : new ReplaceOneModel<>(Filters.eq("_id", e.getKey()), doc, new ReplaceOptions().upsert(true)));
        }
        bulkWrite(target.withDocumentClass(RawBsonDocument.class), writes);
    }

    /** One unordered bulk write; an insert that finds its document written meanwhile is redone as an upsert. */
    private static void bulkWrite(MongoCollection<RawBsonDocument> target, List<WriteModel<RawBsonDocument>> writes) {
        try {
            target.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> w.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            List<WriteModel<RawBsonDocument>> again = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                WriteModel<RawBsonDocument> write = writes.get(error.getIndex());
                again.add(write instanceof InsertOneModel<RawBsonDocument> insert
                        ? new ReplaceOneModel<>(Filters.eq("_id", insert.getDocument().get("_id")),
                        insert.getDocument(), new ReplaceOptions().upsert(true))
                        : write); // two upserts created the same document at once: the update applies now
            }
            target.bulkWrite(again, new BulkWriteOptions().ordered(false));
        }
    }
}

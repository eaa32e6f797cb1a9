package cn.zhenggai.audit.timetravel;

import cn.zhenggai.audit.log.AppendObserver;
import cn.zhenggai.audit.log.AuditLog;
import cn.zhenggai.contracts.ledger.LedgerItem;
import cn.zhenggai.contracts.ledger.LedgerItems;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-item version index of the audit log (ADR 0092): for every rectification item, the list of its events in
 * sequence order, each with its recorded and effective time and the {@link LedgerItem} after it (folded once, by
 * {@link LedgerItems#apply}); and for every department the items that were ever on its ledger (as lead or
 * cooperating department). An item as of an instant is then one binary search on the chosen time: per item both
 * times are non-decreasing in sequence (the aggregate refuses a backdated step before the item's latest effective
 * step; ADR 0090), so the events up to an instant are a prefix of the history. An item whose times are not in order
 * (a history no aggregate writes) is answered by folding its events read from the log instead.
 *
 * <p>Built in one pass over the log at start (records {@code (0, head]} by position), then kept current by the
 * consumer ({@link AppendObserver}): after each batch it reads the batch's records by event id (with their
 * positions); when those are exactly the records between its watermark and the chain head it applies them, else
 * (another instance appended too) it reads the records between watermark and head by position. Either read is served
 * from an index on MongoDB and on the embedded store alike. An event that arrives behind its item's last sequence
 * and is not a redelivery makes the item be rebuilt from its records in the log.
 *
 * <p>Readers never lock: an item's versions are published as an immutable snapshot (arrays shared between
 * snapshots are only ever written beyond the size a published snapshot shows). One writer at a time.
 */
public class ItemIndex implements AppendObserver {

    private static final Logger logger = LoggerFactory.getLogger(ItemIndex.class);
    private static final Comparator<AuditEvents.ItemEvent> IN_SEQUENCE =
            Comparator.comparingLong(AuditEvents.ItemEvent::sequence)
                    .thenComparingLong(AuditEvents.ItemEvent::position);

    private final AuditLog log;
    private final ConcurrentHashMap<String, Versions> items = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> byDepartment = new ConcurrentHashMap<>();
    /** Items with events but not planned yet: the highest sequence seen. Writer only. */
    private final Map<String, Long> unplanned = new HashMap<>();
    private volatile long watermark;
    private volatile Instant firstRecorded;
    private volatile Instant firstEffective;
    private volatile long versions;
    private volatile long rebuilds;
    private volatile long catchUps;

    public ItemIndex(AuditLog log) {
        this.log = log;
    }

    /** An index built from the whole log now. */
    public static ItemIndex loaded(AuditLog log) {
        ItemIndex index = new ItemIndex(log);
        index.catchUp();
        return index;
    }

    /** An item as of an instant: its state (null: not planned by then) and how many of its events were applied. */
    public record AsOf(LedgerItem item, int events) {
    }

    /** Whether the aggregate is a rectification item the index knows. */
    public boolean isItem(String aggregateId) {
        return items.containsKey(aggregateId);
    }

    /** The item as of {@code asOf} on {@code axis}, or null when the index does not know it. */
    public AsOf at(String measureId, TimeAxis axis, Instant asOf) {
        Versions v = items.get(measureId);
        if (v == null) {
            return null;
        }
        if (!v.ordered(axis)) {
            return fromLog(measureId, axis, asOf);
        }
        int i = v.upTo(axis, asOf);
        return new AsOf(i < 0 ? null : v.states[i], i + 1);
    }

    /** The states as of {@code asOf} of every item ever on the department's ledger (planned by then), by id. */
    public Map<String, LedgerItem> statesOf(String department, TimeAxis axis, Instant asOf) {
        Map<String, LedgerItem> states = new LinkedHashMap<>();
        for (String id : byDepartment.getOrDefault(department, Set.of())) {
            AsOf state = at(id, axis, asOf);
            if (state != null && state.item() != null) {
                states.put(id, state.item());
            }
        }
        return states;
    }

    /** The earliest time of any record of the log on {@code axis}, or null when the log is empty. */
    public Instant firstEvent(TimeAxis axis) {
        return axis == TimeAxis.RECORDED ? firstRecorded : firstEffective;
    }

    /** How many items, and how many item versions (events) the index holds. */
    public int items() {
        return items.size();
    }

    public long versions() {
        return versions;
    }

    /** How many times an item was rebuilt from the log (an event behind its successor). */
    public long rebuilds() {
        return rebuilds;
    }

    /** How many times the index read a range of the log by position (at start, or records another instance added). */
    public long catchUps() {
        return catchUps;
    }

    /** The position of the chain up to which the index holds the log. */
    public long watermark() {
        return watermark;
    }

    @Override
    public synchronized void appended(List<Document> records) {
        long head = log.head().getLong("position");
        if (head <= watermark) {
            return;
        }
        List<Document> fresh = new ArrayList<>();
        for (Document record : log.eventsWithIds(records.stream().map(r -> r.get("_id")).toList())) {
            long position = position(record);
            if (position > watermark && position <= head) {
                fresh.add(record);
            }
        }
        if (fresh.size() == head - watermark) {
            fresh.sort(Comparator.comparingLong(ItemIndex::position));
            apply(fresh);
            watermark = head;
        } else {
            catchUp();
        }
    }

    /** Reads the records between the watermark and the chain head by position and applies them. */
    public synchronized long catchUp() {
        long head = log.head().getLong("position");
        if (head > watermark) {
            List<Document> records = new ArrayList<>((int) Math.min(head - watermark, 1_000_000));
            log.forEachEvent(watermark, head, records::add);
            records.sort(Comparator.comparingLong(ItemIndex::position));
            boolean first = watermark == 0;
            catchUps++;
            apply(records);
            watermark = head;
            if (first) {
                logger.info("Indexed {} audit records: {} items, {} item versions", head, items.size(), versions);
            }
        }
        return watermark;
    }

    private void apply(List<Document> records) {
        Map<String, List<AuditEvents.ItemEvent>> byItem = new LinkedHashMap<>();
        for (Document record : records) {
            Instant recorded = AuditEvents.instant(record.get("timestamp"));
            noteTime(recorded, recorded);
            AuditEvents.itemEvent(record).ifPresent(e -> {
                noteTime(e.recordedAt(), e.effectiveAt());
                byItem.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e);
            });
        }
        byItem.forEach((id, events) -> {
            events.sort(IN_SEQUENCE);
            for (AuditEvents.ItemEvent e : events) {
                add(id, e);
            }
        });
    }

    private void add(String id, AuditEvents.ItemEvent e) {
        Versions v = items.get(id);
        LedgerItem state;
        if (v == null) {
            state = LedgerItems.apply(null, e.step().event(), e.step().meta());
            if (state == null) {
                unplanned.merge(id, e.sequence(), Math::max);
                return;
            }
            Long seen = unplanned.remove(id);
            if (seen != null && seen > e.sequence()) {
                rebuild(id); // later events came before the planning: fold the item from its records
                return;
            }
            v = Versions.first(e, state);
        } else {
            if (e.sequence() <= v.lastSequence()) {
                if (!v.has(e.sequence())) {
                    rebuild(id); // arrived behind a later event: fold the item from its records
                }
                return;
            }
            state = LedgerItems.apply(v.last(), e.step().event(), e.step().meta());
            v = v.plus(e, state);
        }
        items.put(id, v);
        versions++;
        concerns(id, state);
    }

    private void concerns(String id, LedgerItem state) {
        if (state.leadDepartment() != null) {
            byDepartment.computeIfAbsent(state.leadDepartment(), k -> ConcurrentHashMap.newKeySet()).add(id);
        }
        for (String department : state.cooperatingDepartments()) {
            byDepartment.computeIfAbsent(department, k -> ConcurrentHashMap.newKeySet()).add(id);
        }
    }

    /** Replaces the item's versions by those folded from all its records in the log. */
    private void rebuild(String id) {
        List<AuditEvents.ItemEvent> history = historyFromLog(id);
        Versions v = null;
        long count = 0;
        for (AuditEvents.ItemEvent e : history) {
            LedgerItem before = v == null ? null : v.last();
            if (v != null && e.sequence() <= v.lastSequence()) {
                continue;
            }
            LedgerItem state = LedgerItems.apply(before, e.step().event(), e.step().meta());
            if (state == null) {
                continue;
            }
            v = v == null ? Versions.first(e, state) : v.plus(e, state);
            count++;
            concerns(id, state);
        }
        Versions old = v == null ? items.remove(id) : items.put(id, v);
        versions += count - (old == null ? 0 : old.size);
        rebuilds++;
        logger.info("Rebuilt the index of item {} from its {} records in the log", id, history.size());
    }

    private List<AuditEvents.ItemEvent> historyFromLog(String id) {
        List<AuditEvents.ItemEvent> history = new ArrayList<>();
        for (Document record : log.eventsOf(List.of(id), null)) {
            AuditEvents.itemEvent(record).ifPresent(history::add);
        }
        history.sort(IN_SEQUENCE);
        return history;
    }

    /** An item whose times are out of order: the fold of its events of that time up to {@code asOf}. */
    private AsOf fromLog(String id, TimeAxis axis, Instant asOf) {
        List<LedgerItems.Step> steps = new ArrayList<>();
        long last = Long.MIN_VALUE;
        for (AuditEvents.ItemEvent e : historyFromLog(id)) {
            Instant time = axis == TimeAxis.RECORDED ? e.recordedAt() : e.effectiveAt();
            if (!time.isAfter(asOf) && e.sequence() != last) {
                steps.add(e.step());
                last = e.sequence();
            }
        }
        return new AsOf(LedgerItems.fold(steps), steps.size());
    }

    private void noteTime(Instant recorded, Instant effective) {
        if (firstRecorded == null || recorded.isBefore(firstRecorded)) {
            firstRecorded = recorded;
        }
        if (firstEffective == null || effective.isBefore(firstEffective)) {
            firstEffective = effective;
        }
    }

    private static long position(Document record) {
        return record.get("position") instanceof Number n ? n.longValue() : 0L;
    }

    /**
     * The versions of one item, in sequence order: sequence, recorded and effective time, and the item after that
     * event. Immutable as published: {@link #plus} writes only beyond {@link #size}, into arrays it may share.
     */
    static final class Versions {
        final long[] sequences;
        final Instant[] recorded;
        final Instant[] effective;
        final LedgerItem[] states;
        final int size;
        final boolean recordedOrdered;
        final boolean effectiveOrdered;

        private Versions(long[] sequences, Instant[] recorded, Instant[] effective, LedgerItem[] states, int size,
                         boolean recordedOrdered, boolean effectiveOrdered) {
            this.sequences = sequences;
            this.recorded = recorded;
            this.effective = effective;
            this.states = states;
            this.size = size;
            this.recordedOrdered = recordedOrdered;
            this.effectiveOrdered = effectiveOrdered;
        }

        static Versions first(AuditEvents.ItemEvent e, LedgerItem state) {
            int capacity = 4;
            Versions v = new Versions(new long[capacity], new Instant[capacity], new Instant[capacity],
                    new LedgerItem[capacity], 0, true, true);
            return v.plus(e, state);
        }

        Versions plus(AuditEvents.ItemEvent e, LedgerItem state) {
            long[] s = sequences;
            Instant[] r = recorded;
            Instant[] f = effective;
            LedgerItem[] st = states;
            if (size == s.length) {
                int capacity = size + (size >> 1) + 1;
                s = Arrays.copyOf(s, capacity);
                r = Arrays.copyOf(r, capacity);
                f = Arrays.copyOf(f, capacity);
                st = Arrays.copyOf(st, capacity);
            }
            s[size] = e.sequence();
            r[size] = e.recordedAt();
            f[size] = e.effectiveAt();
            st[size] = state;
            boolean rOrdered = recordedOrdered && (size == 0 || !e.recordedAt().isBefore(r[size - 1]));
            boolean fOrdered = effectiveOrdered && (size == 0 || !e.effectiveAt().isBefore(f[size - 1]));
            return new Versions(s, r, f, st, size + 1, rOrdered, fOrdered);
        }

        long lastSequence() {
            return sequences[size - 1];
        }

        LedgerItem last() {
            return states[size - 1];
        }

        boolean has(long sequence) {
            return Arrays.binarySearch(sequences, 0, size, sequence) >= 0;
        }

        boolean ordered(TimeAxis axis) {
            return axis == TimeAxis.RECORDED ? recordedOrdered : effectiveOrdered;
        }

        /** The index of the last version whose time on {@code axis} is not after {@code asOf}, -1 when none. */
        int upTo(TimeAxis axis, Instant asOf) {
            Instant[] times = axis == TimeAxis.RECORDED ? recorded : effective;
            int low = 0;
            int high = size - 1;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                if (times[mid].isAfter(asOf)) {
                    high = mid - 1;
                } else {
                    low = mid + 1;
                }
            }
            return high;
        }
    }
}

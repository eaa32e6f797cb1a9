package cn.zhenggai.bench;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import cn.zhenggai.contracts.messaging.EnvelopeCodec;
import cn.zhenggai.contracts.messaging.EventEnvelope;
import cn.zhenggai.contracts.messaging.EventTypes;
import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureSourceLinked;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A district's rectification history for {@code ./zhenggai bench --scenario history}: {@link #EVENTS_PER_ITEM}
 * events per item over five departments (and the last {@link #FIXED_ITEMS} items in a sixth,
 * {@link #FIXED_DEPARTMENT}), items starting over two and a half years and interleaved in recorded order
 * as the consumer receives them. Each item is planned, assigned, then reports progress (with evidence), changes
 * colour, gets supervision notices, goes overdue, asks for extensions (granted or refused), is linked to further
 * sources, sometimes reassigned; then completed and verified. One item in five was migrated from a paper ledger: its
 * first steps are recorded within a minute of its import but took effect over the years before (ADR 0090), so the
 * two times of time travel differ. Deterministic for a seed. Generated lazily: only the items' cursors are held.
 */
final class HistoryLog {

    static final String[] DEPARTMENTS = {"XZSPJ", "CZJ", "ZZB", "JYJ", "WJW"};
    static final int EVENTS_PER_ITEM = 25;
    /**
     * A sixth department whose ledger has the same {@link #FIXED_ITEMS} items at every level (the last item numbers
     * of the level, over the same span of time), so that its answers are the same size while the log grows.
     */
    static final String FIXED_DEPARTMENT = "SJJ";
    static final int FIXED_ITEMS = 80;
    static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    private static final int MIGRATED_STEPS = 15;

    private HistoryLog() {
    }

    /** What was generated: events, items, and the span of both times. */
    record Span(long events, int items, Instant firstRecorded, Instant lastRecorded, Instant firstEffective) {
    }

    /** Generates {@code events} events (rounded down to whole items) in recorded order, in envelopes, by batches. */
    static Span generate(long seed, int events, int batchSize, Consumer<List<EventEnvelope>> sink) {
        int items = Math.max(1, events / EVENTS_PER_ITEM);
        Random random = new Random(seed);
        PriorityQueue<Item> queue = new PriorityQueue<>((a, b) -> a.recorded.compareTo(b.recorded));
        for (int i = 0; i < items; i++) {
            queue.add(new Item(i, random, i >= items - FIXED_ITEMS));
        }
        List<EventEnvelope> batch = new ArrayList<>(batchSize);
        long count = 0;
        Instant firstRecorded = null;
        Instant lastRecorded = null;
        Instant firstEffective = null;
        while (!queue.isEmpty()) {
            Item item = queue.poll();
            EventEnvelope envelope = item.next(random);
            count++;
            firstRecorded = firstRecorded == null ? envelope.timestamp() : firstRecorded;
            lastRecorded = envelope.timestamp();
            firstEffective = firstEffective == null || envelope.effectiveAt().isBefore(firstEffective)
                    ? envelope.effectiveAt() : firstEffective;
            batch.add(envelope);
            if (batch.size() == batchSize) {
                sink.accept(batch);
                batch = new ArrayList<>(batchSize);
            }
            if (item.sequence < EVENTS_PER_ITEM) {
                queue.add(item);
            }
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
        return new Span(count, items, firstRecorded, lastRecorded, firstEffective);
    }

    /** One item's cursor: its next sequence, recorded and effective time, and what it needs to say next. */
    private static final class Item {
        final String id;
        final int number;
        final String department;
        final boolean migrated;
        String lead;
        long sequence;
        Instant recorded;
        Instant effective;
        String deadline;
        boolean pending;

        Item(int number, Random random, boolean fixed) {
            this.number = number;
            this.id = "m-" + number;
            this.department = fixed ? FIXED_DEPARTMENT : DEPARTMENTS[number % DEPARTMENTS.length];
            this.lead = department;
            this.migrated = number % 5 == 0;
            this.recorded = START.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 900)));
            this.effective = migrated ? recorded.minus(Duration.ofDays(700 + random.nextInt(300))) : recorded;
            this.deadline = LocalDate.ofInstant(effective, ZoneOffset.UTC).plusMonths(4 + random.nextInt(8))
                    .toString();
        }

        EventEnvelope next(Random random) {
            long seq = sequence++;
            boolean backdated = migrated && seq < MIGRATED_STEPS;
            Backdating backdating = backdated ? new Backdating(effective, "party-1", "历史台账迁移",
                    new Backdating.Migration("2021-2022整改台账.xlsx", "5e".repeat(32), number + 2)) : null;
            Object payload = payload(seq, backdating, random);
            Instant at = recorded;
            Instant took = EffectiveDated.effectiveAt(payload, at);
            EventEnvelope envelope = new EventEnvelope(id + "-" + seq, EventTypes.nameOf(payload.getClass()),
                    EventTypes.revisionOf(payload.getClass()), "Measure", id, seq, at,
                    seq == 0 ? "system" : "liaison-" + lead, lead, EnvelopeCodec.toTree(payload), took);
            // the next step: a migrated item's paper steps are imported a second apart, years after they happened
            if (migrated && sequence < MIGRATED_STEPS) {
                recorded = recorded.plusSeconds(1);
                effective = effective.plus(Duration.ofDays(10 + random.nextInt(30)));
            } else {
                recorded = recorded.plus(Duration.ofMinutes(60 + random.nextInt(60 * 24 * 12)));
                effective = recorded;
            }
            return envelope;
        }

        private Object payload(long seq, Backdating b, Random random) {
            if (seq == 0) {
                return new MeasurePlanned(id, department, number % 11 == 0 ? "INSPECTION" : "REPORT",
                        "r-" + number / 5, "rm-" + number, department, "cadre-" + number / 5, 2022, number % 5 + 1,
                        "第" + number + "项整改措施：强化理论武装，提高政治站位",
                        "每月开展集中学习，领导班子带头讲党课，建立学习台账，确保学习全覆盖。", List.of(), deadline,
                        "2023年6月底前", "负责人" + number, department,
                        List.of(DEPARTMENTS[(number + 2) % DEPARTMENTS.length]), List.of("c-" + number / 5),
                        List.of(new MeasurePlanned.Problem("p-" + number, "政治建设", 1, "理论学习不够深入，联系实际不够紧密")),
                        b);
            }
            if (seq == 1) {
                return new MeasureAssigned(id, lead, lead, List.of(DEPARTMENTS[(number + 2) % DEPARTMENTS.length]),
                        "负责人" + number, deadline, false, null, "head-" + lead, migrated, b);
            }
            if (seq == EVENTS_PER_ITEM - 2) {
                return new MeasureCompleted(id, lead, "已完成全部整改任务", "liaison-" + lead, deadline, false, b);
            }
            if (seq == EVENTS_PER_ITEM - 1) {
                return new MeasureVerified(id, lead, "party-1", "同意销号", b);
            }
            if (pending) {
                pending = false;
                if (random.nextBoolean()) {
                    String previous = deadline;
                    deadline = LocalDate.parse(deadline).plusMonths(3).toString();
                    return new DeadlineExtended(id, lead, previous, deadline, "liaison-" + lead, "party-1", b);
                }
                return new DeadlineExtensionRefused(id, lead, deadline, "party-1", "理由不充分");
            }
            int pick = random.nextInt(20);
            if (pick < 11) {
                return new ProgressReported(id, lead, "第" + seq + "次进展：已组织集中学习，形成学习记录。", "liaison-" + lead,
                        lead, List.of(new ProgressReported.Evidence("f-" + id + "-" + seq, "学习记录" + seq + ".pdf",
                        "application/pdf", 20_000 + seq, "ab".repeat(32))), b);
            }
            if (pick < 13 && b == null) {
                return new MeasureColourChanged(id, lead, List.of("GREEN", "YELLOW", "RED").get(random.nextInt(3)),
                        null, deadline, "负责人" + number);
            }
            if (pick < 15 && b == null) {
                pending = true;
                return new DeadlineExtensionRequested(id, lead, deadline,
                        LocalDate.parse(deadline).plusMonths(3).toString(), "涉及多部门协调", "liaison-" + lead);
            }
            if (pick < 16) {
                return new MeasureOverdue(id, lead, deadline, "负责人" + number, b);
            }
            if (pick < 17 && b == null) {
                return new SupervisionNoticeIssued("n-" + id + "-" + seq, id, lead, "一级", "DEPT_HEAD", lead,
                        "head-" + lead, "整改进度滞后", deadline, 3);
            }
            if (pick < 18 && b == null) {
                return new MeasureSourceLinked(id, lead, "AUDIT", "审计〔2023〕" + number + "号", "专项资金管理不规范");
            }
            if (pick < 19 && number % 7 == 0) {
                lead = DEPARTMENTS[(number + 1) % DEPARTMENTS.length];
                return new MeasureAssigned(id, lead, lead, List.of(department), "新负责人" + number, deadline, false,
                        null, "party-1", false, b);
            }
            return new ProgressReported(id, lead, "第" + seq + "次进展：整改持续推进。", "liaison-" + lead, lead,
                    List.of(), b);
        }
    }
}

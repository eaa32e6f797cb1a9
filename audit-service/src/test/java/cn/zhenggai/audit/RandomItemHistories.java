package cn.zhenggai.audit;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.ledger.LedgerItems;
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
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureSourceLinked;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random histories of rectification items for property tests: every item event type, in orders the Measure aggregate
 * allows (planned → assigned → progress, extensions asked and decided, overdue, colours, notices, source links,
 * reassignment → completed → rejected/reopened or verified → reopened), some steps backdated (effective time between
 * the item's latest effective step and the time recorded, never earlier: ADR 0090) and some items migrated from a
 * paper ledger years back; items interleaved in recorded order, as the consumer receives them.
 */
public final class RandomItemHistories {

    public static final String[] DEPARTMENTS = {"XZSPJ", "CZJ", "ZZB", "JYJ"};

    private RandomItemHistories() {
    }

    /** One event: its envelope, and the step the one fold gets for it (built from the typed event, not the log). */
    public record Event(EventEnvelope envelope, LedgerItems.Step step) {
    }

    /** Every event of {@code items} random items, in recorded order. */
    public static List<Event> generate(long seed, int items) {
        Random random = new Random(seed);
        List<Event> all = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            all.addAll(item(random, "m-" + seed + "-" + i));
        }
        all.sort(Comparator.comparing((Event e) -> e.envelope().timestamp())
                .thenComparing(e -> e.envelope().aggregateId()).thenComparingLong(e -> e.envelope().sequence()));
        return all;
    }

    /** The steps of each item, by item id, in sequence order. */
    public static Map<String, List<LedgerItems.Step>> byItem(List<Event> events) {
        Map<String, List<LedgerItems.Step>> steps = new LinkedHashMap<>();
        events.forEach(e -> steps.computeIfAbsent(e.envelope().aggregateId(), k -> new ArrayList<>()).add(e.step()));
        steps.values().forEach(l -> l.sort(Comparator.comparingLong(s -> s.meta().sequence())));
        return steps;
    }

    private static List<Event> item(Random random, String id) {
        List<Event> events = new ArrayList<>();
        String department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
        String cooperating = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
        boolean migrated = random.nextInt(5) == 0;
        Instant recorded = Instant.parse("2023-01-01T00:00:00Z").plus(Duration.ofHours(random.nextInt(24 * 300)));
        Instant effective = migrated ? Instant.parse("2021-01-01T00:00:00Z")
                .plus(Duration.ofHours(random.nextInt(24 * 200))) : recorded;
        Backdating.Migration from = migrated ? new Backdating.Migration("历史台账.xlsx", "cd".repeat(32),
                2 + random.nextInt(100)) : null;
        String status = "PLANNED";
        String deadline = LocalDate.of(2023, 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
        boolean pending = false;
        int steps = 1 + random.nextInt(18);
        long sequence = 0;
        Cursor c = new Cursor(recorded, effective);
        events.add(event(id, sequence++, c, department, new MeasurePlanned(id, department,
                random.nextBoolean() ? "REPORT" : "INSPECTION", "r-" + random.nextInt(5), "rm-" + id, department,
                "cadre-" + random.nextInt(3), 2022, 1 + random.nextInt(9), "措施" + id, "内容" + id, List.of(),
                deadline, "2023年底前", "负责人", department, List.of(cooperating), List.of(),
                List.of(new MeasurePlanned.Problem("p-" + random.nextInt(20), "主题" + random.nextInt(3), 1,
                        "问题" + random.nextInt(20))), backdating(c, migrated, from, random))));
        for (int s = 0; s < steps; s++) {
            c.advance(random, migrated);
            Backdating b = backdating(c, migrated, from, random);
            Object e;
            int pick = random.nextInt(10);
            switch (status) {
                case "PLANNED" -> {
                    if (pick < 7) {
                        e = new MeasureAssigned(id, department, department, List.of(cooperating), "责任人" + pick,
                                deadline, pick == 0, pick == 0 ? 6 : null, "head", pick == 1, b);
                        status = "IN_PROGRESS";
                    } else if (pick < 9) {
                        e = colour(id, department, random);
                        b = null;
                    } else {
                        e = new MeasureSourceLinked(id, department, "AUDIT", "审计" + pick, "发现" + pick);
                        b = null;
                    }
                }
                case "IN_PROGRESS" -> {
                    if (pick < 3) {
                        e = new ProgressReported(id, department, "进展" + s, "liaison", department,
                                random.nextBoolean() ? List.of() : List.of(new ProgressReported.Evidence("f" + s,
                                        "佐证" + s + ".pdf", "application/pdf", 100 + s, "ab" + s)), b);
                    } else if (pick == 3 && !pending) {
                        e = new DeadlineExtensionRequested(id, department, deadline, "2024-06-30", "协调", "liaison");
                        pending = true;
                        b = null;
                    } else if (pick == 3) {
                        if (random.nextBoolean()) {
                            e = new DeadlineExtended(id, department, deadline, "2024-06-30", "liaison", "party", b);
                            deadline = "2024-06-30";
                        } else {
                            e = new DeadlineExtensionRefused(id, department, "2024-06-30", "party", "理由不足");
                            b = null;
                        }
                        pending = false;
                    } else if (pick == 4) {
                        e = new MeasureOverdue(id, department, deadline, "责任人", b);
                    } else if (pick == 5) {
                        e = random.nextBoolean() ? colour(id, department, random)
                                : new SupervisionNoticeIssued("n-" + s, id, department, "一级", "DEPT_HEAD",
                                department, "head", "逾期", deadline, s);
                        b = null;
                    } else if (pick == 6) {
                        department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
                        e = new MeasureAssigned(id, department, department, List.of(), "新责任人" + s, deadline,
                                false, null, "party", false, b);
                    } else {
                        e = new MeasureCompleted(id, department, "已完成", "liaison", deadline, pick == 8, b);
                        status = "COMPLETED";
                    }
                }
                case "COMPLETED" -> {
                    if (pick < 3) {
                        e = new MeasureRejected(id, department, "party", List.of("材料不足" + pick), b);
                    } else if (pick < 5) {
                        e = new MeasureReopened(id, department, "party", "重新整改", b);
                        status = "IN_PROGRESS";
                    } else {
                        e = new MeasureVerified(id, department, "party", "同意销号", b);
                        status = "VERIFIED";
                    }
                }
                default -> {
                    if (pick < 2) {
                        e = new MeasureReopened(id, department, "party", "复查未通过", b);
                        status = "IN_PROGRESS";
                    } else {
                        e = random.nextBoolean() ? colour(id, department, random)
                                : new MeasureSourceLinked(id, department, "INSPECTION", "巡察" + s, "复查");
                        b = null;
                    }
                }
            }
            if (b == null) {
                c.effective = c.recorded; // not backdated (or of a type that cannot be): took effect when recorded
            }
            events.add(event(id, sequence++, c, department, e));
        }
        return events;
    }

    private static MeasureColourChanged colour(String id, String department, Random random) {
        return new MeasureColourChanged(id, department, List.of("GREEN", "YELLOW", "RED").get(random.nextInt(3)),
                null, null, null);
    }

    /** A backdating to the cursor's effective time when it lies before the recorded time, else null. */
    private static Backdating backdating(Cursor c, boolean migrated, Backdating.Migration from, Random random) {
        if (!c.effective.isBefore(c.recorded)) {
            c.effective = c.recorded;
            return null;
        }
        return new Backdating(c.effective, "liaison", migrated ? "历史台账迁移" : "补录", migrated ? from : null);
    }

    private static Event event(String id, long sequence, Cursor c, String department, Object payload) {
        Instant effective = EffectiveDated.effectiveAt(payload, c.recorded);
        EventEnvelope envelope = new EventEnvelope(id + "-" + sequence, EventTypes.nameOf(payload.getClass()),
                EventTypes.revisionOf(payload.getClass()), "Measure", id, sequence, c.recorded, "actor-" + sequence % 3,
                department, EnvelopeCodec.toTree(payload), effective);
        return new Event(envelope, new LedgerItems.Step(payload, new EventMeta(envelope.eventId(), sequence,
                c.recorded, effective, envelope.actor())));
    }

    /** The recorded and effective time of the next step; effective never before the last, never after recorded. */
    private static final class Cursor {
        Instant recorded;
        Instant effective;

        Cursor(Instant recorded, Instant effective) {
            this.recorded = recorded;
            this.effective = effective;
        }

        void advance(Random random, boolean migrated) {
            recorded = recorded.plus(Duration.ofMinutes(1 + random.nextInt(60 * 24 * 20)));
            Instant next;
            if (migrated && random.nextInt(4) != 0) {
                next = effective.plus(Duration.ofDays(1 + random.nextInt(60))); // the paper ledger's next step
            } else if (random.nextInt(4) == 0) {
                long span = Duration.between(effective, recorded).toMillis();
                next = effective.plusMillis(span <= 0 ? 0 : (long) (random.nextDouble() * span)); // entered late
            } else {
                next = recorded;
            }
            effective = next.isAfter(recorded) ? recorded : next;
        }
    }
}

package cn.zhenggai.testsupport.history;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.ledger.EventMeta;
import cn.zhenggai.contracts.ledger.LedgerItems;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random histories of rectification items, for property tests of whatever folds them (the ledger
 * projection, the audit's time travel and replay): every item event type, in orders the {@code Measure} aggregate
 * allows (assign before work, complete before verify or reject, reopen after verify, one extension request at a
 * time, overdue only on an open item with a deadline), some of them backdated (effective times never decrease in
 * sequence order, ADR 0090) and the planning sometimes migrated from a historical ledger. Times are whole
 * milliseconds (what a BSON date holds).
 *
 * <p>{@link History#deliveries()} is the history as an at-least-once transport delivers it: every event in sequence
 * order, and in between redeliveries of events already delivered (duplicates and older sequences out of order).
 * The same seed gives the same history.
 */
public final class RandomHistories {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final List<String> DEPARTMENTS = List.of("XZSPJ", "CZJ", "ZZB", "FGW", "JYJ");
    private static final List<String> THEMES = List.of("理论学习", "作风建设", "担当作为", "廉洁自律");
    private static final List<String> USERS = List.of("demo-dept", "demo-party", "liaison-2", "party-2", "cadre-3");

    private RandomHistories() {
    }

    /**
     * A history: the events of one item in sequence order ({@code clean}) and as delivered ({@code deliveries},
     * with redeliveries).
     */
    public record History(String measureId, List<LedgerItems.Step> clean, List<LedgerItems.Step> deliveries) {
        public History {
            clean = List.copyOf(clean);
            deliveries = List.copyOf(deliveries);
        }
    }

    /** The history of item {@code measureId} for {@code seed}. */
    public static History of(long seed, String measureId) {
        return new Generator(new Random(seed), measureId, true).history();
    }

    /**
     * The history of item {@code measureId} for {@code seed} with every event effective when recorded: no backdated
     * step and no migrated planning (for comparisons with what was written before effective times, ADR 0090).
     */
    public static History asRecorded(long seed, String measureId) {
        return new Generator(new Random(seed), measureId, false).history();
    }

    /** The history of item {@code rh-<seed>} for {@code seed}. */
    public static History of(long seed) {
        return of(seed, "rh-" + seed);
    }

    /** The state of the item as the aggregate would hold it, to pick only the next steps it allows. */
    private static final class Generator {
        private final Random random;
        private final String id;
        private final boolean backdating;
        private final Set<String> linked = new HashSet<>();
        private final List<LedgerItems.Step> steps = new ArrayList<>();
        private Instant recorded;
        private Instant effective;
        private String status;
        private String lead;
        private List<String> cooperating = List.of();
        private LocalDate deadline;
        private LocalDate requested;
        private String requestedBy;
        private boolean overdue;
        private boolean longTerm;
        private String owner = "王*";
        private int notices;
        private String colour = "GREEN";

        Generator(Random random, String id, boolean backdating) {
            this.random = random;
            this.id = id;
            this.backdating = backdating;
            this.recorded = Instant.parse("2021-01-04T02:00:00Z").plusSeconds(random.nextInt(86_400 * 365));
            this.effective = recorded;
        }

        History history() {
            plan();
            int length = 3 + random.nextInt(28);
            for (int i = 0; i < length; i++) {
                next();
            }
            List<LedgerItems.Step> deliveries = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                deliveries.add(steps.get(i));
                while (random.nextInt(10) < 3) {
                    deliveries.add(steps.get(random.nextInt(i + 1)));
                }
            }
            return new History(id, steps, deliveries);
        }

        private void plan() {
            String source = pick(List.of("REPORT", "INSPECTION", "AUDIT"));
            lead = pick(DEPARTMENTS);
            cooperating = others(lead);
            List<MeasurePlanned.Problem> problems = new ArrayList<>();
            int count = random.nextInt(4);
            for (int i = 1; i <= count; i++) {
                problems.add(new MeasurePlanned.Problem(id + "-p" + i, random.nextInt(5) == 0 ? null : pick(THEMES),
                        i, "问题" + random.nextInt(1000) + "：" + pick(THEMES) + "不够到位。"));
            }
            Backdating migrated = backdating && random.nextInt(4) == 0 ? new Backdating(recorded.minusSeconds(86_400L
                    * (1 + random.nextInt(900))), "migrator", "历史台账迁移",
                    new Backdating.Migration("台账" + random.nextInt(5) + ".xlsx", "sha" + random.nextInt(99),
                            1 + random.nextInt(300))) : null;
            if (migrated != null) {
                effective = migrated.effectiveAt();
            }
            status = "PLANNED";
            String reportId = "REPORT".equals(source) ? "rpt-" + random.nextInt(50) : null;
            linked.add(source + "|" + reportId);
            record(new MeasurePlanned(id, lead, source, reportId,
                    "msr-" + random.nextInt(20), lead, pick(USERS), random.nextInt(6) == 0 ? null
                    : 2019 + random.nextInt(6), 1 + random.nextInt(9), "措施" + random.nextInt(100), "内容。",
                    List.of(), random.nextBoolean() ? null : "2023-06-30", random.nextBoolean() ? null : "长期坚持",
                    random.nextBoolean() ? null : "张*", null, cooperating, List.of(), problems, migrated),
                    migrated);
        }

        private void next() {
            List<Runnable> options = new ArrayList<>();
            switch (status) {
                case "PLANNED" -> {
                    options.add(this::assign);
                    options.add(this::assign);
                    options.add(this::link);
                }
                case "IN_PROGRESS" -> {
                    options.add(this::assign);
                    options.add(this::progress);
                    options.add(this::progress);
                    options.add(this::complete);
                    options.add(this::colour);
                    options.add(this::notice);
                    options.add(this::link);
                    if (deadline != null && requested == null) {
                        options.add(this::requestExtension);
                    }
                    if (deadline != null && !overdue) {
                        options.add(this::overdue);
                    }
                }
                case "COMPLETED" -> {
                    options.add(this::verify);
                    options.add(this::reject);
                    options.add(this::link);
                }
                default -> options.add(this::reopen);
            }
            if (requested != null && !"VERIFIED".equals(status)) {
                options.add(this::decideExtension);
            }
            options.get(random.nextInt(options.size())).run();
        }

        private void assign() {
            boolean first = "PLANNED".equals(status);
            if (first || random.nextInt(4) == 0) {
                lead = random.nextInt(4) == 0 ? pick(DEPARTMENTS) : lead;
                cooperating = others(lead);
            }
            owner = pick(List.of("王*", "张*", "李*", "demo-dept"));
            boolean longTermNow = random.nextInt(6) == 0;
            LocalDate newDeadline = longTermNow ? null : random.nextBoolean() && deadline != null ? deadline
                    : day(recorded).plusDays(10 + random.nextInt(200));
            if (!Objects.equals(newDeadline, deadline) || longTermNow != longTerm) {
                overdue = false;
            }
            deadline = newDeadline;
            longTerm = longTermNow;
            status = "IN_PROGRESS";
            Backdating b = maybeBackdated();
            record(new MeasureAssigned(id, lead, lead, cooperating, owner,
                    deadline == null ? null : deadline.toString(), longTerm, longTerm ? 1 + random.nextInt(12) : null,
                    pick(USERS), first && random.nextInt(5) == 0, b), b);
        }

        private void progress() {
            List<ProgressReported.Evidence> evidence = new ArrayList<>();
            int files = random.nextInt(3);
            for (int i = 0; i < files; i++) {
                evidence.add(new ProgressReported.Evidence("f" + random.nextInt(10_000), "材料" + i + ".pdf",
                        "application/pdf", 1 + random.nextInt(5_000_000), "h" + random.nextInt(1000)));
            }
            Backdating b = maybeBackdated();
            record(new ProgressReported(id, lead, "进展" + random.nextInt(1000) + "。", pick(USERS),
                    random.nextBoolean() ? lead : pick(DEPARTMENTS), evidence, b), b);
        }

        private void complete() {
            status = "COMPLETED";
            Backdating b = maybeBackdated();
            record(new MeasureCompleted(id, lead, "完成情况" + random.nextInt(100) + "。", pick(USERS),
                    deadline == null ? null : deadline.toString(), overdue, b), b);
        }

        private void verify() {
            status = "VERIFIED";
            Backdating b = maybeBackdated();
            record(new MeasureVerified(id, lead, pick(USERS), random.nextBoolean() ? null : "同意销号。", b), b);
        }

        private void reject() {
            List<String> reasons = random.nextBoolean() ? List.of("材料不全。") : List.of("材料不全。", "未见成效。");
            Backdating b = maybeBackdated();
            record(new MeasureRejected(id, lead, "demo-party", reasons, b), b);
            status = "IN_PROGRESS";
            Backdating r = b == null ? null : new Backdating(b.effectiveAt(), b.by(), b.reason(), null);
            record(new MeasureReopened(id, lead, "demo-party", String.join("；", reasons), r), r);
        }

        private void reopen() {
            status = "IN_PROGRESS";
            Backdating b = maybeBackdated();
            record(new MeasureReopened(id, lead, "demo-party", "复查发现反弹。", b), b);
        }

        private void requestExtension() {
            requested = deadline.plusDays(1 + random.nextInt(120));
            requestedBy = pick(USERS);
            record(new DeadlineExtensionRequested(id, lead, deadline.toString(), requested.toString(), "客观原因。",
                    requestedBy), null);
        }

        private void decideExtension() {
            if (random.nextBoolean() && deadline != null) {
                Backdating b = maybeBackdated();
                LocalDate previous = deadline;
                deadline = requested;
                overdue = false;
                record(new DeadlineExtended(id, lead, previous.toString(), deadline.toString(), requestedBy,
                        "demo-party", b), b);
            } else {
                record(new DeadlineExtensionRefused(id, lead, requested.toString(), "demo-party",
                        random.nextBoolean() ? null : "理由不充分。"), null);
            }
            requested = null;
            requestedBy = null;
        }

        private void overdue() {
            overdue = true;
            Backdating b = maybeBackdated();
            record(new MeasureOverdue(id, lead, deadline.toString(), owner, b), b);
        }

        private void colour() {
            String previous = colour;
            colour = pick(List.of("GREEN", "YELLOW", "RED"));
            record(new MeasureColourChanged(id, lead, colour, previous, deadline == null ? null : deadline.toString(),
                    owner), null);
        }

        private void notice() {
            notices++;
            record(new SupervisionNoticeIssued(id + "-n" + notices, id, lead, pick(List.of("OWNER", "DEPT_HEAD")),
                    null, lead, owner, "督办事由" + notices + "。", deadline == null ? null : deadline.toString(),
                    random.nextInt(30)), null);
        }

        private void link() {
            String source = pick(List.of("INSPECTION", "AUDIT"));
            String reference = random.nextInt(3) == 0 ? null : "文号〔2023〕" + random.nextInt(4) + "号";
            if (!linked.add(source + "|" + reference)) {
                progress(); // the aggregate links a source once (UNCHANGED the second time)
                return;
            }
            record(new MeasureSourceLinked(id, lead, source, reference, "发现" + random.nextInt(4) + "。"), null);
        }

        /** Null (as recorded) most of the time, else an effective time between the last one and now. */
        private Backdating maybeBackdated() {
            advance();
            if (!backdating || random.nextInt(4) != 0 || !recorded.isAfter(effective)) {
                return null;
            }
            long span = recorded.toEpochMilli() - effective.toEpochMilli();
            Instant at = Instant.ofEpochMilli(effective.toEpochMilli() + (long) (random.nextDouble() * span));
            return new Backdating(at, pick(USERS), "补录", null);
        }

        private boolean advanced;

        private void advance() {
            recorded = recorded.plusMillis(1 + random.nextInt(5 * 86_400_000));
            advanced = true;
        }

        private void record(Object event, Backdating backdating) {
            if (!advanced) {
                advance();
            }
            advanced = false;
            Instant at = backdating == null ? recorded : backdating.effectiveAt();
            effective = at.isAfter(effective) ? at : effective;
            long sequence = steps.size();
            steps.add(new LedgerItems.Step(event, new EventMeta(id + "-e" + sequence, sequence, recorded,
                    backdating == null ? null : backdating.effectiveAt(), pick(USERS))));
        }

        private List<String> others(String department) {
            List<String> out = new ArrayList<>();
            for (String d : DEPARTMENTS) {
                if (!d.equals(department) && random.nextInt(4) == 0) {
                    out.add(d);
                }
            }
            return out;
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private static LocalDate day(Instant at) {
            return LocalDate.ofInstant(at, CHINA);
        }
    }
}

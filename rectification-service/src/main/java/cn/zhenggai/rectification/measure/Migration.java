package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.refusal.Refusal.Kind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Migration of an item's history from a historical (paper or Excel) ledger (ADR 0093): one {@link MigrateItem}
 * states the item and the dates of its steps; {@link #events} checks that the steps are in an order the item's rules
 * allow and none is in the future, and builds the ordinary item events, each with a {@link Backdating} naming when it
 * happened, who migrated it and from which file and row. Effective times never decrease. Where a deadline passed
 * before the item was completed or the deadline extended, a MeasureOverdue is on record at the start of the day after
 * the deadline. Pure: the aggregate applies the events (and watches the deadline of an item still open).
 */
public final class Migration {

    /** Answer of a migration that created the item. */
    public static final String MIGRATED = "MIGRATED";
    /** Answer of a migration of an item that already exists: nothing changed. */
    public static final String UNCHANGED = "UNCHANGED";
    /** Steps of a day are dated at this time in China (a ledger knows the day, not the hour). */
    static final LocalTime OFFICE_HOURS = LocalTime.of(9, 0);
    static final String REASON = "历史台账迁移";

    private Migration() {
    }

    /** A progress entry of the historical ledger. */
    public record Progress(LocalDate date, String text) {
    }

    /** A deadline extension: approved on {@code date}, the deadline moved to {@code deadline}. */
    public record Extension(LocalDate date, LocalDate deadline) {
    }

    /**
     * Create item {@code measureId} with its whole history. {@code source} is REPORT, INSPECTION or AUDIT; the report
     * fields ({@code reportId} … {@code ordinal}) may be null for a finding. {@code assigned} null: the item was
     * planned and never assigned (then no later step may be given). {@code deadline} is the first deadline; null with
     * {@code longTerm}. {@code verified} and {@code rejected} exclude each other; either needs {@code completed}.
     * {@code actor} is whoever migrates (the party committee); {@code now} when the command was issued.
     */
    public record MigrateItem(@TargetAggregateIdentifier String measureId, String source, String reference,
                              String reportId, String reportMeasureId, String author, Integer year, int ordinal,
                              String title, String content, List<MeasurePlanned.Problem> problems,
                              String leadDepartment, List<String> cooperatingDepartments, String owner,
                              LocalDate deadline, boolean longTerm, Integer reviewPeriodMonths,
                              LocalDate planned, LocalDate assigned, List<Progress> progress,
                              List<Extension> extensions, LocalDate completed, String summary,
                              LocalDate verified, String opinion, LocalDate rejected, List<String> rejectionReasons,
                              Backdating.Migration migratedFrom, Instant now, Actor actor) {
    }

    /** The events of {@code command} in the order to apply them; refuses a history the rules do not allow. */
    public static List<Object> events(MigrateItem c, Departments departments) {
        Actor actor = c.actor();
        if (actor == null || !actor.partyCommittee()) {
            throw refused(Kind.FORBIDDEN, "FORBIDDEN_ROLE", "只有党委可以迁移历史台账");
        }
        if (c.migratedFrom() == null || blank(c.migratedFrom().fileName()) || blank(c.migratedFrom().sha256())) {
            throw invalid("MISSING_MIGRATION_SOURCE", "迁移须注明来源文件及其SHA-256");
        }
        String source = c.source();
        if (!MeasurePlanned.SOURCE_REPORT.equals(source) && !MeasurePlanned.SOURCE_INSPECTION.equals(source)
                && !MeasurePlanned.SOURCE_AUDIT.equals(source)) {
            throw invalid("INVALID_SOURCE", "来源只能是民主生活会、巡察或审计：" + source);
        }
        String title = text(c.title(), "MISSING_TITLE", "整改措施不能为空");
        String lead = Checks.lead(c.leadDepartment(), departments);
        List<String> cooperating = Checks.cooperating(c.cooperatingDepartments(), lead, departments);
        String owner = text(c.owner(), "MISSING_OWNER", "请指定责任人");
        LocalDate today = LocalDate.ofInstant(c.now(), Measure.ZONE);
        LocalDate planned = c.planned() != null ? c.planned() : c.assigned();
        if (planned == null) {
            throw invalid("MISSING_PLANNED_DATE", "请填写下达日期或分派日期");
        }
        Term term = Term.of(c.deadline(), c.longTerm(), c.reviewPeriodMonths(), c.assigned() != null);
        checkOrder(c, planned, today);

        Stamp stamp = new Stamp(c);
        List<Dated> steps = new ArrayList<>();
        String id = c.measureId();
        String deadlineText = term.longTerm() ? "长期坚持" : term.deadlineText();
        steps.add(new Dated(stamp.at(planned), 0, b -> new MeasurePlanned(id, lead, source, c.reportId(),
                c.reportMeasureId(), lead, c.author(), c.year(), Math.max(1, c.ordinal()), title,
                blank(c.content()) ? title : c.content().strip(), List.of(), deadlineText,
                term.longTerm() ? "长期坚持" : null, owner, lead, List.copyOf(cooperating), List.of(),
                list(c.problems()), b)));
        if (c.assigned() == null) {
            return stamp.build(steps);
        }
        steps.add(new Dated(stamp.at(c.assigned()), 1, b -> new MeasureAssigned(id, lead, lead,
                List.copyOf(cooperating), owner, term.deadlineText(), term.longTerm(), term.reviewPeriodMonths(),
                actor.username(), true, b)));
        for (Progress p : list(c.progress())) {
            steps.add(new Dated(stamp.at(p.date()), 2, b -> new ProgressReported(id, lead, p.text().strip(), owner,
                    lead, List.of(), b)));
        }
        // the deadlines in force, in order: deadline k from startK until the next extension
        Instant completedAt = c.completed() == null ? null : stamp.at(c.completed());
        Instant reopenedAt = c.rejected() == null ? null : stamp.at(c.rejected());
        List<Extension> extensions = list(c.extensions()).stream()
                .sorted(Comparator.comparing(Extension::date)).toList();
        LocalDate deadline = c.deadline();
        Instant from = stamp.at(c.assigned());
        boolean lateAtCompletion = false;
        LocalDate deadlineAtCompletion = deadline;
        for (int k = 0; k <= extensions.size(); k++) {
            Instant until = k < extensions.size() ? stamp.at(extensions.get(k).date()) : null;
            Dated periodOverdue = null;
            if (deadline != null) {
                Instant due = Measure.overdueAt(deadline);
                // a deadline already passed when it took effect is overdue at once, right after its step
                Instant at = due.isBefore(from) ? from : due;
                int order = due.isBefore(from) ? 9 : 3;
                Dated overdue = null;
                if (completedAt == null || at.isBefore(completedAt)) {
                    overdue = new Dated(at, order, overdueOf(id, lead, deadline, owner));
                } else if (reopenedAt != null && at.isBefore(reopenedAt)) {
                    // reopened after this deadline had passed: overdue again from the reopening
                    overdue = new Dated(reopenedAt, 8, overdueOf(id, lead, deadline, owner));
                } else if (reopenedAt != null) {
                    overdue = new Dated(at, order, overdueOf(id, lead, deadline, owner));
                }
                if (overdue != null && (until == null || overdue.at().isBefore(until))
                        && !overdue.at().isAfter(c.now())) {
                    steps.add(overdue);
                    periodOverdue = overdue;
                }
            }
            if (completedAt != null && !completedAt.isBefore(from) && (until == null || completedAt.isBefore(until))) {
                deadlineAtCompletion = deadline;
                lateAtCompletion = periodOverdue != null && periodOverdue.at().isBefore(completedAt);
            }
            if (k < extensions.size()) {
                Extension e = extensions.get(k);
                LocalDate previous = deadline;
                steps.add(new Dated(until, 4, b -> new DeadlineExtended(id, lead, previous.toString(),
                        e.deadline().toString(), owner, actor.username(), b)));
                deadline = e.deadline();
                from = until;
            }
        }
        if (completedAt != null) {
            boolean late = lateAtCompletion;
            LocalDate due = deadlineAtCompletion;
            String summary = blank(c.summary()) ? "已完成整改（据历史台账迁移）" : c.summary().strip();
            steps.add(new Dated(completedAt, 5, b -> new MeasureCompleted(id, lead, summary, owner,
                    due == null ? null : due.toString(), late, b)));
        }
        if (c.verified() != null) {
            String opinion = blank(c.opinion()) ? null : c.opinion().strip();
            steps.add(new Dated(stamp.at(c.verified()), 6, b -> new MeasureVerified(id, lead, actor.username(),
                    opinion, b)));
        }
        if (reopenedAt != null) {
            List<String> reasons = list(c.rejectionReasons()).stream().filter(r -> !blank(r)).map(String::strip)
                    .toList();
            List<String> stated = reasons.isEmpty() ? List.of("验收未通过（据历史台账迁移）") : reasons;
            steps.add(new Dated(reopenedAt, 6, b -> new MeasureRejected(id, lead, actor.username(), stated, b)));
            steps.add(new Dated(reopenedAt, 7, b -> new MeasureReopened(id, lead, actor.username(),
                    String.join("；", stated), b)));
        }
        return stamp.build(steps);
    }

    private static java.util.function.Function<Backdating, Object> overdueOf(String id, String lead,
                                                                           LocalDate deadline, String owner) {
        return b -> new MeasureOverdue(id, lead, deadline.toString(), owner, b);
    }

    /** The deadline in force at {@code at}: the first one, moved by every extension approved before. */
    private static LocalDate deadlineAt(LocalDate first, List<Extension> extensions, Instant at, Stamp stamp) {
        LocalDate d = first;
        for (Extension e : extensions) {
            if (!stamp.at(e.date()).isAfter(at)) {
                d = e.deadline();
            }
        }
        return d;
    }

    /** Refuses steps out of order or in the future (codes and Chinese messages as the sheet import shows them). */
    private static void checkOrder(MigrateItem c, LocalDate planned, LocalDate today) {
        future(planned, today, "下达日期");
        if (c.assigned() == null) {
            if (!list(c.progress()).isEmpty() || !list(c.extensions()).isEmpty() || c.completed() != null
                    || c.verified() != null || c.rejected() != null) {
                throw conflict("NOT_ASSIGNED", "未分派的事项不能有进展、延期、完成或验收记录");
            }
            return;
        }
        future(c.assigned(), today, "分派日期");
        if (c.assigned().isBefore(planned)) {
            throw conflict("ASSIGNED_BEFORE_PLANNED", "分派日期（" + c.assigned() + "）早于下达日期（" + planned + "）");
        }
        if (c.completed() != null) {
            future(c.completed(), today, "完成日期");
            if (c.completed().isBefore(c.assigned())) {
                throw conflict("COMPLETED_BEFORE_ASSIGNED", "完成日期（" + c.completed() + "）早于分派日期（"
                        + c.assigned() + "）");
            }
        }
        if (c.verified() != null && c.rejected() != null) {
            throw conflict("VERIFIED_AND_REJECTED", "同一事项不能既销号又退回");
        }
        for (LocalDate review : new LocalDate[]{c.verified(), c.rejected()}) {
            if (review == null) {
                continue;
            }
            String what = review == c.verified() ? "销号日期" : "退回日期";
            future(review, today, what);
            if (c.completed() == null) {
                throw conflict(review == c.verified() ? "VERIFIED_WITHOUT_COMPLETION" : "REJECTED_WITHOUT_COMPLETION",
                        "未完成的事项不能有" + what);
            }
            if (review.isBefore(c.completed())) {
                throw conflict(review == c.verified() ? "VERIFIED_BEFORE_COMPLETED" : "REJECTED_BEFORE_COMPLETED",
                        what + "（" + review + "）早于完成日期（" + c.completed() + "）");
            }
        }
        if (list(c.progress()).size() > 200) {
            throw invalid("TOO_MANY_ITEMS", "进展记录过多（最多200条）");
        }
        for (Progress p : list(c.progress())) {
            if (p == null || p.date() == null || blank(p.text())) {
                throw invalid("MISSING_PROGRESS", "每条进展须有日期和内容");
            }
            if (p.text().length() > Measure.MAX_TEXT) {
                throw invalid("TOO_LONG_PROGRESS", "内容过长（最多" + Measure.MAX_TEXT + "字）");
            }
            future(p.date(), today, "进展日期");
            if (p.date().isBefore(c.assigned())) {
                throw conflict("PROGRESS_BEFORE_ASSIGNED", "进展日期（" + p.date() + "）早于分派日期（"
                        + c.assigned() + "）");
            }
            if (c.completed() != null && p.date().isAfter(c.completed())
                    && (c.rejected() == null || p.date().isBefore(c.rejected()))) {
                throw conflict("PROGRESS_AFTER_COMPLETION", "进展日期（" + p.date() + "）晚于完成日期（"
                        + c.completed() + "）");
            }
        }
        LocalDate deadline = c.deadline();
        for (Extension e : list(c.extensions()).stream().sorted(Comparator.comparing(Extension::date)).toList()) {
            if (e == null || e.date() == null || e.deadline() == null) {
                throw invalid("MISSING_EXTENSION", "每条延期须有批准日期和延至的日期");
            }
            if (c.longTerm()) {
                throw conflict("NO_DEADLINE", "长期坚持的事项没有完成时限，不能延期");
            }
            future(e.date(), today, "延期批准日期");
            if (e.date().isBefore(c.assigned())) {
                throw conflict("EXTENSION_BEFORE_ASSIGNED", "延期批准日期（" + e.date() + "）早于分派日期（"
                        + c.assigned() + "）");
            }
            if (c.completed() != null && e.date().isAfter(c.completed())
                    && (c.rejected() == null || e.date().isBefore(c.rejected()))) {
                throw conflict("EXTENSION_AFTER_COMPLETION", "延期批准日期（" + e.date() + "）晚于完成日期（"
                        + c.completed() + "）");
            }
            if (!e.deadline().isAfter(deadline)) {
                throw invalid("EXTENSION_NOT_LATER", "延期后的时限（" + e.deadline() + "）须晚于原时限（" + deadline + "）");
            }
            deadline = e.deadline();
        }
        for (String t : new String[]{c.title(), c.content(), c.summary(), c.opinion()}) {
            if (t != null && t.length() > Measure.MAX_TEXT) {
                throw invalid("TOO_LONG_TEXT", "内容过长（最多" + Measure.MAX_TEXT + "字）");
            }
        }
    }

    private static void future(LocalDate date, LocalDate today, String what) {
        if (date.isAfter(today)) {
            throw invalid("DATE_IN_FUTURE", what + "（" + date + "）晚于今天，历史台账只能记载已发生的事");
        }
    }

    /** A step, when it happened, its order among steps of the same instant, and how to build it. */
    private record Dated(Instant at, int order, java.util.function.Function<Backdating, Object> build) {
    }

    /** Dates a step: 09:00 in China on its day, never after the command was issued. */
    private record Stamp(MigrateItem command) {

        Instant at(LocalDate date) {
            Instant at = date.atTime(OFFICE_HOURS).atZone(Measure.ZONE).toInstant();
            return at.isAfter(command.now()) ? command.now() : at;
        }

        List<Object> build(List<Dated> steps) {
            List<Dated> ordered = new ArrayList<>(steps);
            ordered.sort(Comparator.comparing(Dated::at).thenComparingInt(Dated::order));
            String reason = REASON + "：" + command.migratedFrom().fileName() + " 第" + command.migratedFrom().row()
                    + "行";
            return ordered.stream().map(s -> s.build().apply(new Backdating(s.at(), command.actor().username(),
                    reason, command.migratedFrom()))).toList();
        }
    }

    private static String text(String value, String code, String message) {
        if (blank(value)) {
            throw invalid(code, message);
        }
        return value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    private static Refusal invalid(String code, String message) {
        return refused(Kind.INVALID, code, message);
    }

    private static Refusal conflict(String code, String message) {
        return refused(Kind.CONFLICT, code, message);
    }

    private static Refusal refused(Kind reason, String code, String message) {
        return new Refusal(reason, code, message);
    }
}

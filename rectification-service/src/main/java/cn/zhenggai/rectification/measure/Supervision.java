package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.history.EffectiveDated;
import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureColourChanged;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.SupervisionLevel;
import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import cn.zhenggai.rectification.measure.SupervisionSchedule.Checkpoint;
import cn.zhenggai.rectification.measure.SupervisionTimers.ReviewDue;
import cn.zhenggai.rectification.measure.SupervisionTimers.SupervisionCheck;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static cn.zhenggai.contracts.rectification.MeasureColourChanged.GREEN;
import static cn.zhenggai.contracts.rectification.MeasureColourChanged.RED;
import static cn.zhenggai.contracts.rectification.MeasureColourChanged.YELLOW;
import static cn.zhenggai.rectification.measure.Measure.OVERDUE;
import static cn.zhenggai.rectification.measure.Measure.SUPERVISION;
import static cn.zhenggai.rectification.measure.Measure.ZONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The deadline of an item and what it sets off (ADR 0031, 0097): the persistent overdue timer, the three-colour
 * warning, the escalating supervision notices (督办) on the {@link SupervisionSchedule}, a long-term item's review
 * reminders, and, for a step entered late (ADR 0090), the record of what of the deadline had already passed.
 * An aggregate member of {@link Measure}: it folds the deadline events itself; the item calls it after its own
 * events and hands it the item's timers ({@code measure-overdue}, {@code measure-supervision}, whose names and
 * payloads are as stored). What a notice says is the notifications' wording ({@link NoticeWording}).
 */
class Supervision {

    /** The deadline, or null for a long-term item (or one not yet assigned). */
    private LocalDate deadline;
    private boolean longTerm;
    private Integer reviewPeriodMonths;
    private boolean overdue;
    private String colour = GREEN;
    /** Timed notices already issued for the current deadline (their derived ids). */
    private Set<String> noticesIssued = new HashSet<>();
    /** The next review date of a long-term item. */
    private LocalDate nextReview;

    /**
     * What supervision needs to know of the item at hand.
     *
     * @param inProgress assigned and neither completed nor verified
     */
    record Item(String measureId, String department, String owner, String title, boolean inProgress) {
    }

    /** When the overdue timer for {@code deadline} fires: the start of the day after it, in China. */
    static Instant overdueAt(LocalDate deadline) {
        return deadline.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    LocalDate deadline() {
        return deadline;
    }

    String deadlineText() {
        return deadline == null ? null : deadline.toString();
    }

    boolean longTerm() {
        return longTerm;
    }

    Integer reviewPeriodMonths() {
        return reviewPeriodMonths;
    }

    /** Whether assigning {@code newDeadline} ({@code newLongTerm}) changes the item's deadline. */
    boolean changes(LocalDate newDeadline, boolean newLongTerm) {
        return !Objects.equals(newDeadline, deadline) || newLongTerm != longTerm;
    }

    /**
     * Whether a completion is late: effective time decides, so a completion backdated before its deadline passed
     * is not late (ADR 0090); otherwise whether the item is overdue.
     */
    boolean late(Backdating backdating) {
        return backdating == null ? overdue
                : deadline != null && !backdating.effectiveAt().isBefore(overdueAt(deadline));
    }

    // ------------------------------------------------------------------ after the item's own steps

    /**
     * The item has just been given a new deadline (or became long-term): the warning goes back to green; a deadline
     * is watched from its start, or, for a backdated step, from now with its past on record.
     */
    void newDeadline(Item item, Backdating backdating, SupervisionSchedule schedule, DeadlineManager deadlines) {
        backToGreen(item);
        if (deadline != null && backdating != null) {
            watchBackdated(item, backdating, schedule, deadlines);
        } else if (deadline != null) {
            watchFromStart(schedule, deadlines);
        }
    }

    /** A deadline just set (not backdated): the overdue timer and the first supervision checkpoint. */
    void watchFromStart(SupervisionSchedule schedule, DeadlineManager deadlines) {
        deadlines.schedule(overdueAt(deadline), OVERDUE, new OverdueCheck(deadline.toString()));
        superviseFromStart(schedule, deadlines);
    }

    /** The deadline was just extended: watched anew (a backdated approval has its passed part on record). */
    void extended(Item item, Backdating backdating, SupervisionSchedule schedule, DeadlineManager deadlines) {
        if (backdating == null) {
            deadlines.schedule(overdueAt(deadline), OVERDUE, new OverdueCheck(deadline.toString()));
        }
        if (!item.inProgress()) {
            return;
        }
        backToGreen(item);
        if (backdating != null) {
            watchBackdated(item, backdating, schedule, deadlines);
        } else {
            superviseFromStart(schedule, deadlines);
        }
    }

    /**
     * The item was just reopened: a deadline already passed without an overdue record is recorded at once;
     * supervision goes on from its first checkpoint not yet reached (a checkpoint in the past fires at once); a
     * long-term item's reviews resume. A backdated reopening records what of the deadline is past instead.
     */
    void reopened(Item item, Backdating backdating, SupervisionSchedule schedule, DeadlineManager deadlines) {
        if (backdating != null) {
            watchBackdated(item, backdating, schedule, deadlines);
        } else {
            watchDeadline(item.measureId(), schedule, deadlines);
        }
        if (longTerm) {
            scheduleReview(deadlines);
        }
    }

    /** The warning back to green (a new deadline, or the item completed: pending timers then end their chain). */
    void backToGreen(Item item) {
        if (!GREEN.equals(colour)) {
            applyColour(item, GREEN, null);
        }
    }

    /** The next review reminder of a long-term item, if it has one. */
    void scheduleReview(DeadlineManager deadlines) {
        if (nextReview != null && reviewPeriodMonths != null) {
            deadlines.schedule(nextReview.atStartOfDay(ZONE).toInstant(), SUPERVISION,
                    new ReviewDue(nextReview.toString(), reviewPeriodMonths));
        }
    }

    /** A supervision notice (督办) issued by hand at {@code level}, counting the days overdue as of {@code today}. */
    void noticeByHand(Item item, String noticeId, String level, String reason, LocalDate today) {
        int daysOverdue = deadline != null && today.isAfter(deadline)
                ? (int) ChronoUnit.DAYS.between(deadline, today) : 0;
        apply(notice(item, noticeId, level, reason, daysOverdue));
    }

    /**
     * After a backdated step that leaves the item in progress under its deadline: what of the deadline lies in the
     * future is watched as usual; what is already past is recorded, never notified (ADR 0090). A passed deadline is
     * recorded as MeasureOverdue effective the day after it (or at the step, if later) without a timer; colours
     * already due are taken at once; supervision notices whose time has passed are not issued, the chain goes on
     * from the first checkpoint still ahead.
     */
    void watchBackdated(Item item, Backdating step, SupervisionSchedule schedule, DeadlineManager deadlines) {
        if (!item.inProgress() || deadline == null) {
            return;
        }
        Instant now = GenericEventMessage.clock.instant();
        Instant due = overdueAt(deadline);
        if (due.isAfter(now)) {
            deadlines.schedule(due, OVERDUE, new OverdueCheck(deadline.toString()));
        }
        // what is already past is recorded in time order, each effective when it fell due (never before the step)
        List<Checkpoint> past = new ArrayList<>();
        if (!due.isAfter(now) && !overdue) {
            past.add(new Checkpoint(OVERDUE, due));
        }
        for (Checkpoint checkpoint : schedule.checkpoints(deadline)) {
            if (checkpoint.at().isAfter(now)) {
                deadlines.schedule(checkpoint.at(), SUPERVISION,
                        new SupervisionCheck(deadline.toString(), checkpoint.name()));
                break;
            }
            if (YELLOW.equals(checkpoint.name()) || RED.equals(checkpoint.name())) {
                past.add(checkpoint);
            }
        }
        past.sort(Comparator.comparing(Checkpoint::at));
        Instant floor = step.effectiveAt();
        for (Checkpoint checkpoint : past) {
            Instant at = checkpoint.at().isBefore(floor) ? floor : checkpoint.at();
            floor = at;
            LocalDate day = LocalDate.ofInstant(checkpoint.at(), ZONE);
            if (OVERDUE.equals(checkpoint.name())) {
                apply(new MeasureOverdue(item.measureId(), item.department(), deadline.toString(), item.owner(),
                        new Backdating(at, step.by(), "补录时完成时限（" + deadline + "）已过，逾期自"
                                + deadline.plusDays(1) + "起", null)));
            } else if (YELLOW.equals(checkpoint.name()) && GREEN.equals(colour)) {
                applyColour(item, YELLOW, new Backdating(at, step.by(),
                        "补录时预警时点已过（完成时限" + deadline + "），黄灯自" + day + "起", null));
            } else if (RED.equals(checkpoint.name()) && !RED.equals(colour)) {
                applyColour(item, RED, new Backdating(at, step.by(),
                        "补录时完成时限（" + deadline + "）已过，红灯自" + day + "起", null));
            }
        }
    }

    // ------------------------------------------------------------------ the timers

    /** The overdue timer: records MeasureOverdue if the deadline it was set for is still due and the item open. */
    void overdueTimer(Item item, OverdueCheck check) {
        if (item.inProgress() && !overdue && deadline != null && deadline.toString().equals(check.deadline())) {
            apply(new MeasureOverdue(item.measureId(), item.department(), deadline.toString(), item.owner()));
        }
    }

    /**
     * A supervision checkpoint of the current deadline: turns the warning yellow or red, or issues the timed notice
     * of its level (once per deadline), then schedules the next checkpoint. Stale checkpoints (another deadline, item
     * no longer in progress) change nothing and end their chain.
     */
    void checkpointTimer(Item item, SupervisionCheck check, SupervisionSchedule schedule, DeadlineManager deadlines,
                         NoticeWording wording) {
        if (!item.inProgress() || deadline == null || !deadline.toString().equals(check.deadline())) {
            return;
        }
        switch (check.checkpoint()) {
            case YELLOW -> {
                if (GREEN.equals(colour)) {
                    applyColour(item, YELLOW, null);
                }
            }
            case RED -> {
                if (!RED.equals(colour)) {
                    applyColour(item, RED, null);
                }
            }
            default -> {
                String level = check.checkpoint();
                if (!SupervisionSchedule.LEVELS.contains(level)) {
                    return;
                }
                String id = MeasureIds.timedNotice(item.measureId(), deadline.toString(), level);
                if (!noticesIssued.contains(id)) {
                    int days = schedule.daysOverdueAt(level);
                    apply(notice(item, id, level,
                            wording.overdueNotice(level, item.title(), deadline, days, item.owner()), days));
                }
            }
        }
        schedule.after(deadline, check.checkpoint()).ifPresent(next ->
                deadlines.schedule(next.at(), SUPERVISION, new SupervisionCheck(deadline.toString(), next.name())));
    }

    /** The review reminder of a long-term item: a notice to the lead department, then the next one. */
    void reviewTimer(Item item, ReviewDue due, DeadlineManager deadlines, NoticeWording wording) {
        if (!item.inProgress() || !longTerm || nextReview == null || !nextReview.toString().equals(due.reviewDate())
                || !Objects.equals(reviewPeriodMonths, due.periodMonths())) {
            return;
        }
        apply(new SupervisionNoticeIssued(MeasureIds.timedNotice(item.measureId(), due.reviewDate(),
                SupervisionLevel.REVIEW.name()), item.measureId(), item.department(), SupervisionLevel.REVIEW.name(),
                "DEPT_LIAISON", item.department(), null,
                wording.reviewReminder(item.title(), due.reviewDate(), reviewPeriodMonths), due.reviewDate(), 0));
        scheduleReview(deadlines);
    }

    // ------------------------------------------------------------------ state

    @EventSourcingHandler
    void on(MeasureAssigned event, @Timestamp Instant at) {
        LocalDate assigned = event.deadline() == null ? null : LocalDate.parse(event.deadline());
        if (!Objects.equals(assigned, deadline) || event.longTerm() != longTerm) {
            overdue = false;
            noticesIssued = new HashSet<>();
        }
        if (event.longTerm() && (!longTerm || !Objects.equals(event.reviewPeriodMonths(), reviewPeriodMonths))
                && event.reviewPeriodMonths() != null) {
            nextReview = LocalDate.ofInstant(EffectiveDated.effectiveAt(event, at), ZONE)
                    .plusMonths(event.reviewPeriodMonths());
            // a backdated assignment: the reviews already past when it was recorded are over, not due (ADR 0090)
            while (!nextReview.isAfter(LocalDate.ofInstant(at, ZONE))) {
                nextReview = nextReview.plusMonths(event.reviewPeriodMonths());
            }
        } else if (!event.longTerm()) {
            nextReview = null;
        }
        deadline = assigned;
        longTerm = event.longTerm();
        reviewPeriodMonths = event.reviewPeriodMonths();
    }

    @EventSourcingHandler
    void on(DeadlineExtended event) {
        deadline = LocalDate.parse(event.deadline());
        overdue = false;
        noticesIssued = new HashSet<>();
    }

    @EventSourcingHandler
    void on(MeasureOverdue event) {
        overdue = true;
    }

    @EventSourcingHandler
    void on(MeasureColourChanged event) {
        colour = event.colour();
    }

    @EventSourcingHandler
    void on(SupervisionNoticeIssued event) {
        if (SupervisionLevel.REVIEW.is(event.level())) {
            if (reviewPeriodMonths != null && event.deadline() != null) {
                nextReview = LocalDate.parse(event.deadline()).plusMonths(reviewPeriodMonths);
            }
        } else {
            noticesIssued.add(event.noticeId());
        }
    }

    // ------------------------------------------------------------------ helpers

    /**
     * After a reopening: a deadline already passed without an overdue record is recorded at once; supervision goes
     * on from its first checkpoint not yet reached.
     */
    private void watchDeadline(String measureId, SupervisionSchedule schedule, DeadlineManager deadlines) {
        if (deadline == null) {
            return;
        }
        if (!overdue) {
            deadlines.schedule(overdueAt(deadline), OVERDUE, new OverdueCheck(deadline.toString()));
        }
        for (Checkpoint checkpoint : schedule.checkpoints(deadline)) {
            if (!reached(measureId, checkpoint.name())) {
                deadlines.schedule(checkpoint.at(), SUPERVISION,
                        new SupervisionCheck(deadline.toString(), checkpoint.name()));
                break;
            }
        }
    }

    private boolean reached(String measureId, String checkpoint) {
        return switch (checkpoint) {
            case YELLOW -> !GREEN.equals(colour);
            case RED -> RED.equals(colour);
            default -> noticesIssued.contains(MeasureIds.timedNotice(measureId, deadline.toString(), checkpoint));
        };
    }

    /** A new deadline: supervision starts from its first checkpoint (at once if that is already due). */
    private void superviseFromStart(SupervisionSchedule schedule, DeadlineManager deadlines) {
        Checkpoint first = schedule.checkpoints(deadline).get(0);
        deadlines.schedule(first.at(), SUPERVISION, new SupervisionCheck(deadline.toString(), first.name()));
    }

    private void applyColour(Item item, String next, Backdating backdating) {
        apply(new MeasureColourChanged(item.measureId(), item.department(), next, colour, deadlineText(),
                item.owner(), backdating));
    }

    /** A notice of {@code level}: to the owner, to the lead department's head, or to the party committee. */
    private SupervisionNoticeIssued notice(Item item, String noticeId, String level, String reason,
                                           int daysOverdue) {
        String d = deadlineText();
        String measureId = item.measureId();
        String department = item.department();
        SupervisionLevel to = SupervisionLevel.of(level);
        if (to == SupervisionLevel.OWNER) {
            return new SupervisionNoticeIssued(noticeId, measureId, department, level, null, department,
                    item.owner(), reason, d, daysOverdue);
        }
        if (to == SupervisionLevel.DEPT_HEAD) {
            return new SupervisionNoticeIssued(noticeId, measureId, department, level,
                    SupervisionLevel.DEPT_HEAD.name(), department, null, reason, d, daysOverdue);
        }
        return new SupervisionNoticeIssued(noticeId, measureId, department, level,
                SupervisionLevel.PARTY_COMMITTEE.name(), null, null, reason, d, daysOverdue);
    }
}

package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.history.Backdating;
import cn.zhenggai.contracts.refusal.Refusal;
import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static cn.zhenggai.rectification.measure.Measure.ZONE;

/**
 * Who may enter a step of an item after it happened, and when it may have happened (ADR 0090): only the party
 * committee records history; with a reason; never in the future; never before the item existed nor before its
 * latest step (so per item the effective times never decrease in sequence). A day is that day in China; on the day
 * of the latest step it falls right at that step.
 *
 * @param plannedAt  when the item came to exist (effective time of its MeasurePlanned), or null before
 * @param lastStepAt the latest effective time of the item's steps, or null before
 */
record BackdatingPolicy(Instant plannedAt, Instant lastStepAt) {

    /** The backdating {@code backdate} asks {@code actor} to record, checked; null when it is not backdated. */
    Backdating check(Backdate backdate, Actor actor) {
        if (backdate == null) {
            return null;
        }
        if (!actor.partyCommittee()) {
            throw Refusal.forbidden("BACKDATE_FORBIDDEN", "只有党委可以补录已发生的事项（指定生效时间）");
        }
        String reason = Checks.blankToNull(backdate.reason());
        if (reason == null) {
            throw Refusal.invalid("BACKDATE_REASON_REQUIRED", "补录已发生的事项须写明补录理由");
        }
        Checks.checkLength(reason, "backdate_reason");
        if ((backdate.day() == null) == (backdate.at() == null)) {
            throw Refusal.invalid("BACKDATE_INVALID", "请指定生效日期或生效时间（二者取其一）");
        }
        Instant now = GenericEventMessage.clock.instant(); // as the events are stamped (the fixture's clock)
        Instant at;
        if (backdate.day() != null) {
            if (backdate.day().isAfter(LocalDate.ofInstant(now, ZONE))) {
                throw Refusal.invalid("BACKDATE_IN_FUTURE", "生效日期不能晚于今天：" + backdate.day());
            }
            at = backdate.day().atStartOfDay(ZONE).toInstant();
            for (Instant floor : new Instant[] {plannedAt, lastStepAt}) {
                if (floor != null && at.isBefore(floor) && LocalDate.ofInstant(floor, ZONE).equals(backdate.day())) {
                    at = floor;
                }
            }
        } else {
            at = backdate.at();
            if (at.isAfter(now)) {
                throw Refusal.invalid("BACKDATE_IN_FUTURE", "生效时间不能晚于现在：" + format(at));
            }
        }
        if (plannedAt != null && at.isBefore(plannedAt)) {
            throw Refusal.invalid("BACKDATE_BEFORE_ITEM", "生效时间不能早于该事项产生的时间（" + format(plannedAt) + "）");
        }
        if (lastStepAt != null && at.isBefore(lastStepAt)) {
            throw Refusal.conflict("BACKDATE_BEFORE_LAST_STEP",
                    "生效时间不能早于该事项最近一步的生效时间（" + format(lastStepAt) + "）");
        }
        return new Backdating(at, actor.username(), reason, null);
    }

    /** An extension's approval takes effect no earlier than its request ({@code requestedAt}, recorded time). */
    static void approvalAfterRequest(Backdating approval, Instant requestedAt) {
        if (approval != null && requestedAt != null && approval.effectiveAt().isBefore(requestedAt)) {
            throw Refusal.conflict("BACKDATE_BEFORE_LAST_STEP",
                    "批准延期的生效时间不能早于延期申请的时间（" + format(requestedAt) + "）");
        }
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE).format(instant);
    }
}

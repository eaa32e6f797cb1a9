package cn.zhenggai.rectification.measure;

import java.time.LocalDate;

/**
 * What the notices an item's timers issue say (督办 when overdue, 评估提醒 of a long-term item). The item decides when
 * a notice is due and to whom; the words are the notifications' ({@code notifications.NotificationWording}, ADR
 * 0097), handed to the timers like the {@link SupervisionSchedule}. The text is part of the notice's event, so the
 * words of a notice already issued never change.
 */
public interface NoticeWording {

    /**
     * The reason of the timed supervision notice of {@code level} (OWNER, DEPT_HEAD, PARTY_COMMITTEE) for item
     * {@code title} under {@code deadline}, {@code daysOverdue} days overdue, owned by {@code owner}.
     */
    String overdueNotice(String level, String title, LocalDate deadline, int daysOverdue, String owner);

    /** The reminder that long-term item {@code title} is due for review on {@code reviewDate}. */
    String reviewReminder(String title, String reviewDate, int periodMonths);
}

package cn.zhenggai.rectification.notifications;

import cn.zhenggai.contracts.rectification.SupervisionNoticeIssued;
import cn.zhenggai.rectification.measure.NoticeWording;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The Chinese wording of the notices (ADR 0097): what the item's timed supervision notices and review reminders
 * say (their reason is carried by {@code SupervisionNoticeIssued}, so these words must not change for notices
 * already issued), and the subject and message of every in-app notification the {@link NotificationProjection}
 * writes. Framework-free apart from being a bean, so the item's fixture tests use it as it is.
 */
@Component
public class NotificationWording implements NoticeWording {

    @Override
    public String overdueNotice(String level, String title, LocalDate deadline, int daysOverdue, String owner) {
        String item = "整改事项“" + title + "”（完成时限" + deadline + "）已逾期" + daysOverdue + "天";
        return switch (level) {
            case SupervisionNoticeIssued.OWNER -> item + "，请责任人尽快完成整改并报告进展。";
            case SupervisionNoticeIssued.DEPT_HEAD -> item + "，责任人" + owner + "尚未完成，请部门负责人督促落实。";
            default -> item + "，经责任人、部门负责人督办仍未完成，提请党委督办。";
        };
    }

    @Override
    public String reviewReminder(String title, String reviewDate, int periodMonths) {
        return "长期坚持事项“" + title + "”已到" + reviewDate + "评估节点（每" + periodMonths + "个月评估一次），请报告落实情况。";
    }
}

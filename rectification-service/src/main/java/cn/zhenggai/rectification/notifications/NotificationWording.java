package cn.zhenggai.rectification.notifications;

import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.SupervisionLevel;
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

    static final String ASSIGNED = "整改事项已分派";
    static final String SUPERVISION = "督办通知";
    static final String REVIEW = "长期坚持事项评估提醒";
    static final String COMPLETED = "整改事项待验收";
    static final String REJECTED = "整改验收未通过";
    static final String EXTENSION_REQUESTED = "延期申请待审批";
    static final String EXTENSION_APPROVED = "延期申请已批准";
    static final String EXTENSION_REFUSED = "延期申请未获批准";
    static final String REPORT_RETURNED = "发言提纲被退回修改";
    static final String REPORT_ACCEPTED = "发言提纲已审核通过";
    static final String ITEMS_RECEIVED = "收到新整改事项";

    @Override
    public String overdueNotice(String level, String title, LocalDate deadline, int daysOverdue, String owner) {
        String item = "整改事项“" + title + "”（完成时限" + deadline + "）已逾期" + daysOverdue + "天";
        SupervisionLevel to = SupervisionLevel.of(level);
        if (to == SupervisionLevel.OWNER) {
            return item + "，请责任人尽快完成整改并报告进展。";
        }
        if (to == SupervisionLevel.DEPT_HEAD) {
            return item + "，责任人" + owner + "尚未完成，请部门负责人督促落实。";
        }
        return item + "，经责任人、部门负责人督办仍未完成，提请党委督办。";
    }

    @Override
    public String reviewReminder(String title, String reviewDate, int periodMonths) {
        return "长期坚持事项“" + title + "”已到" + reviewDate + "评估节点（每" + periodMonths + "个月评估一次），请报告落实情况。";
    }

    // ------------------------------------------------------------------ the in-app notifications' messages

    static String assigned(String title, MeasureAssigned e, String leadDepartment, String owner) {
        String due = e.longTerm() ? "长期坚持（每" + e.reviewPeriodMonths() + "个月评估）" : "完成时限" + e.deadline();
        return "整改事项“" + title + "”已分派：牵头单位" + leadDepartment + "，责任人" + owner + "，" + due + "。";
    }

    static String completed(String title, MeasureCompleted e, String department) {
        return department + "整改事项“" + title + "”已完成" + (e.late() ? "（逾期后完成）" : "") + "，待党委验收销号："
                + e.summary();
    }

    static String rejected(String title, MeasureRejected e) {
        return "整改事项“" + title + "”验收未通过，已退回整改：" + String.join("；", e.reasons());
    }

    static String extensionRequested(String title, DeadlineExtensionRequested e, String department) {
        return department + "整改事项“" + title + "”申请将完成时限由" + e.currentDeadline() + "延至" + e.requestedDeadline() + "："
                + e.reason();
    }

    static String extended(String title, DeadlineExtended e) {
        return "整改事项“" + title + "”的完成时限已延至" + e.deadline() + "。";
    }

    static String extensionRefused(String title, DeadlineExtensionRefused e) {
        return "整改事项“" + title + "”申请延至" + e.requestedDeadline() + "未获批准"
                + (e.reason() == null ? "。" : "：" + e.reason());
    }

    // ------------------------------------------------------------------ the report events' notifications

    static String reportReturned(String reviewer, String department, String title, java.util.List<String> reasons) {
        return reviewer + "退回了" + department + "的" + report(title) + "，请修改后重新提交。退回理由："
                + String.join("；", reasons);
    }

    static String reportAccepted(String reviewer, String department, String title, int items) {
        return reviewer + "已审核通过" + department + "的" + report(title)
                + (items > 0 ? "，" + items + "项整改措施已转入整改台账。" : "。");
    }

    static String itemsReceived(String department, int items, String author, String title) {
        return department + "收到" + items + "项新整改事项，来自" + author + "的" + report(title) + "，请在整改台账中分派落实。";
    }

    private static String report(String title) {
        return title == null || title.isBlank() ? "发言提纲" : "发言提纲“" + title + "”";
    }
}

package cn.zhenggai.audit.timeline;

import cn.zhenggai.contracts.directory.DepartmentRegistered;
import cn.zhenggai.contracts.directory.DepartmentRenamed;
import cn.zhenggai.contracts.directory.PasswordReset;
import cn.zhenggai.contracts.directory.RoleGrantApproved;
import cn.zhenggai.contracts.directory.RoleGrantProposed;
import cn.zhenggai.contracts.directory.RoleGrantRejected;
import cn.zhenggai.contracts.directory.RolesGranted;
import cn.zhenggai.contracts.directory.RolesRevoked;
import cn.zhenggai.contracts.directory.UserDisabled;
import cn.zhenggai.contracts.directory.UserEnabled;
import cn.zhenggai.contracts.directory.UserLocked;
import cn.zhenggai.contracts.directory.UserMovedDepartment;
import cn.zhenggai.contracts.directory.UserRegistered;
import cn.zhenggai.contracts.directory.UserRenamed;
import cn.zhenggai.contracts.messaging.EventTypes;
import cn.zhenggai.contracts.rectification.DeadlineExtended;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRefused;
import cn.zhenggai.contracts.rectification.DeadlineExtensionRequested;
import cn.zhenggai.contracts.rectification.MeasureAssigned;
import cn.zhenggai.contracts.rectification.MeasureCompleted;
import cn.zhenggai.contracts.rectification.MeasureOverdue;
import cn.zhenggai.contracts.rectification.MeasurePlanned;
import cn.zhenggai.contracts.rectification.MeasureRejected;
import cn.zhenggai.contracts.rectification.MeasureReopened;
import cn.zhenggai.contracts.rectification.MeasureVerified;
import cn.zhenggai.contracts.rectification.ProgressReported;
import cn.zhenggai.contracts.report.CarryOverStated;
import cn.zhenggai.contracts.report.CleanAreasDeclared;
import cn.zhenggai.contracts.report.MeasureProposed;
import cn.zhenggai.contracts.report.MeetingConvened;
import cn.zhenggai.contracts.report.MeetingReferenced;
import cn.zhenggai.contracts.report.PersonalMattersDeclared;
import cn.zhenggai.contracts.report.PersonalMattersRead;
import cn.zhenggai.contracts.report.ProblemIdentified;
import cn.zhenggai.contracts.report.ProblemRevised;
import cn.zhenggai.contracts.report.ProblemWithdrawn;
import cn.zhenggai.contracts.report.ReportAccepted;
import cn.zhenggai.contracts.report.ReportDelegationGranted;
import cn.zhenggai.contracts.report.ReportDelegationRevoked;
import cn.zhenggai.contracts.report.ReportDrafted;
import cn.zhenggai.contracts.report.ReportReturned;
import cn.zhenggai.contracts.report.ReportSubmissionWithdrawn;
import cn.zhenggai.contracts.report.ReportSubmitted;
import cn.zhenggai.contracts.report.RootCauseAnalyzed;

import java.util.Map;
import java.util.function.Function;

/**
 * A readable Chinese summary of an event, from its type and payload, registered by the event's contract class (the
 * type name is resolved by {@link EventTypes}, never compared here). Types not known here (new events, other
 * services) get a generic summary naming the type; a payload that lacks an expected field still gets a summary.
 * Confidential payloads (personal matters) are never quoted.
 */
public final class Summaries {

    private static final int MAX = 80;

    private static final Map<Class<?>, Function<Map<String, ?>, String>> BY_TYPE = Map.ofEntries(
            Map.entry(MeetingConvened.class, p -> "召开会议" + colon(first(p, "title", "name", "notice"))),
            Map.entry(ReportDrafted.class, p -> "起草报告" + colon(quoted(first(p, "title")))),
            Map.entry(ProblemIdentified.class, p -> "提出问题" + colon(first(p, "statement", "text"))),
            Map.entry(ProblemRevised.class, p -> "修改问题" + colon(first(p, "statement", "text"))),
            Map.entry(ProblemWithdrawn.class, p -> "撤回问题" + colon(first(p, "statement", "reason", "problemId"))),
            Map.entry(RootCauseAnalyzed.class, p -> "剖析根源" + colon(first(p, "title", "analysis"))),
            Map.entry(CleanAreasDeclared.class, p -> "说明未发现问题的方面" + colon(list(p, "areas", "cleanAreas"))),
            Map.entry(PersonalMattersDeclared.class, p -> "填报个人有关事项"),
            Map.entry(MeasureProposed.class, p -> "提出整改措施" + colon(first(p, "title", "content"))),
            Map.entry(CarryOverStated.class, p -> "说明上年整改措施落实情况" + colon(first(p, "heading"))),
            Map.entry(ReportDelegationGranted.class, p -> "授权同事修改、提交报告" + colon(first(p, "delegate"))),
            Map.entry(ReportDelegationRevoked.class, p -> "撤销同事的报告授权" + colon(first(p, "delegate"))),
            Map.entry(ReportSubmitted.class, p -> "提交报告"),
            Map.entry(ReportSubmissionWithdrawn.class, p -> "撤回提交（报告回到草稿）"),
            Map.entry(ReportReturned.class, p -> "退回报告" + colon(or(list(p, "reasons"), first(p, "reason", "comment")))),
            Map.entry(MeetingReferenced.class, p -> "关联会议" + colon(first(p, "notice", "meetingId"))),
            Map.entry(PersonalMattersRead.class, p -> "查阅个人有关事项" + colon(read(p))),
            Map.entry(ReportAccepted.class, p -> "审核通过报告"),
            Map.entry(MeasurePlanned.class, p -> "制定整改措施" + colon(first(p, "title", "content"))),
            Map.entry(MeasureAssigned.class, p -> "分派整改措施" + colon(prefixed("牵头部门 ", first(p, "leadDepartment", "department")))),
            Map.entry(ProgressReported.class, p -> "报告整改进展" + colon(first(p, "progress", "text", "note"))),
            Map.entry(DeadlineExtended.class, p -> "延长整改期限" + colon(prefixed("至 ", first(p, "newDeadline", "deadline")))),
            Map.entry(MeasureOverdue.class, p -> "整改措施逾期" + colon(prefixed("期限 ", first(p, "deadline")))),
            Map.entry(MeasureCompleted.class, p -> "完成整改" + colon(first(p, "summary", "note"))),
            Map.entry(DeadlineExtensionRequested.class, p -> "申请延期" + colon(prefixed("至 ", first(p, "requestedDeadline")))),
            Map.entry(DeadlineExtensionRefused.class, p -> "不同意延期" + colon(first(p, "reason", "opinion"))),
            Map.entry(MeasureVerified.class, p -> "验收销号" + colon(first(p, "opinion", "note", "comment"))),
            Map.entry(MeasureRejected.class, p -> "验收未通过" + colon(or(list(p, "reasons"), first(p, "reason", "comment")))),
            Map.entry(MeasureReopened.class, p -> "重新打开整改措施" + colon(first(p, "reason"))),
            // the gateway's directory (ADR 0078): never a password, only who did what to which account
            Map.entry(UserRegistered.class, p -> "新建用户" + colon(user(p) + roles(p))),
            Map.entry(UserRenamed.class, p -> "修改用户姓名" + colon(user(p) + prefixed(" → ", first(p, "displayName")))),
            Map.entry(UserMovedDepartment.class, p -> "调整用户部门" + colon(user(p) + " " + first(p, "fromDepartment")
                    + " → " + first(p, "department"))),
            Map.entry(RolesGranted.class, p -> "授予角色" + colon(user(p) + roles(p))),
            Map.entry(RolesRevoked.class, p -> "取消角色" + colon(user(p) + roles(p))),
            Map.entry(UserDisabled.class, p -> "停用账号" + colon(user(p))),
            Map.entry(UserEnabled.class, p -> "启用账号" + colon(user(p))),
            Map.entry(PasswordReset.class, p -> "重置密码" + colon(user(p))),
            Map.entry(UserLocked.class, p -> "账号因连续登录失败被锁定" + colon(user(p))),
            Map.entry(DepartmentRegistered.class, p -> "新建部门" + colon(first(p, "code") + prefixed(" ", first(p, "name")))),
            Map.entry(DepartmentRenamed.class, p -> "部门更名" + colon(first(p, "code") + " " + first(p, "oldName") + " → "
                    + first(p, "name"))),
            Map.entry(RoleGrantProposed.class, p -> "提出授权申请" + colon(user(p) + roles(p))),
            Map.entry(RoleGrantApproved.class, p -> "批准授权" + colon(user(p) + roles(p)
                    + prefixed("，批准人 ", first(p, "approvedBy")))),
            Map.entry(RoleGrantRejected.class, p -> "驳回授权" + colon(user(p) + roles(p))));

    private Summaries() {
    }

    public static String of(String type, Map<String, ?> payload) {
        Map<String, ?> p = payload == null ? Map.of() : payload;
        Function<Map<String, ?>, String> known = EventTypes.classOf(type).map(BY_TYPE::get).orElse(null);
        String summary = known != null ? known.apply(p) : "其他事件（" + type + "）" + colon(first(p, "title", "statement", "text"));
        return summary.length() > MAX ? summary.substring(0, MAX - 1) + "…" : summary;
    }

    private static String first(Map<String, ?> payload, String... fields) {
        for (String field : fields) {
            Object value = payload.get(field);
            if (value != null && !String.valueOf(value).isBlank()) {
                return String.valueOf(value).strip().replaceAll("\\s+", " ");
            }
        }
        return null;
    }

    private static String list(Map<String, ?> payload, String... fields) {
        for (String field : fields) {
            if (payload.get(field) instanceof java.util.List<?> items && !items.isEmpty()) {
                return String.join("、", items.stream().map(String::valueOf).toList());
            }
        }
        return null;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    private static String read(Map<String, ?> p) {
        String reader = first(p, "reader");
        String person = first(p, "person");
        if (reader == null || person == null) {
            return null;
        }
        String role = first(p, "readerRole");
        return reader + (role == null ? "" : "（" + role + "）") + " 查阅 " + person + " 的申报";
    }

    private static String user(Map<String, ?> p) {
        String username = first(p, "username");
        return username == null ? "" : username;
    }

    private static String roles(Map<String, ?> p) {
        String roles = list(p, "roles");
        return roles == null ? "" : " " + roles;
    }

    private static String quoted(String title) {
        return title == null ? null : "《" + title + "》";
    }

    private static String prefixed(String prefix, String value) {
        return value == null ? null : prefix + value;
    }

    private static String colon(String detail) {
        return detail == null ? "" : "：" + detail;
    }
}

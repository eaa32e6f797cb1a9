package cn.zhenggai.audit.timeline;

import java.util.Map;
import java.util.function.Function;

/**
 * A readable Chinese summary of an event, from its type and payload. Types not known here (new events, other
 * services) get a generic summary naming the type; a payload that lacks an expected field still gets a summary.
 * Confidential payloads (personal matters) are never quoted.
 */
public final class Summaries {

    private static final int MAX = 80;

    private static final Map<String, Function<Map<String, ?>, String>> BY_TYPE = Map.ofEntries(
            Map.entry("MeetingConvened", p -> "召开会议" + colon(first(p, "title", "name", "notice"))),
            Map.entry("ReportDrafted", p -> "起草报告" + colon(quoted(first(p, "title")))),
            Map.entry("ProblemIdentified", p -> "提出问题" + colon(first(p, "statement", "text"))),
            Map.entry("ProblemRevised", p -> "修改问题" + colon(first(p, "statement", "text"))),
            Map.entry("ProblemWithdrawn", p -> "撤回问题" + colon(first(p, "statement", "reason", "problemId"))),
            Map.entry("RootCauseAnalyzed", p -> "剖析根源" + colon(first(p, "title", "analysis"))),
            Map.entry("CleanAreasDeclared", p -> "说明未发现问题的方面" + colon(list(p, "areas", "cleanAreas"))),
            Map.entry("PersonalMattersDeclared", p -> "填报个人有关事项"),
            Map.entry("MeasureProposed", p -> "提出整改措施" + colon(first(p, "title", "content"))),
            Map.entry("CarryOverStated", p -> "说明上年整改措施落实情况" + colon(first(p, "heading"))),
            Map.entry("ReportDelegationGranted", p -> "授权同事修改、提交报告" + colon(first(p, "delegate"))),
            Map.entry("ReportDelegationRevoked", p -> "撤销同事的报告授权" + colon(first(p, "delegate"))),
            Map.entry("ReportSubmitted", p -> "提交报告"),
            Map.entry("ReportReturned", p -> "退回报告" + colon(or(list(p, "reasons"), first(p, "reason", "comment")))),
            Map.entry("MeetingReferenced", p -> "关联会议" + colon(first(p, "notice", "meetingId"))),
            Map.entry("PersonalMattersRead", p -> "查阅个人有关事项" + colon(read(p))),
            Map.entry("ReportAccepted", p -> "审核通过报告"),
            Map.entry("MeasurePlanned", p -> "制定整改措施" + colon(first(p, "title", "content"))),
            Map.entry("MeasureAssigned", p -> "分派整改措施" + colon(prefixed("牵头部门 ", first(p, "leadDepartment", "department")))),
            Map.entry("ProgressReported", p -> "报告整改进展" + colon(first(p, "progress", "text", "note"))),
            Map.entry("DeadlineExtended", p -> "延长整改期限" + colon(prefixed("至 ", first(p, "newDeadline", "deadline")))),
            Map.entry("MeasureOverdue", p -> "整改措施逾期" + colon(prefixed("期限 ", first(p, "deadline")))),
            Map.entry("MeasureCompleted", p -> "完成整改" + colon(first(p, "summary", "note"))),
            Map.entry("DeadlineExtensionRequested", p -> "申请延期" + colon(prefixed("至 ", first(p, "requestedDeadline")))),
            Map.entry("DeadlineExtensionRefused", p -> "不同意延期" + colon(first(p, "reason", "opinion"))),
            Map.entry("MeasureVerified", p -> "验收销号" + colon(first(p, "opinion", "note", "comment"))),
            Map.entry("MeasureRejected", p -> "验收未通过" + colon(or(list(p, "reasons"), first(p, "reason", "comment")))),
            Map.entry("MeasureReopened", p -> "重新打开整改措施" + colon(first(p, "reason"))),
            // the gateway's directory (ADR 0078): never a password, only who did what to which account
            Map.entry("UserRegistered", p -> "新建用户" + colon(user(p) + roles(p))),
            Map.entry("UserRenamed", p -> "修改用户姓名" + colon(user(p) + prefixed(" → ", first(p, "displayName")))),
            Map.entry("UserMovedDepartment", p -> "调整用户部门" + colon(user(p) + " " + first(p, "fromDepartment")
                    + " → " + first(p, "department"))),
            Map.entry("RolesGranted", p -> "授予角色" + colon(user(p) + roles(p))),
            Map.entry("RolesRevoked", p -> "取消角色" + colon(user(p) + roles(p))),
            Map.entry("UserDisabled", p -> "停用账号" + colon(user(p))),
            Map.entry("UserEnabled", p -> "启用账号" + colon(user(p))),
            Map.entry("PasswordReset", p -> "重置密码" + colon(user(p))),
            Map.entry("UserLocked", p -> "账号因连续登录失败被锁定" + colon(user(p))),
            Map.entry("DepartmentRegistered", p -> "新建部门" + colon(first(p, "code") + prefixed(" ", first(p, "name")))),
            Map.entry("DepartmentRenamed", p -> "部门更名" + colon(first(p, "code") + " " + first(p, "oldName") + " → "
                    + first(p, "name"))),
            Map.entry("RoleGrantProposed", p -> "提出授权申请" + colon(user(p) + roles(p))),
            Map.entry("RoleGrantApproved", p -> "批准授权" + colon(user(p) + roles(p)
                    + prefixed("，批准人 ", first(p, "approvedBy")))),
            Map.entry("RoleGrantRejected", p -> "驳回授权" + colon(user(p) + roles(p))));

    private Summaries() {
    }

    public static String of(String type, Map<String, ?> payload) {
        Map<String, ?> p = payload == null ? Map.of() : payload;
        Function<Map<String, ?>, String> known = BY_TYPE.get(type);
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

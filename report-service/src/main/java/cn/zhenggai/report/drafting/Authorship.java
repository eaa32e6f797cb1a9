package cn.zhenggai.report.drafting;

import cn.zhenggai.contracts.refusal.Refusal;
import cn.zhenggai.contracts.report.ReportDelegationGranted;
import cn.zhenggai.contracts.report.ReportDelegationRevoked;
import cn.zhenggai.contracts.report.ReportDrafted;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.Set;

/**
 * Whose report it is and who may change it (an aggregate member): the author, the author's department, and the
 * colleagues the author delegated to (ADR 0083).
 */
final class Authorship {

    private String author;
    private String department;
    private final Set<String> delegates = new HashSet<>();

    String author() {
        return author;
    }

    String department() {
        return department;
    }

    /** Only the author, or a colleague of the same department the author delegated to, edits and submits. */
    void checkMayEdit(Editor editor, String otherDepartment) {
        if (editor.system()) {
            return;
        }
        if (!editor.belongsTo(department)) {
            throw Refusal.forbidden("FORBIDDEN_DEPARTMENT", otherDepartment);
        }
        if (!author.equals(editor.username()) && !delegates.contains(editor.username())) {
            throw Refusal.forbidden("NOT_AUTHOR_OR_DELEGATE", "只有报告作者本人或经作者授权的同事可以修改、提交报告");
        }
    }

    /** Only the author grants and revokes delegations. */
    void checkIsAuthor(Editor editor) {
        if (!editor.belongsTo(department)) {
            throw Refusal.forbidden("FORBIDDEN_DEPARTMENT", "不能修改其他部门的报告");
        }
        if (!author.equals(editor.username())) {
            throw Refusal.forbidden("NOT_AUTHOR", "只有报告作者本人可以授权或撤销授权");
        }
    }

    /** Only the author takes a submission back (a delegate who submitted it asks the author). */
    void checkWithdraws(Editor editor) {
        if (!editor.belongsTo(department)) {
            throw Refusal.forbidden("FORBIDDEN_DEPARTMENT", "不能撤回其他部门的报告");
        }
        if (!author.equals(editor.username())) {
            throw Refusal.forbidden("NOT_AUTHOR", "只有报告作者本人可以撤回提交");
        }
    }

    /** Only the author states the personal matters: a colleague of the department, a delegate included, cannot. */
    void checkDeclaresOwnMatters(Editor editor) {
        if (editor.belongsTo(department) && !author.equals(editor.username())) {
            throw Refusal.forbidden("PERSONAL_MATTERS_FORBIDDEN", "个人有关事项只能由报告作者本人申报");
        }
    }

    /** The colleague's username, stripped; refused when blank, too long or the author's own. */
    String delegate(String username) {
        String delegate = username == null ? "" : username.strip();
        if (delegate.isEmpty() || delegate.length() > 64) {
            throw Refusal.invalid("INVALID_DELEGATE", "请填写被授权同事的用户名");
        }
        if (delegate.equals(author)) {
            throw Refusal.invalid("INVALID_DELEGATE", "不能授权给报告作者本人");
        }
        return delegate;
    }

    /** The delegation to a checked {@link #delegate(String)}; null when granted already. */
    ReportDelegationGranted grant(String reportId, String delegate) {
        return delegates.contains(delegate) ? null
                : new ReportDelegationGranted(reportId, department, author, delegate);
    }

    /** The end of a delegation; refused when there is none. */
    ReportDelegationRevoked revoke(String reportId, String delegate) {
        if (!delegates.contains(delegate)) {
            throw Refusal.notFound("DELEGATION_NOT_FOUND", "没有授权该同事：" + delegate);
        }
        return new ReportDelegationRevoked(reportId, department, author, delegate);
    }

    @EventSourcingHandler
    void on(ReportDrafted event) {
        author = event.author();
        department = event.department();
    }

    @EventSourcingHandler
    void on(ReportDelegationGranted event) {
        delegates.add(event.delegate());
    }

    @EventSourcingHandler
    void on(ReportDelegationRevoked event) {
        delegates.remove(event.delegate());
    }
}

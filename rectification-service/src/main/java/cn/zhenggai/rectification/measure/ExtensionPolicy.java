package cn.zhenggai.rectification.measure;

import cn.zhenggai.contracts.refusal.Refusal;

import java.time.LocalDate;

/**
 * The rules of a deadline extension (延期), each named, in the order the item asks them: what may be asked
 * for (an item with a deadline, one request at a time, a later date not in the past) and who decides it (the party
 * committee, not the one who asked, while a request is pending).
 */
final class ExtensionPolicy {

    private ExtensionPolicy() {
    }

    /**
     * An extension to {@code wanted} may be asked for an item whose deadline is {@code deadline} (null: long-term)
     * and whose pending request is {@code pending} (null: none), {@code today}.
     */
    static void request(LocalDate deadline, LocalDate pending, LocalDate wanted, LocalDate today) {
        if (deadline == null) {
            throw Refusal.conflict("NO_DEADLINE", "长期坚持的事项没有完成时限，无需延期");
        }
        if (pending != null) {
            throw Refusal.conflict("EXTENSION_PENDING", "已有延期申请等待党委审批");
        }
        if (wanted == null) {
            throw Refusal.invalid("MISSING_DEADLINE", "请指定申请延至的日期");
        }
        if (wanted.isBefore(today)) {
            throw Refusal.invalid("DEADLINE_IN_PAST", "完成时限不能早于今天：" + wanted);
        }
        if (!wanted.isAfter(deadline)) {
            throw Refusal.invalid("EXTENSION_NOT_LATER", "延期后的时限须晚于现时限：" + deadline);
        }
    }

    /**
     * The party committee decides a pending request ({@code requested}, asked by {@code requestedBy}), and not the
     * member who asked for it (separation of duties).
     */
    static void decision(Actor actor, LocalDate requested, String requestedBy) {
        if (!actor.partyCommittee()) {
            throw Refusal.forbidden("FORBIDDEN_ROLE", "只有党委可以审批延期");
        }
        if (requested == null) {
            throw Refusal.conflict("NO_EXTENSION_REQUESTED", "没有待审批的延期申请");
        }
        if (actor.username().equals(requestedBy)) {
            throw Refusal.forbidden("SEPARATION_OF_DUTIES", "不能审批本人提出的延期申请");
        }
    }
}

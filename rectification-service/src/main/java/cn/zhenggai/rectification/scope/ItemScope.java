package cn.zhenggai.rectification.scope;

import cn.zhenggai.contracts.refusal.Refusal;

import java.util.Collection;

/**
 * Who an item exists for (ADR 0072), stated once for the item's rules ({@code measure}) and the read side
 * ({@code ledger}, which must not know the aggregate): its current lead department, its cooperating departments and
 * the cross-department roles. To anyone else it answers exactly as an unknown id.
 */
public final class ItemScope {

    /** The answer to an unknown item id, and to an item the caller does not see. */
    public static final String NOT_FOUND_CODE = "MEASURE_NOT_FOUND";
    /** Followed by the id asked for. */
    public static final String NOT_FOUND_MESSAGE = "整改事项不存在：";

    private ItemScope() {
    }

    /** Item {@code measureId} does not exist, or not for this caller: the same words either way. */
    public static Refusal notFound(String measureId) {
        return Refusal.notFound(NOT_FOUND_CODE, NOT_FOUND_MESSAGE + measureId);
    }

    /** Whether an item led by {@code lead} with these cooperating departments exists for this caller. */
    public static boolean sees(String callerDepartment, boolean crossDepartment, String lead,
                               Collection<String> cooperating) {
        return crossDepartment || (callerDepartment != null
                && (callerDepartment.equals(lead) || cooperating != null && cooperating.contains(callerDepartment)));
    }
}
